// Boxes back to original coordinates: detectron2's scale-then-clip to [0, W] and
// maskrcnn_benchmark's clip to [0, W - 1].

#include "models/preprocess/box_rescale.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace ovbench {
namespace {

TEST(BoxRescale, Detectron2ScalesByOriginalOverResizedThenClips) {
  // 640x480 resized to 1067x800: x * 640/1067 = x * 0.599813, y * 0.6.
  std::vector<float> b{100, 200, 1100, 790, -5, 10, 20, 900};
  boxes_to_original_xyxy(b, {1067, 800}, {640, 480}, BoxClip::image_size);
  EXPECT_NEAR(b[0], 59.98126, 1e-4);
  EXPECT_NEAR(b[1], 120.0, 1e-4);
  EXPECT_EQ(b[2], 640.0f);  // 659.79 clipped to W
  EXPECT_NEAR(b[3], 474.0, 1e-4);
  EXPECT_EQ(b[4], 0.0f);  // negative clipped to 0
  EXPECT_EQ(b[7], 480.0f);
}

TEST(BoxRescale, MaskrcnnClipsToLastPixelAndNanPassesThrough) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> b{-1, 5, 1066, 800, nan, 0, 3, 4};
  clip_boxes_xyxy(b, {1066, 800}, BoxClip::last_pixel);
  EXPECT_EQ(b[0], 0.0f);
  EXPECT_EQ(b[2], 1065.0f);
  EXPECT_EQ(b[3], 799.0f);
  EXPECT_TRUE(std::isnan(b[4]));
  scale_boxes_xyxy(b, 2.0, 0.5);
  EXPECT_EQ(b[2], 2130.0f);
  EXPECT_EQ(b[3], 399.5f);
  std::vector<float> none{-3, -3, 5000, 5000};
  clip_boxes_xyxy(none, {10, 10}, BoxClip::none);
  EXPECT_EQ(none[0], -3.0f);
  std::vector<float> bad{1, 2, 3};
  EXPECT_THROW(scale_boxes_xyxy(bad, 1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace ovbench
