// The LibTorch runtime behind the plugin: loading TorchScript files made here with
// torch::jit::Module::define, calling methods on host tensors, and the errors users see.
#include <gtest/gtest.h>
#include <torch/script.h>
#include <torch/cuda.h>
#include <torch/serialize.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "models/runtime/script_module.h"
#include "models/torch/torch_script_module.h"

namespace ovbench {
namespace {

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("ovbench-torch-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path write_module(const std::string& name, const std::string& source) {
  torch::jit::Module m(name);
  m.register_buffer("weight", torch::tensor({2.0f, 3.0f}));
  m.define(source);
  const auto path = temp_dir() / (name + ".pt");
  m.save(path.string());
  return path;
}

TEST(TorchRuntime, CallsAMethodAndFlattensTuplesOfLists) {
  const auto path = write_module("Pair", R"JIT(
def forward(self, x: Tensor, n: Tensor) -> Tuple[List[Tensor], Tensor]:
    out: List[Tensor] = []
    for i in range(int(n[0])):
        out.append(x * self.weight + float(i))
    return out, n + 1
)JIT");
  auto module = load_torch_script_module(path, DeviceSpec{});
  EXPECT_TRUE(module->has_method("forward"));
  EXPECT_FALSE(module->has_method("encode_text"));
  const auto out = module->call("forward", {HostTensor::floats({2}, {1, 1}), HostTensor::ints({1}, {2})});
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].size(), 2u);  // a list of two tensors
  EXPECT_EQ(out[0][0].f32, (std::vector<float>{2, 3}));
  EXPECT_EQ(out[0][1].f32, (std::vector<float>{3, 4}));
  ASSERT_EQ(out[1].size(), 1u);  // a bare tensor is a list of one
  EXPECT_EQ(out[1][0].type, TensorType::int64);
  EXPECT_EQ(out[1][0].i64, (std::vector<std::int64_t>{3}));
}

TEST(TorchRuntime, MissingFileBadFileAndMissingMethodAreInputErrors) {
  EXPECT_THROW(load_torch_script_module(temp_dir() / "absent.pt", DeviceSpec{}), InputError);
  const auto bad = temp_dir() / "not-a-module.pt";
  std::ofstream(bad) << "this is not a zip archive";
  try {
    load_torch_script_module(bad, DeviceSpec{});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not a TorchScript file this LibTorch can read"), std::string::npos);
  }
  const auto path = write_module("Single", "def forward(self, x: Tensor) -> Tensor:\n    return x\n");
  auto module = load_torch_script_module(path, DeviceSpec{});
  try {
    require_method(*module, "encode_text", "encode_text(Tensor tokens[N,77] int64) -> Tensor[N,D]");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("has no method 'encode_text'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Tensor tokens[N,77]"), std::string::npos);
  }
}

TEST(TorchRuntime, ARejectedCallNamesTheMethodShapesAndSchema) {
  const auto path = write_module("Matmul", "def forward(self, x: Tensor) -> Tensor:\n    return x.mm(x)\n");
  auto module = load_torch_script_module(path, DeviceSpec{});
  try {
    module->call("forward", {HostTensor::floats({2, 3}, std::vector<float>(6, 1))});
    FAIL();
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(": forward failed on inputs of shapes [2, 3]"), std::string::npos) << what;
    EXPECT_NE(what.find("schema: forward("), std::string::npos) << what;
  }
}

TEST(TorchRuntime, CudaIsRefusedClearlyWithoutAGpu) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "a GPU is present";
  const auto path = write_module("Id", "def forward(self, x: Tensor) -> Tensor:\n    return x\n");
  DeviceSpec cuda;
  cuda.cuda = true;
  try {
    load_torch_script_module(path, cuda);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no CUDA device is available"), std::string::npos);
  }
}

TEST(TorchRuntime, TensorsSavedWithTorchSaveLoad) {
  // torch::pickle_save writes the same zip-pickle format as Python's torch.save.
  const auto t = torch::tensor({{1.0f, 2.0f}, {3.0f, 4.0f}}).to(torch::kFloat64);
  const auto bytes = torch::pickle_save(t);
  const auto path = temp_dir() / "concepts.pth";
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const auto loaded = load_torch_saved_tensor(path);
  EXPECT_EQ(loaded.shape, (std::vector<std::int64_t>{2, 2}));
  EXPECT_EQ(loaded.f32, (std::vector<float>{1, 2, 3, 4}));
  const auto garbage = temp_dir() / "garbage.pth";
  std::ofstream(garbage) << "no";
  EXPECT_THROW(load_torch_saved_tensor(garbage), InputError);
}

}  // namespace
}  // namespace ovbench
