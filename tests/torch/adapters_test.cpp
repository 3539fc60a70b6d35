// Adapters over real TorchScript modules made here (torch::jit::Module::define), with outputs
// chosen so that every post-processing step has a hand-derived expected value.
#include <gtest/gtest.h>
#include <torch/script.h>
#include <torch/serialize.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "models/adapters/clip_crops_adapter.h"
#include "models/adapters/glip_adapter.h"
#include "models/bert_tokenizer.h"
#include "models/cards/model_card.h"
#include "models/torch/torch_script_module.h"

namespace ovbench {
namespace {

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("ovbench-adapters-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

AdapterContext context() {
  AdapterContext c;
  c.load_module = [](const std::filesystem::path& p) { return load_torch_script_module(p, DeviceSpec{}); };
  c.load_tensor = [](const std::filesystem::path& p) { return load_torch_saved_tensor(p); };
  return c;
}

ModelCard card(const std::string& json, const std::string& name) {
  const auto path = temp_dir() / name;
  std::ofstream(path) << json;
  return load_model_card(path);
}

ModelImage half_size_image(std::int64_t id) {
  // A 200 x 100 original shown to the model at 100 x 50.
  ModelImage im;
  im.image_id = id;
  im.original_width = 200;
  im.original_height = 100;
  im.input_width = im.padded_width = 100;
  im.input_height = im.padded_height = 50;
  im.chw.assign(3 * 100 * 50, 0.0f);
  return im;
}

TEST(GlipAdapter, PromptPositiveMapScoresAndBoxesBackToTheOriginal) {
  const auto& bert = BertTokenizer::builtin();
  const auto cat = bert.id_of("cat"), dog = bert.id_of("dog");
  // Anchor 0 lights up the "cat" token (logit 5), anchor 1 the "dog" token (logit 0); all
  // other logits -10; centerness logits 0 (sigmoid 0.5).
  torch::jit::Module m("FakeGlip");
  m.define(R"JIT(
def forward(self, images: Tensor, image_sizes: Tensor, input_ids: Tensor, attention_mask: Tensor) -> Tuple[List[Tensor], List[Tensor], List[Tensor], Tensor]:
    boxes: List[Tensor] = []
    logits: List[Tensor] = []
    centerness: List[Tensor] = []
    for b in range(images.size(0)):
        ids = input_ids[b].float()
        a0 = torch.where(ids == )JIT" + std::to_string(cat) + R"JIT(.0, 5.0, -10.0)
        a1 = torch.where(ids == )JIT" + std::to_string(dog) + R"JIT(.0, 0.0, -10.0)
        boxes.append(torch.tensor([[10.0, 10.0, 50.0, 50.0], [60.0, 10.0, 90.0, 40.0]]))
        logits.append(torch.stack([a0, a1]))
        centerness.append(torch.zeros(2))
    return boxes, logits, centerness, torch.tensor([2])
)JIT");
  m.save((temp_dir() / "glip.pt").string());
  GlipAdapter glip(card(R"({"name": "g", "adapter": "glip", "files": {"module": "glip.pt"}})", "glip.json"), context());
  Vocabulary v;
  v.entries = {{17, "cat", {}, false, 0}, {18, "dog", {}, false, 0}};
  glip.prepare(v);
  const auto image = half_size_image(5);
  const auto d = glip.detect({&image});
  ASSERT_EQ(d.size(), 2u);
  // cat: sqrt(sigmoid(5) * sigmoid(0)) = sqrt(0.9933071 * 0.5) = 0.7047365.
  EXPECT_EQ(d[0].category_id, 17);
  EXPECT_NEAR(d[0].score, 0.7047365, 1e-6);
  // [10, 10, 50, 50] clipped to the last pixel (y2 -> 49), scaled by 2: [20, 20, 100, 98];
  // xywh with maskrcnn_benchmark's +1: [20, 20, 81, 79].
  EXPECT_DOUBLE_EQ(d[0].bbox.x, 20);
  EXPECT_DOUBLE_EQ(d[0].bbox.y, 20);
  EXPECT_DOUBLE_EQ(d[0].bbox.w, 81);
  EXPECT_DOUBLE_EQ(d[0].bbox.h, 79);
  // dog: sqrt(0.5 * 0.5) = 0.5; [60, 10, 90, 40] -> [120, 20, 180, 80] -> w = h = 61.
  EXPECT_EQ(d[1].category_id, 18);
  EXPECT_NEAR(d[1].score, 0.5, 1e-6);
  EXPECT_DOUBLE_EQ(d[1].bbox.w, 61);

  // Chunks of one category: two prompts, "cat" and "dog"; the same detections, concatenated.
  GlipAdapter chunked(card(R"({"name": "g", "adapter": "glip", "files": {"module": "glip.pt"},
                               "protocol": {"chunk_size": 1}})", "glip1.json"), context());
  chunked.prepare(v);
  const auto c = chunked.detect({&image});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].category_id, 17);
  EXPECT_EQ(c[1].category_id, 18);
  EXPECT_FLOAT_EQ(static_cast<float>(c[1].score), static_cast<float>(d[1].score));
}

TEST(ClipCropsAdapter, CropsAtTwoScalesAveragedAndScored) {
  // encode_image: the mean of each crop's first channel -> [mean, 1 - mean]. Classes: c0 = [1, 0]
  // and c1 = [0, 1] saved with torch.save as class embeddings.
  torch::jit::Module m("FakeClip");
  m.define(R"JIT(
def encode_image(self, crops: Tensor) -> Tensor:
    mean = crops[:, 0].mean([1, 2])
    return torch.stack([mean, 1.0 - mean], 1)
)JIT");
  m.save((temp_dir() / "clip.pt").string());
  const auto bytes = torch::pickle_save(torch::tensor({{1.0f, 0.0f}, {0.0f, 1.0f}}));
  std::ofstream(temp_dir() / "classes.pth", std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  std::ofstream(temp_dir() / "proposals.json") << R"([{"image_id": 3, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9}])";
  // Normalisation to 0..1 with mean 0 and std 1 keeps the arithmetic visible.
  ClipCropsAdapter adapter(card(R"({"name": "c", "adapter": "clip_crops",
      "files": {"image_encoder": "clip.pt", "class_embeddings": "classes.pth", "proposals": "proposals.json"},
      "protocol": {"input_size": 4, "temperature": 1.0}})", "clip.json"), context());
  Vocabulary v;
  v.entries = {{1, "white", {}, false, 0}, {2, "black", {}, false, 0}};
  adapter.prepare(v);
  // A 20 x 20 image, white (255) everywhere: every crop's red channel normalises to the same
  // value r = (1 - 0.48145466) / 0.26862954 = 1.93039, at both scales.
  ModelImage image;
  image.image_id = 3;
  image.original_width = image.original_height = 20;
  image.original = RgbImage(20, 20);
  std::fill(image.original.pixels.begin(), image.original.pixels.end(), 255);
  const auto d = adapter.detect({&image});
  ASSERT_EQ(d.size(), 2u);
  // Embedding [r, 1 - r] normalised: cos with c0 = r / n, with c1 = (1 - r) / n, n = |[r, 1-r]|;
  // softmax at T = 1: p0 = 1 / (1 + exp((1 - 2r) / n)).
  const double r = (1 - 0.48145466) / 0.26862954, n = std::sqrt(r * r + (1 - r) * (1 - r));
  const double p0 = 1 / (1 + std::exp((1 - 2 * r) / n));
  EXPECT_EQ(d[0].category_id, 1);
  EXPECT_NEAR(d[0].score, p0, 1e-5);
  EXPECT_NEAR(d[1].score, 1 - p0, 1e-5);
  EXPECT_DOUBLE_EQ(d[0].bbox.w, 10);
  // The 1.5x crop of [0, 0, 10, 10] about its centre is [-2.5, 12.5] clipped to [0, 13).
  const auto crop = crop_scaled_box(image.original, BoxXYWH{0, 0, 10, 10}, 1.5);
  EXPECT_EQ(crop.width, 13);
  EXPECT_EQ(crop.height, 13);
}

}  // namespace
}  // namespace ovbench
