// The demo's TorchScript model on a scene drawn by the demo's own generator.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "datasets/demo/shapes_scene.h"
#include "datasets/demo/shapes_vocabulary.h"
#include "models/clip_tokenizer.h"
#include "models/torch/demo_model_builder.h"
#include "models/torch/torch_script_module.h"

namespace ovbench {
namespace {

std::filesystem::path models_dir() {
  static const auto dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("ovbench-demo-model-" + std::to_string(::getpid()));
    write_demo_torchscript_models(d);
    return d;
  }();
  return dir;
}

HostTensor chw01(const demo::ShapesScene& s) {
  std::vector<float> v(static_cast<std::size_t>(3 * s.width * s.height));
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < s.width * s.height; ++p)
      v[static_cast<std::size_t>(c * s.width * s.height + p)] = s.rgb[static_cast<std::size_t>(p * 3 + c)] / 255.0f;
  return HostTensor::floats({1, 3, s.height, s.width}, v);
}

TEST(DemoModel, RegionModuleFindsOneBoxPerColourWithItsShape) {
  demo::ShapesScene s;
  s.width = 64;
  s.height = 48;
  s.shapes = {{0 * 3 + 0, 4, 4, 20}, {2 * 3 + 2, 36, 10, 24}};  // red square, blue triangle
  s.rgb.assign(static_cast<std::size_t>(64 * 48 * 3), 236);
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 64; ++x)
      for (const auto& shape : s.shapes)
        if (demo::shape_covers(shape, x, y))
          for (int c = 0; c < 3; ++c)
            s.rgb[static_cast<std::size_t>((y * 64 + x) * 3 + c)] = demo::kColours[static_cast<std::size_t>(shape.category / 3)].rgb[static_cast<std::size_t>(c)];
  auto module = load_torch_script_module(models_dir() / "demo_regions.pt", DeviceSpec{});
  const auto out = module->call("forward", {chw01(s), HostTensor::ints({1, 2}, {48, 64})});
  ASSERT_EQ(out.size(), 3u);
  const auto& boxes = out[0].at(0);
  ASSERT_EQ(boxes.shape, (std::vector<std::int64_t>{2, 4}));
  // The triangle's apex row (y = 10) has no pixel centre inside it (|x - 12| <= 0.25 at the
  // centre's y offset 0.5 misses every x + 0.5): its box starts at row 11.
  EXPECT_EQ(boxes.f32, (std::vector<float>{4, 4, 24, 24, 36, 11, 60, 34}));
  const auto& emb = out[1].at(0);
  ASSERT_EQ(emb.shape, (std::vector<std::int64_t>{2, 9}));
  EXPECT_FLOAT_EQ(emb.f32[0], 1.0f);             // red
  EXPECT_FLOAT_EQ(emb.f32[6], 1.0f);             // fill 1: square affinity exp(0)
  EXPECT_LT(emb.f32[8], 1e-3f);                  // not a triangle
  EXPECT_FLOAT_EQ(emb.f32[9 + 2], 1.0f);         // blue
  EXPECT_GT(emb.f32[9 + 8], emb.f32[9 + 6]);     // triangle beats square for the blue region
}

TEST(DemoModel, TextModuleMapsColourAndShapeWordsOntoTheirAxes) {
  auto module = load_torch_script_module(models_dir() / "demo_text.pt", DeviceSpec{});
  const auto ids = pad_clip_tokens(ClipTokenizer::builtin().tokenize("a photo of a green circle."));
  const auto out = module->call("encode_text", {HostTensor::ints({1, 77}, std::vector<std::int64_t>(ids.begin(), ids.end()))});
  EXPECT_EQ(out.at(0).at(0).f32, (std::vector<float>{0, 1, 0, 0, 0, 0, 0, 1, 0}));
}

TEST(DemoModel, SegmenterGivesColourPixelsTheirClassLogit) {
  auto module = load_torch_script_module(models_dir() / "demo_segmenter.pt", DeviceSpec{});
  // One red pixel and one background pixel; classes: background (zero row) and red.
  const float r = 214 / 255.0f, g = 40 / 255.0f, b = 40 / 255.0f, bg = 236 / 255.0f;
  const auto crop = HostTensor::floats({1, 3, 1, 2}, {r, bg, g, bg, b, bg});
  std::vector<float> classes(18, 0.0f);
  classes[9 + 0] = 1.0f;
  const auto out = module->call("forward", {crop, HostTensor::floats({2, 9}, classes)});
  const auto& logits = out.at(0).at(0);
  // Quarter resolution: the 1 x 2 crop gives one logit per class, from pixel (0, 0).
  ASSERT_EQ(logits.shape, (std::vector<std::int64_t>{1, 2, 1, 1}));
  EXPECT_EQ(logits.f32, (std::vector<float>{0, 10}));
}

}  // namespace
}  // namespace ovbench
