// DenseCLIP / mmseg 0.x sliding-window inference: window grids, stitching, the bilinear
// resize (F.interpolate align_corners=False) and argmax, against values derived by hand.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "models/denseclip/bilinear_resize.h"
#include "models/denseclip/sliding_window_plan.h"
#include "models/denseclip/sliding_window_stitcher.h"

namespace ovbench {
namespace {

using W = std::vector<SlidingWindow>;

TEST(SlidingWindowPlan, AdeDefaultsOnA512x683Image) {
  // h_grids = (0 + 340) // 341 + 1 = 1; w_grids = (171 + 340) // 341 + 1 = 2; the second window
  // would end at 853 > 683, so it is moved back to start at 683 - 512 = 171.
  EXPECT_EQ(plan_sliding_windows(512, 683), (W{{0, 0, 512, 512}, {0, 171, 512, 683}}));
}

TEST(SlidingWindowPlan, SmallerThanCropIsOneUnpaddedWindow) {
  EXPECT_EQ(plan_sliding_windows(300, 400), (W{{0, 0, 300, 400}}));
  EXPECT_EQ(plan_sliding_windows(300, 700), (W{{0, 0, 300, 512}, {0, 188, 300, 700}}));
}

TEST(SlidingWindowPlan, ExactMultiplesAndRemainders) {
  SlidingWindowParams p;
  p.stride_height = p.stride_width = 512;
  // 1024 with stride 512: (512 + 511) // 512 + 1 = 2 windows, no overlap.
  EXPECT_EQ(plan_sliding_windows(1024, 512, p), (W{{0, 0, 512, 512}, {512, 0, 1024, 512}}));
  // Stride 341: (512 + 340) // 341 + 1 = 3 windows; the last starts at 682, ends at 1194 > 1024,
  // moved back to [512, 1024).
  EXPECT_EQ(plan_sliding_windows(1024, 512),
            (W{{0, 0, 512, 512}, {341, 0, 853, 512}, {512, 0, 1024, 512}}));
  // Width 854: 3 windows, the last moved back to [342, 854); width 513: [0, 512), [1, 513).
  EXPECT_EQ(plan_sliding_windows(512, 854),
            (W{{0, 0, 512, 512}, {0, 341, 512, 853}, {0, 342, 512, 854}}));
  EXPECT_EQ(plan_sliding_windows(512, 513), (W{{0, 0, 512, 512}, {0, 1, 512, 513}}));
  p.stride_height = 0;
  EXPECT_THROW(plan_sliding_windows(10, 10, p), std::invalid_argument);
}

TEST(SlidingWindowStitcher, OverlapsAreAveraged) {
  // 2 x 5 image, crop 2 x 3, stride 2: windows [0, 3) and [2, 5); column 2 is covered twice.
  SlidingWindowParams p{2, 3, 2, 2};
  const W windows = plan_sliding_windows(2, 5, p);
  ASSERT_EQ(windows, (W{{0, 0, 2, 3}, {0, 2, 2, 5}}));
  SlidingWindowStitcher s(2, 2, 5);
  // Window 0: class 0 = 1, class 1 = 10; window 1: class 0 = 3, class 1 = 20.
  std::vector<float> a(2 * 2 * 3), b(2 * 2 * 3);
  for (std::size_t i = 0; i < 6; ++i) {
    a[i] = 1, a[6 + i] = 10;
    b[i] = 3, b[6 + i] = 20;
  }
  s.add(windows[0], a, 2, 3);
  s.add(windows[1], b, 2, 3);
  const std::vector<float> avg = s.average();
  const std::vector<float> row0{1, 1, 2, 3, 3}, row1{10, 10, 15, 20, 20};
  for (std::size_t y = 0; y < 2; ++y) {
    for (std::size_t x = 0; x < 5; ++x) {
      EXPECT_EQ(avg[y * 5 + x], row0[x]);
      EXPECT_EQ(avg[10 + y * 5 + x], row1[x]);
    }
  }
}

TEST(SlidingWindowStitcher, LowResolutionLogitsAreResizedAndGapsAreErrors) {
  SlidingWindowStitcher s(1, 2, 4);
  s.add({0, 0, 2, 2}, std::vector<float>{7.0f}, 1, 1);  // 1 x 1 logits -> constant 2 x 2
  EXPECT_THROW(s.average(), std::logic_error);          // columns 2, 3 uncovered
  s.add({0, 2, 2, 4}, std::vector<float>{1, 2, 3, 4}, 2, 2);
  EXPECT_EQ(s.average(), (std::vector<float>{7, 7, 1, 2, 7, 7, 3, 4}));
  EXPECT_EQ(s.take_average(), (std::vector<float>{7, 7, 1, 2, 7, 7, 3, 4}));
  EXPECT_THROW(s.add({0, 3, 2, 5}, std::vector<float>{1, 2, 3, 4}, 2, 2), std::invalid_argument);
  EXPECT_THROW(s.add({0, 0, 2, 2}, std::vector<float>{1, 2, 3}, 2, 2), std::invalid_argument);
}

TEST(BilinearResize, TwoByTwoToFourByFour) {
  // Along an axis 2 -> 4: scale 0.5, source positions -0.25 (clamped to 0), 0.25, 0.75, 1.25:
  // weights (1, 0), (0.75, 0.25), (0.25, 0.75), and the last pixel alone.
  const auto out = resize_bilinear(std::vector<float>{1, 2, 3, 4}, 1, 2, 2, 4, 4);
  EXPECT_EQ(out, (std::vector<float>{1, 1.25f, 1.75f, 2,        //
                                     1.5f, 1.75f, 2.25f, 2.5f,  //
                                     2.5f, 2.75f, 3.25f, 3.5f,  //
                                     3, 3.25f, 3.75f, 4}));
}

TEST(BilinearResize, DownscaleAndNonIntegerScale) {
  // 4 -> 2: scale 2, positions 0.5 and 2.5: pairwise means.
  EXPECT_EQ(resize_bilinear(std::vector<float>{0, 2, 4, 6}, 1, 1, 4, 1, 2),
            (std::vector<float>{1, 5}));
  // 3 -> 2: scale 1.5, positions 0.25 and 1.75: 0.75 * 0 + 0.25 * 4, 0.25 * 4 + 0.75 * 8.
  EXPECT_EQ(resize_bilinear(std::vector<float>{0, 4, 8}, 1, 1, 3, 1, 2),
            (std::vector<float>{1, 7}));
  // Channels are independent.
  EXPECT_EQ(resize_bilinear(std::vector<float>{0, 4, 8, 1, 1, 1}, 2, 1, 3, 1, 2),
            (std::vector<float>{1, 7, 1, 1}));
}

TEST(Argmax, FirstIndexWinsTiesAndNanIsMaximum) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Three classes over four pixels, [C][pixel].
  const std::vector<float> logits{2, 1, 1,   nan,  //
                                  5, 1, nan, 3,    //
                                  5, 0, nan, 9};
  EXPECT_EQ(argmax_channels(logits, 3, 2, 2), (std::vector<std::uint16_t>{1, 0, 1, 0}));
}

TEST(Argmax, FusedResizeArgmaxEqualsResizeThenArgmax) {
  // Pseudo-random logits with a fixed LCG; 5 classes, 7 x 9 -> 16 x 20 and -> 4 x 5.
  std::vector<float> logits(5 * 7 * 9);
  std::uint32_t state = 12345;
  for (float& v : logits) {
    state = state * 1664525u + 1013904223u;
    v = static_cast<float>(state >> 8) / static_cast<float>(1u << 24);
  }
  for (auto [h, w] : {std::pair<std::size_t, std::size_t>{16, 20}, {4, 5}, {7, 9}}) {
    const auto resized = resize_bilinear(logits, 5, 7, 9, h, w);
    EXPECT_EQ(resize_bilinear_argmax(logits, 5, 7, 9, h, w), argmax_channels(resized, 5, h, w));
  }
  // Hand case: two classes on 1 x 2 -> 1 x 4: class 0 = (0, 4), class 1 = (1, 1) -> class 0's
  // interpolation 0, 1, 3, 4 beats 1 only at the last two pixels, and ties 1 = 1 go to class 0.
  EXPECT_EQ(resize_bilinear_argmax(std::vector<float>{0, 4, 1, 1}, 2, 1, 2, 1, 4),
            (std::vector<std::uint16_t>{1, 0, 0, 0}));
}

}  // namespace
}  // namespace ovbench
