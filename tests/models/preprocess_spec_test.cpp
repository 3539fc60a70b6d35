// PreprocessSpec JSON: presets, overrides, round trip, and strict errors that name the key.

#include "models/preprocess/preprocess_spec.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "models/preprocess/official_preprocess.h"

namespace ovbench {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_preprocess_spec(nlohmann::json::parse(text), "card.json: field 'preprocess'");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PreprocessSpec, ParsesEveryKey) {
  const PreprocessSpec s = parse_preprocess_spec(nlohmann::json::parse(R"({
    "exif_orientation": "apply",
    "resize": {"rule": "detectron2_shortest_edge", "short_edge": 800, "max_size": 1333,
               "filter": "pil_bicubic"},
    "center_crop": {"width": 224, "height": 200},
    "channel_order": "bgr", "pixel_range": "0-1",
    "mean": [1, 2, 3.5], "std": [4, 5, 6], "std_mode": "multiply_reciprocal",
    "size_divisibility": 32, "pad_value": -1.5})"),
                                                 "t");
  EXPECT_EQ(s.exif_orientation, ExifOrientation::apply);
  EXPECT_EQ(s.resize, ResizeRule::detectron2_shortest_edge);
  EXPECT_EQ(s.filter, ResizeFilter::pil_bicubic);
  EXPECT_EQ(s.short_edge, 800);
  EXPECT_EQ(s.max_size, 1333);
  ASSERT_TRUE(s.center_crop.has_value());
  EXPECT_EQ(*s.center_crop, (ImageSize{224, 200}));
  EXPECT_EQ(s.normalization.order, ChannelOrder::bgr);
  EXPECT_EQ(s.normalization.range, PixelRange::to_1);
  EXPECT_EQ(s.normalization.mean, (std::array<double, 3>{1, 2, 3.5}));
  EXPECT_EQ(s.normalization.std, (std::array<double, 3>{4, 5, 6}));
  EXPECT_EQ(s.normalization.std_mode, StdMode::multiply_reciprocal);
  EXPECT_EQ(s.size_divisibility, 32);
  EXPECT_EQ(s.pad_value, -1.5f);
}

TEST(PreprocessSpec, PresetsAndOverrides) {
  const PreprocessSpec glip = parse_preprocess_spec(
      nlohmann::json::parse(R"({"preset": "glip", "size_divisibility": 0})"), "t");
  EXPECT_EQ(glip.resize, ResizeRule::maskrcnn_shortest_edge);
  EXPECT_EQ(glip.short_edge, 800);
  EXPECT_EQ(glip.max_size, 1333);
  EXPECT_EQ(glip.normalization.order, ChannelOrder::bgr);
  EXPECT_EQ(glip.normalization.std, (std::array<double, 3>{57.375, 57.120, 58.395}));
  EXPECT_EQ(glip.size_divisibility, 0);  // overridden
  const PreprocessSpec clip = official_preprocess("clip");
  EXPECT_EQ(clip.filter, ResizeFilter::pil_bicubic);
  EXPECT_EQ(clip.center_crop, (ImageSize{224, 224}));
  const PreprocessSpec dense = official_preprocess("denseclip_ade20k");
  EXPECT_EQ(dense.filter, ResizeFilter::cv2_linear);
  EXPECT_EQ(dense.normalization.std_mode, StdMode::multiply_reciprocal);
  EXPECT_DOUBLE_EQ(dense.normalization.mean[0], 0.48145466 * 255);
  EXPECT_EQ(official_preprocess("regionclip").exif_orientation, ExifOrientation::apply);
  EXPECT_EQ(official_preprocess("glip").exif_orientation, ExifOrientation::ignore);
  EXPECT_EQ(official_preprocess("detectron2").normalization.mean[0], 103.530);
}

TEST(PreprocessSpec, ToJsonRoundTrips) {
  for (const char* name : {"regionclip", "detectron2", "glip", "clip", "denseclip_ade20k"}) {
    const PreprocessSpec s = official_preprocess(name);
    const nlohmann::json j = s.to_json();
    EXPECT_EQ(parse_preprocess_spec(j, "t").to_json(), j) << name;
  }
  const PreprocessSpec none = parse_preprocess_spec(nlohmann::json::parse("{}"), "t");
  EXPECT_EQ(none.resize, ResizeRule::none);
  EXPECT_EQ(parse_preprocess_spec(none.to_json(), "t").to_json(), none.to_json());
}

TEST(PreprocessSpec, ErrorsNameTheKey) {
  EXPECT_EQ(error_of(R"({"means": [1, 2, 3]})"),
            "card.json: field 'preprocess': field 'means': unknown key (expected one of: preset, "
            "exif_orientation, resize, center_crop, channel_order, pixel_range, mean, std, "
            "std_mode, size_divisibility, pad_value)");
  EXPECT_NE(error_of(R"({"resize": {"rule": "fixed", "width": 5, "height": 5, "max": 3}})")
                .find("field 'resize.max': unknown key"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"size_divisibility": "32"})")
                .find("field 'size_divisibility': expected an integer"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"size_divisibility": -1})").find("field 'size_divisibility'"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"std": [1, 0, 1]})").find("field 'std': expected positive numbers"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"mean": [1, 2]})").find("field 'mean': expected an array of 3 numbers"),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"channel_order": "brg"})").find("field 'channel_order': unknown value \"brg\""),
      std::string::npos);
  EXPECT_NE(error_of(R"({"resize": {"short_edge": 800}})").find("field 'resize.rule': missing"),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"resize": {"rule": "detectron2_shortest_edge"}})")
          .find(
              "field 'resize.short_edge': missing (required by rule \"detectron2_shortest_edge\")"),
      std::string::npos);
  EXPECT_NE(error_of(R"({"resize": {"rule": "mmcv_keep_ratio", "scale": [2048]}})")
                .find("field 'resize.scale'"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"resize": {"rule": "fixed", "width": 2.5, "height": 3}})")
                .find("field 'resize.width': expected an integer"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"preset": "vild"})").find("unknown preprocessing preset \"vild\""),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"center_crop": {"width": 224}})").find("field 'center_crop.height': missing"),
      std::string::npos);
  EXPECT_NE(error_of(R"([1])").find("expected an object"), std::string::npos);
}

}  // namespace
}  // namespace ovbench
