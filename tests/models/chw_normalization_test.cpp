// Normalisation to CHW floats. Expected values were computed outside the repository with numpy
// float32 arithmetic, the arithmetic of torch's CPU ops: (np.float32(x) / np.float32(255) -
// np.float32(mean)) / np.float32(std) for CLIP, (np.float32(x) - mean) / std for GLIP (BGR).

#include "models/preprocess/chw_normalization.h"

#include <gtest/gtest.h>

#include <vector>

namespace ovbench {
namespace {

TEST(ChwNormalization, ClipRgbUnitRangeMatchesFloat32Reference) {
  const Normalization n{ChannelOrder::rgb,
                        PixelRange::to_1,
                        StdMode::divide,
                        {0.48145466, 0.4578275, 0.40821073},
                        {0.26862954, 0.26130258, 0.27577711}};
  const NormalizationTable t = make_normalization_table(n);
  EXPECT_EQ(t.value[0][0], -0x1.cad1b8p+0f);
  EXPECT_EQ(t.value[1][0], -0x1.c0897p+0f);
  EXPECT_EQ(t.value[2][0], -0x1.7aefbp+0f);
  EXPECT_EQ(t.value[0][1], -0x1.c714fep+0f);
  EXPECT_EQ(t.value[1][128], 0x1.59e6d6p-3f);
  EXPECT_EQ(t.value[2][128], 0x1.5c1b88p-2f);
  EXPECT_EQ(t.value[0][255], 0x1.ee2a82p+0f);
  EXPECT_EQ(t.value[2][255], 0x1.12acc0p+1f);
  EXPECT_EQ(t.source, (std::array<int, 3>{0, 1, 2}));
}

TEST(ChwNormalization, GlipBgrMatchesFloat32Reference) {
  const Normalization n{ChannelOrder::bgr,
                        PixelRange::to_255,
                        StdMode::divide,
                        {103.530, 116.280, 123.675},
                        {57.375, 57.120, 58.395}};
  const NormalizationTable t = make_normalization_table(n);
  EXPECT_EQ(t.source, (std::array<int, 3>{2, 1, 0}));  // output channel 0 reads B
  EXPECT_EQ(t.value[0][0], -0x1.cdf012p+0f);
  EXPECT_EQ(t.value[1][7], -0x1.e9c534p+0f);
  EXPECT_EQ(t.value[2][128], 0x1.2f5e44p-4f);
  EXPECT_EQ(t.value[0][255], 0x1.51eb86p+1f);
}

TEST(ChwNormalization, LayoutOrderAndPadding) {
  // 2x1 image (R,G,B) = (10,20,30), (40,50,60); detectron2 BGR, std 1, padded to 3x2 with 0.
  RgbImage im(2, 1);
  im.pixels = {10, 20, 30, 40, 50, 60};
  const Normalization n{
      ChannelOrder::bgr, PixelRange::to_255, StdMode::divide, {1.0, 2.0, 3.0}, {1.0, 1.0, 1.0}};
  std::vector<float> out(3 * 3 * 2, -7.0f);
  normalize_to_chw(im, make_normalization_table(n), {3, 2}, 0.0f, out.data());
  const std::vector<float> expected{
      29, 59, 0, 0, 0, 0,  // B - 1
      18, 48, 0, 0, 0, 0,  // G - 2
      7,  37, 0, 0, 0, 0,  // R - 3
  };
  EXPECT_EQ(out, expected);
  EXPECT_THROW(normalize_to_chw(im, make_normalization_table(n), {1, 1}, 0.0f, out.data()),
               std::invalid_argument);
}

TEST(ChwNormalization, MultiplyReciprocalRoundsOnceFromDouble) {
  // OpenCV's arithmetic for mmcv.imnormalize: the product with the double reciprocal, rounded
  // once to float (tests/torch/opencv_arithmetic_test.cpp checks it against cv::multiply).
  const Normalization n{ChannelOrder::rgb,
                        PixelRange::to_255,
                        StdMode::multiply_reciprocal,
                        {0.0, 0.0, 0.0},
                        {3.0, 3.0, 3.0}};
  const NormalizationTable t = make_normalization_table(n);
  for (int level = 0; level < 256; ++level) {
    EXPECT_EQ(t.value[0][static_cast<std::size_t>(level)],
              static_cast<float>(static_cast<double>(level) * (1.0 / 3.0)))
        << level;
  }
  EXPECT_EQ(t.value[0][3], 1.0f);
}

}  // namespace
}  // namespace ovbench
