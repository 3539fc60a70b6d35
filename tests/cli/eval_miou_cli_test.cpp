// `ovbench eval miou` end to end on PNG label maps the test writes: gray and palette inputs,
// hand-derived numbers, class names, and every bad input with its message.

#include <gtest/gtest.h>
#include <png.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "datasets/label_map_png.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

void write_gray(const std::filesystem::path& p, int w, int h, std::vector<std::uint8_t> labels) {
  write_label_map_png(p, {w, h, std::move(labels)});
}

// A palette PNG (bit depth `depth`) whose indexes are `labels`; the palette colours are
// arbitrary (index i is drawn as (i*40, 0, 0)): only the index is a label.
void write_png(const std::filesystem::path& p, int w, int h, int depth, int colour,
               const std::vector<std::uint8_t>& bytes) {
  std::FILE* f = std::fopen(p.c_str(), "wb");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, f);
  png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), depth, colour, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_color palette[4];
  for (int i = 0; i < 4; ++i) palette[i] = {static_cast<png_byte>(i * 40), 0, 0};
  if (colour == PNG_COLOR_TYPE_PALETTE) png_set_PLTE(png, info, palette, 4);
  png_write_info(png, info);
  const std::size_t row = bytes.size() / static_cast<std::size_t>(h);
  for (int y = 0; y < h; ++y) png_write_row(png, bytes.data() + static_cast<std::size_t>(y) * row);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(f);
}

// Two 3x1 images, 3 classes. a: gt {0,1,2} pred {0,1,1}; b (palette): gt {1,1,255} pred {1,0,2}.
// b's third pixel is ignored (gt 255), its prediction with it. intersect {1,2,0},
// pred {2,3,0}, label {1,3,1}; union {2,4,1}.
// IoU {0.5, 0.5, 0}, Acc {1, 2/3, 0}; aAcc 3/5; mIoU 1/3; mAcc 5/9.
TEST(EvalMiouCli, HandDerivedTotalsGrayAndPalette) {
  const auto dir = fresh_test_dir();
  std::filesystem::create_directories(dir / "gt");
  std::filesystem::create_directories(dir / "pred");
  write_gray(dir / "gt" / "a.png", 3, 1, {0, 1, 2});
  write_gray(dir / "pred" / "a.png", 3, 1, {0, 1, 1});
  write_gray(dir / "gt" / "b.png", 3, 1, {1, 1, 255});
  write_png(dir / "pred" / "b.png", 3, 1, 8, PNG_COLOR_TYPE_PALETTE, {1, 0, 2});
  const auto classes = dir / "classes.txt";
  { std::FILE* f = std::fopen(classes.c_str(), "w"); std::fputs("sky\nroad\ntree\n", f); std::fclose(f); }
  const auto r = run_ovbench({"eval", "miou", "--gt", (dir / "gt").string(), "--pred", (dir / "pred").string(),
                              "--num-classes", "3", "--classes", classes.string(), "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["metrics"]["aAcc"].get<double>(), 3.0 / 5);
  EXPECT_DOUBLE_EQ(j["metrics"]["mIoU"].get<double>(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(j["metrics"]["mAcc"].get<double>(), (1 + 2.0 / 3 + 0) / 3);
  EXPECT_EQ(j["totals"]["intersect"], (std::vector<int>{1, 2, 0}));
  EXPECT_EQ(j["totals"]["union"], (std::vector<int>{2, 4, 1}));
  EXPECT_EQ(j["totals"]["pred"], (std::vector<int>{2, 3, 0}));
  EXPECT_EQ(j["per_class"][1]["name"], "road");
  EXPECT_DOUBLE_EQ(j["per_class"][1]["Acc"].get<double>(), 2.0 / 3);
  EXPECT_NE(r.err.find("mIoU 33.33"), std::string::npos) << r.err;
}

TEST(EvalMiouCli, NanIsNullAndBuiltinClasses) {
  const auto dir = fresh_test_dir();
  std::filesystem::create_directories(dir / "gt");
  std::filesystem::create_directories(dir / "pred");
  write_gray(dir / "gt" / "x.png", 2, 1, {1, 2});  // reduce_zero_label: classes 0 and 1
  write_gray(dir / "pred" / "x.png", 2, 1, {0, 1});
  const auto r = run_ovbench({"eval", "miou", "--gt", (dir / "gt").string(), "--pred", (dir / "pred").string(),
                              "--num-classes", "150", "--reduce-zero-label", "--classes", "ade20k-150", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["per_class"][0]["name"], "wall");
  EXPECT_DOUBLE_EQ(j["per_class"][0]["IoU"].get<double>(), 1.0);
  EXPECT_TRUE(j["per_class"][2]["IoU"].is_null());
  EXPECT_DOUBLE_EQ(j["metrics"]["mIoU"].get<double>(), 1.0);
}

TEST(EvalMiouCli, BadInputsNameTheFiles) {
  const auto dir = fresh_test_dir();
  std::filesystem::create_directories(dir / "gt");
  std::filesystem::create_directories(dir / "pred");
  write_gray(dir / "gt" / "a.png", 2, 2, {0, 0, 1, 1});
  write_gray(dir / "gt" / "b.png", 2, 2, {0, 0, 1, 1});
  write_gray(dir / "pred" / "a.png", 2, 2, {0, 0, 1, 1});
  auto run = [&] {
    return run_ovbench({"eval", "miou", "--gt", (dir / "gt").string(), "--pred", (dir / "pred").string(), "--num-classes", "2"});
  };
  auto r = run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1 ground-truth label map(s) have no prediction (b)"), std::string::npos) << r.err;
  write_gray(dir / "pred" / "b.png", 2, 1, {0, 0});
  r = run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2x1 does not match its ground truth"), std::string::npos) << r.err;
  write_png(dir / "pred" / "b.png", 2, 2, 16, PNG_COLOR_TYPE_GRAY, std::vector<std::uint8_t>(8, 0));
  r = run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("16-bit grayscale PNG"), std::string::npos) << r.err;
  write_png(dir / "pred" / "b.png", 2, 2, 8, PNG_COLOR_TYPE_RGB, std::vector<std::uint8_t>(12, 0));
  r = run();
  EXPECT_NE(r.err.find("8-bit RGB PNG"), std::string::npos) << r.err;
  { std::FILE* f = std::fopen((dir / "pred" / "b.png").c_str(), "w"); std::fputs("not a png", f); std::fclose(f); }
  r = run();
  EXPECT_NE(r.err.find("b.png: not a PNG file"), std::string::npos) << r.err;
  write_gray(dir / "pred" / "b.png", 2, 2, {0, 0, 1, 1});
  write_gray(dir / "pred" / "c.png", 2, 2, {0, 0, 1, 1});
  r = run();
  EXPECT_NE(r.err.find("1 prediction(s) have no ground truth"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "miou", "--gt", (dir / "gt").string(), "--pred", (dir / "pred").string(), "--num-classes", "3",
                   "--classes", "ade20k-150"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("150 class names for --num-classes 3"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ovbench
