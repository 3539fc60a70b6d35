// preprocess(): geometry, resize + crop + normalise + pad put together for the official presets.
// The pixels come from pil_resize (checked against Pillow in pil_resize_test) and the table
// from make_normalization_table (checked in chw_normalization_test); this checks the wiring:
// which pixel lands where, in which channel, and what the padding holds.

#include "models/preprocess/preprocess_pipeline.h"

#include <gtest/gtest.h>

#include "models/preprocess/official_preprocess.h"
#include "models/preprocess/pil_resize.h"

namespace ovbench {
namespace {

RgbImage pattern(int w, int h) {
  RgbImage im(w, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      im.row(y)[3 * x + 0] = static_cast<std::uint8_t>(x * 7 + y);
      im.row(y)[3 * x + 1] = static_cast<std::uint8_t>(y * 5);
      im.row(y)[3 * x + 2] = static_cast<std::uint8_t>((x ^ y) * 3);
    }
  }
  return im;
}

float at(const PreprocessedImage& p, int c, int x, int y) {
  const auto& g = p.geometry.padded;
  return p.chw[(static_cast<std::size_t>(c) * g.height + y) * g.width + x];
}

TEST(PreprocessPipeline, GlipGeometryChannelsAndPadding) {
  const RgbImage im = pattern(640, 480);
  const PreprocessSpec spec = official_preprocess("glip");
  const PreprocessedImage p = preprocess(im, spec);
  const PreprocessGeometry& g = p.geometry;
  EXPECT_EQ(g.original, (ImageSize{640, 480}));
  EXPECT_EQ(g.resized, (ImageSize{1066, 800}));
  EXPECT_EQ(g.content, (ImageSize{1066, 800}));
  EXPECT_EQ(g.padded, (ImageSize{1088, 800}));
  EXPECT_DOUBLE_EQ(g.box_scale_x, 640.0 / 1066);
  EXPECT_DOUBLE_EQ(g.box_scale_y, 0.6);
  EXPECT_DOUBLE_EQ(g.scale_x, 1066.0 / 640);
  ASSERT_EQ(p.chw.size(), 3u * 1088 * 800);
  const RgbImage resized = pil_resize(im, 1066, 800, PilFilter::bilinear);
  const NormalizationTable t = make_normalization_table(spec.normalization);
  for (auto [x, y] : {std::pair{0, 0}, {1065, 799}, {500, 300}}) {
    // Output channel 0 is B (index 2 of the RGB pixel).
    EXPECT_EQ(at(p, 0, x, y), t.value[0][resized.row(y)[3 * x + 2]]);
    EXPECT_EQ(at(p, 2, x, y), t.value[2][resized.row(y)[3 * x + 0]]);
  }
  EXPECT_EQ(at(p, 1, 1066, 0), 0.0f);  // right padding
  EXPECT_EQ(at(p, 2, 1087, 799), 0.0f);
}

TEST(PreprocessPipeline, ClipResizesCropsWithoutPadding) {
  const RgbImage im = pattern(640, 480);
  const PreprocessSpec spec = official_preprocess("clip");
  const PreprocessedImage p = preprocess(im, spec);
  EXPECT_EQ(p.geometry.resized, (ImageSize{298, 224}));
  EXPECT_EQ(p.geometry.crop_offset, (CropOffset{37, 0}));
  EXPECT_EQ(p.geometry.padded, (ImageSize{224, 224}));
  const RgbImage resized = pil_resize(im, 298, 224, PilFilter::bicubic);
  const NormalizationTable t = make_normalization_table(spec.normalization);
  EXPECT_EQ(at(p, 0, 0, 0), t.value[0][resized.row(0)[3 * 37]]);
  EXPECT_EQ(at(p, 1, 223, 223), t.value[1][resized.row(223)[3 * (37 + 223) + 1]]);
}

RgbImage fake_cv_resize(const RgbImage&, int w, int h) {
  RgbImage out(w, h);
  std::fill(out.pixels.begin(), out.pixels.end(), std::uint8_t{200});
  return out;
}

TEST(PreprocessPipeline, Cv2LinearNeedsTheOpenCvResampler) {
  const RgbImage im = pattern(640, 480);
  const PreprocessSpec spec = official_preprocess("denseclip_ade20k");
  EXPECT_THROW(preprocess(im, spec), std::invalid_argument);
  const PreprocessedImage p = preprocess(im, spec, &fake_cv_resize);
  EXPECT_EQ(p.geometry.resized, (ImageSize{683, 512}));
  EXPECT_EQ(p.geometry.padded, (ImageSize{683, 512}));
  EXPECT_EQ(at(p, 0, 5, 5), make_normalization_table(spec.normalization).value[0][200]);
  // An image already at the target size needs no resampler (cv2.resize would copy it).
  EXPECT_NO_THROW(preprocess(pattern(683, 512), spec));
}

TEST(PreprocessPipeline, PreprocessIntoReusesAndOverwritesTheBuffer) {
  PreprocessSpec spec = official_preprocess("glip");
  const RgbImage im = pattern(640, 480);
  PreprocessedImage reused;
  reused.chw.assign(3u * 1088 * 800, 123.0f);  // stale values from a "previous image"
  preprocess_into(im, spec, reused);
  EXPECT_EQ(reused.chw, preprocess(im, spec).chw);
  EXPECT_EQ(reused.geometry.padded, (ImageSize{1088, 800}));
}

TEST(PreprocessPipeline, NoResizeAndBadInput) {
  PreprocessSpec spec;  // no resize, RGB 0-255, mean 0, std 1
  spec.size_divisibility = 4;
  spec.pad_value = -1.0f;
  const PreprocessedImage p = preprocess(pattern(3, 2), spec);
  EXPECT_EQ(p.geometry.padded, (ImageSize{4, 4}));
  EXPECT_EQ(at(p, 0, 2, 1), float{2 * 7 + 1});
  EXPECT_EQ(at(p, 0, 3, 0), -1.0f);
  EXPECT_EQ(at(p, 2, 0, 3), -1.0f);
  EXPECT_THROW(preprocess(RgbImage{}, spec), std::invalid_argument);
}

}  // namespace
}  // namespace ovbench
