#include "models/torch/torch_script_module.h"

#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/serialize.h>
#include <torch/version.h>

#include <fstream>
#include <iterator>

#include "core/errors.h"

namespace ovbench {
namespace {

std::string first_line(const std::string& text) {
  const auto end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

torch::Tensor to_torch(const HostTensor& t, const torch::Device& device, bool half) {
  // from_blob does not copy: the HostTensor outlives the call, and .to() copies when it moves.
  torch::Tensor host;
  if (t.type == TensorType::float32) {
    host = torch::from_blob(const_cast<float*>(t.f32.data()), t.shape, torch::kFloat32);
  } else {
    host = torch::from_blob(const_cast<std::int64_t*>(t.i64.data()), t.shape, torch::kInt64);
  }
  auto out = host.to(device);
  if (half && t.type == TensorType::float32) out = out.to(torch::kHalf);
  if (out.data_ptr() == host.data_ptr()) out = out.clone();  // the module may write into it
  return out;
}

HostTensor from_torch(const torch::Tensor& tensor) {
  HostTensor t;
  auto host = tensor.detach().to(torch::kCPU).contiguous();
  t.shape.assign(host.sizes().begin(), host.sizes().end());
  if (host.is_floating_point()) {
    host = host.to(torch::kFloat32);
    t.f32.assign(host.data_ptr<float>(), host.data_ptr<float>() + host.numel());
  } else if (host.scalar_type() == torch::kBool || c10::isIntegralType(host.scalar_type(), false)) {
    t.type = TensorType::int64;
    host = host.to(torch::kInt64);
    t.i64.assign(host.data_ptr<std::int64_t>(), host.data_ptr<std::int64_t>() + host.numel());
  } else {
    throw InputError(std::string("unsupported output dtype ") + c10::toString(host.scalar_type()));
  }
  return t;
}

std::vector<HostTensor> flatten_list(const c10::IValue& value, const std::string& where) {
  std::vector<HostTensor> out;
  if (value.isTensor()) {
    out.push_back(from_torch(value.toTensor()));
  } else if (value.isTensorList()) {
    for (const auto& t : value.toTensorVector()) out.push_back(from_torch(t));
  } else if (value.isList()) {
    for (const auto& item : value.toListRef()) {
      if (!item.isTensor()) throw InputError(where + ": a returned list holds a non-tensor");
      out.push_back(from_torch(item.toTensor()));
    }
  } else {
    throw InputError(where + ": returned a " + value.tagKind() +
                     " where a tensor or a list of tensors was expected");
  }
  return out;
}

class TorchScriptModule final : public ScriptModule {
 public:
  TorchScriptModule(torch::jit::Module module, std::string path, torch::Device device, bool half)
      : module_(std::move(module)), path_(std::move(path)), device_(device), half_(half) {}

  bool has_method(const std::string& name) const override {
    return module_.find_method(name).has_value();
  }
  std::string method_schema(const std::string& name) const override {
    const auto method = module_.find_method(name);
    if (!method) return "";
    std::ostringstream out;
    out << method->function().getSchema();
    return out.str();
  }
  ModuleOutput call(const std::string& name, const std::vector<HostTensor>& inputs) override {
    const std::string where = path_ + ": " + name;
    auto method = module_.find_method(name);
    if (!method) throw InputError(where + ": no such method");
    c10::InferenceMode inference;
    std::vector<c10::IValue> args;
    args.reserve(inputs.size());
    for (const auto& input : inputs) args.emplace_back(to_torch(input, device_, half_));
    c10::IValue result;
    try {
      result = (*method)(std::move(args));
    } catch (const c10::Error& e) {
      throw InputError(where + " failed on inputs of shapes " + describe_shapes(inputs) + ": " +
                       first_line(e.what_without_backtrace()) + " (schema: " + method_schema(name) + ")");
    } catch (const std::exception& e) {
      // The interpreter's own errors (torch::jit::JITException) carry a traceback; its last
      // line is the message.
      std::string what = e.what();
      while (!what.empty() && what.back() == '\n') what.pop_back();
      const auto last = what.rfind('\n');
      throw InputError(where + " failed on inputs of shapes " + describe_shapes(inputs) + ": " +
                       (last == std::string::npos ? what : what.substr(last + 1)) + " (schema: " +
                       method_schema(name) + ")");
    }
    ModuleOutput out;
    if (result.isTuple()) {
      for (const auto& element : result.toTupleRef().elements())
        out.push_back(flatten_list(element, where));
    } else {
      out.push_back(flatten_list(result, where));
    }
    return out;
  }
  const std::string& path() const override { return path_; }

 private:
  static std::string describe_shapes(const std::vector<HostTensor>& inputs) {
    std::string s;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (i) s += ", ";
      s += inputs[i].shape_string();
    }
    return s;
  }

  mutable torch::jit::Module module_;
  std::string path_;
  torch::Device device_;
  bool half_;
};

torch::Device resolve_device(const DeviceSpec& spec) {
  if (!spec.cuda) return torch::Device(torch::kCPU);
  if (!torch::cuda::is_available())
    throw InputError("--device " + spec.to_string() +
                     ": no CUDA device is available to this LibTorch (" TORCH_VERSION
                     ", a CPU-only build or no visible GPU); use --device cpu");
  const auto count = static_cast<int>(torch::cuda::device_count());
  if (spec.index >= count)
    throw InputError("--device " + spec.to_string() + ": only " + std::to_string(count) +
                     " CUDA device(s) visible");
  return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(spec.index));
}

}  // namespace

std::unique_ptr<ScriptModule> load_torch_script_module(const std::filesystem::path& path,
                                                       const DeviceSpec& spec) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(path.string() + ": TorchScript file not found");
  const auto device = resolve_device(spec);
  torch::jit::Module module;
  try {
    module = torch::jit::load(path.string(), device);
  } catch (const c10::Error& e) {
    const std::string what = first_line(e.what_without_backtrace());
    std::string hint;
    if (what.find("version") != std::string::npos)
      hint = " (it was probably exported by a newer PyTorch; this is LibTorch " TORCH_VERSION
             ": export with torch.jit.save from PyTorch <= " TORCH_VERSION ")";
    throw InputError(path.string() + ": not a TorchScript file this LibTorch can read: " + what + hint);
  }
  module.eval();
  const bool half = spec.half && spec.cuda;
  if (half) module.to(torch::kHalf);
  return std::make_unique<TorchScriptModule>(std::move(module), path.string(), device, half);
}

HostTensor load_torch_saved_tensor(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": file not found");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  c10::IValue value;
  try {
    value = torch::pickle_load(bytes);
  } catch (const c10::Error& e) {
    throw InputError(path.string() + ": not a tensor saved with torch.save: " +
                     first_line(e.what_without_backtrace()));
  }
  if (!value.isTensor())
    throw InputError(path.string() + ": holds a " + value.tagKind() +
                     ", expected one tensor (torch.save(tensor, path))");
  auto t = from_torch(value.toTensor().to(torch::kFloat32));
  return t;
}

}  // namespace ovbench
