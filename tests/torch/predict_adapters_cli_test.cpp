// `ovbench predict` runs every adapter on generated data through real TorchScript files and
// writes prediction files that `ovbench eval` accepts. The modules are small stand-ins built
// here around the demo's region module (models/torch/demo_model_builder.h).
#include <gtest/gtest.h>
#include <torch/script.h>
#include <torch/serialize.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "datasets/demo/shapes_demo_writer.h"
#include "models/torch/demo_model_builder.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;

const fs::path& root() {
  static const fs::path dir = [] {
    const auto d = fs::temp_directory_path() / ("ovbench-predict-adapters-" + std::to_string(::getpid()));
    fs::remove_all(d);
    demo::ShapesDemoOptions small;
    small.images = 8;
    demo::write_shapes_demo_data(d / "data", small);
    write_demo_torchscript_models(d / "model");
    return d;
  }();
  return dir;
}

struct Run {
  int exit_code;
  std::string err;
};

Run ovbench(const std::string& args) {
  const auto err = root() / "stderr.txt";
  const std::string command = std::string(OVBENCH_TEST_EXE) + " " + args + " > /dev/null 2> " + err.string();
  const int status = std::system(command.c_str());
  std::ifstream in(err);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string predict_and_eval(const std::string& card_name, const std::string& card) {
  const auto dir = root() / "model";
  write(dir / card_name, card);
  const auto out = root() / (card_name + ".results.json");
  const auto data = root() / "data";
  const auto p = ovbench("predict --model " + (dir / card_name).string() + " --dataset " +
                         (data / "detection" / "instances.json").string() + " --images " + (data / "images").string() +
                         " --groups " + (data / "detection" / "groups.json").string() + " --text-cache none --out " +
                         out.string());
  EXPECT_EQ(p.exit_code, 0) << p.err;
  const auto e = ovbench("eval coco --gt " + (data / "detection" / "instances.json").string() + " --pred " + out.string());
  EXPECT_EQ(e.exit_code, 0) << e.err;
  return out.string();
}

TEST(PredictAdapters, VildOverATwoBranchModule) {
  auto regions = torch::jit::load((root() / "model" / "demo_regions.pt").string());
  torch::jit::Module vild("StandInVild");
  vild.register_module("regions", regions);
  vild.define(R"JIT(
def forward(self, images: Tensor, image_sizes: Tensor) -> Tuple[List[Tensor], List[Tensor], List[Tensor]]:
    out = self.regions.forward(images, image_sizes)
    return out[0], out[1], out[1]
)JIT");
  vild.save((root() / "model" / "vild.pt").string());
  predict_and_eval("vild.json", R"({"name": "v", "adapter": "vild",
      "files": {"image_module": "vild.pt", "text_module": "demo_text.pt"},
      "preprocess": {"pixel_range": "0-1", "channel_order": "rgb", "mean": [0, 0, 0], "std": [1, 1, 1]},
      "text": {"templates": "single"}})");
}

TEST(PredictAdapters, GlipOverAnImageAndTextModule) {
  auto regions = torch::jit::load((root() / "model" / "demo_regions.pt").string());
  torch::jit::Module glip("StandInGlip");
  glip.register_module("regions", regions);
  // Region r lights up token r + 1 of the prompt: a valid, if arbitrary, grounding.
  glip.define(R"JIT(
def forward(self, images: Tensor, image_sizes: Tensor, input_ids: Tensor, attention_mask: Tensor) -> Tuple[List[Tensor], List[Tensor], List[Tensor], Tensor]:
    out = self.regions.forward(images, image_sizes)
    logits: List[Tensor] = []
    centerness: List[Tensor] = []
    for b in range(len(out[0])):
        n = out[0][b].size(0)
        l = torch.full([n, input_ids.size(1)], -10.0)
        for r in range(n):
            l[r, r + 1] = 4.0
        logits.append(l)
        centerness.append(torch.zeros(n))
    return out[0], logits, centerness, torch.tensor([0])
)JIT");
  glip.save((root() / "model" / "glip.pt").string());
  predict_and_eval("glip.json", R"({"name": "g", "adapter": "glip", "files": {"module": "glip.pt"},
      "preprocess": {"preset": "glip"}})");
}

TEST(PredictAdapters, ClipOnCropsOfGivenProposalsAndReplay) {
  torch::jit::Module clip("StandInClip");
  clip.define(R"JIT(
def encode_image(self, crops: Tensor) -> Tensor:
    return torch.cat([crops.mean([2, 3]), torch.zeros(crops.size(0), 6)], 1)
)JIT");
  clip.save((root() / "model" / "clip.pt").string());
  // Proposals: the ground-truth boxes, class-agnostic.
  std::ifstream in(root() / "data" / "detection" / "instances.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto gt = nlohmann::json::parse(text.str());
  nlohmann::json proposals = nlohmann::json::array();
  for (const auto& a : gt["annotations"])
    proposals.push_back({{"image_id", a["image_id"]}, {"category_id", 1}, {"bbox", a["bbox"]}, {"score", 1.0}});
  write(root() / "model" / "proposals.json", proposals.dump());
  const auto results = predict_and_eval("clip_crops.json", R"({"name": "c", "adapter": "clip_crops",
      "files": {"image_encoder": "clip.pt", "text_module": "demo_text.pt", "proposals": "proposals.json"},
      "preprocess": {"pixel_range": "0-1"}, "text": {"templates": "single"}})");
  // replay: the same file through the same runner path.
  const auto replayed = predict_and_eval("replay.json", R"({"name": "r", "adapter": "replay", "files": {"predictions": ")" +
                                                            results + R"("}})");
  std::ifstream a(results), b(replayed);
  std::stringstream ta, tb;
  ta << a.rdbuf();
  tb << b.rdbuf();
  EXPECT_EQ(ta.str(), tb.str());
}

}  // namespace
}  // namespace ovbench
