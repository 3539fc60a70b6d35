// mmseg IoUMetric behaviours, one test each, on pixels counted by hand.

#include "metrics/segmentation_iou.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ovbench {
namespace {

SegmentationTotals totals_of(const std::vector<std::uint8_t>& gt, const std::vector<std::uint8_t>& pred,
                             SegmentationOptions o) {
  SegmentationTotals t(static_cast<std::size_t>(o.num_classes));
  accumulate_segmentation(gt.data(), pred.data(), gt.size(), o, t);
  return t;
}

// gt 255 is dropped (with its prediction); a gt label >= C that is not the ignore index drops
// out of the gt histogram but its prediction still counts (torch.histc range); a prediction of
// 255 on a valid pixel counts in the gt area only.
TEST(SegmentationIou, IgnoreIndexAndOutOfRangeLabels) {
  SegmentationOptions o;
  o.num_classes = 3;
  const auto t = totals_of({0, 0, 1, 1, 2, 255, 5}, {0, 1, 1, 1, 255, 0, 1}, o);
  EXPECT_EQ(t.intersect, (std::vector<std::uint64_t>{1, 2, 0}));
  EXPECT_EQ(t.pred, (std::vector<std::uint64_t>{1, 4, 0}));
  EXPECT_EQ(t.label, (std::vector<std::uint64_t>{2, 2, 1}));
  EXPECT_EQ(t.union_, (std::vector<std::uint64_t>{2, 4, 1}));
  const auto m = segmentation_metrics(t);
  EXPECT_DOUBLE_EQ(m.iou[0], 0.5);
  EXPECT_DOUBLE_EQ(m.iou[1], 0.5);
  EXPECT_DOUBLE_EQ(m.iou[2], 0.0);
  EXPECT_DOUBLE_EQ(m.acc[1], 1.0);
  EXPECT_DOUBLE_EQ(m.aAcc, 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(m.mIoU, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.mAcc, 0.5);
}

// A class predicted but absent from the gt has IoU 0 (counted in mIoU) and Acc NaN (not
// counted in mAcc); a class absent from both is NaN in both.
TEST(SegmentationIou, NanMeansSkipUndefinedClasses) {
  SegmentationOptions o;
  o.num_classes = 4;
  const auto m = segmentation_metrics(totals_of({0, 0, 1, 1}, {0, 0, 1, 2}, o));
  EXPECT_DOUBLE_EQ(m.iou[2], 0.0);
  EXPECT_TRUE(std::isnan(m.acc[2]));
  EXPECT_TRUE(std::isnan(m.iou[3]));
  EXPECT_TRUE(std::isnan(m.acc[3]));
  // IoU: 1, 0.5, 0 -> mean 0.5; Acc: 1, 0.5 -> 0.75.
  EXPECT_DOUBLE_EQ(m.mIoU, 0.5);
  EXPECT_DOUBLE_EQ(m.mAcc, 0.75);
}

// reduce_zero_label: 0 -> 255 (ignored), k -> k-1, 255 stays ignored, 254 -> 253.
TEST(SegmentationIou, ReduceZeroLabel) {
  SegmentationOptions o;
  o.num_classes = 254;
  o.reduce_zero_label = true;
  const auto t = totals_of({0, 1, 2, 255, 254}, {7, 0, 0, 0, 253}, o);
  EXPECT_EQ(t.label[0], 1u);    // gt 1
  EXPECT_EQ(t.label[1], 1u);    // gt 2
  EXPECT_EQ(t.label[253], 1u);  // gt 254
  EXPECT_EQ(t.intersect[0], 1u);
  EXPECT_EQ(t.intersect[253], 1u);
  EXPECT_EQ(t.pred[0], 2u);     // the predictions on gt 0 and gt 255 are dropped
  EXPECT_EQ(t.pred[7], 0u);
}

// Totals are summed over images, not averaged per image: two images with IoU 1 and 0 on a
// class of 1 and 3 pixels give 1/4, not 1/2.
TEST(SegmentationIou, DatasetTotalsNotPerImageMeans) {
  SegmentationOptions o;
  o.num_classes = 2;
  SegmentationTotals t(2);
  const std::vector<std::uint8_t> g1{1}, p1{1}, g2{1, 1, 1}, p2{0, 0, 0};
  accumulate_segmentation(g1.data(), p1.data(), 1, o, t);
  accumulate_segmentation(g2.data(), p2.data(), 3, o, t);
  EXPECT_DOUBLE_EQ(segmentation_metrics(t).iou[1], 0.25);
}

// Exact past 2^24 pixels per class, where float32 accumulation (mmseg) stops counting: 2^24 + 1
// pixels are 16777217 here, 16777216 in float32.
TEST(SegmentationIou, ExactBeyondFloat32) {
  SegmentationOptions o;
  o.num_classes = 1;
  SegmentationTotals t(1);
  const std::vector<std::uint8_t> ones(1 << 20, 0);
  for (int i = 0; i < 16; ++i) accumulate_segmentation(ones.data(), ones.data(), ones.size(), o, t);
  accumulate_segmentation(ones.data(), ones.data(), 1, o, t);
  EXPECT_EQ(t.label[0], 16777217u);
}

// The run-length scan (16 pixels at a time) against a plain per-pixel count, on maps with long
// runs, short runs, ignored pixels, labels >= C and both option settings.
TEST(SegmentationIou, RunLengthScanEqualsPlainCounting) {
  std::vector<std::uint8_t> gt(5003), pred(5003);
  std::uint64_t s = 99;
  for (std::size_t i = 0; i < gt.size(); ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const unsigned r = static_cast<unsigned>(s >> 33);
    // Regions of 40 pixels with noise in every other region; some 255s and out-of-range labels.
    gt[i] = (i / 40) % 2 ? static_cast<std::uint8_t>(r % 7) : static_cast<std::uint8_t>((i / 40) % 5);
    pred[i] = r % 3 ? gt[i] : static_cast<std::uint8_t>((r >> 4) % 9);
    if (r % 97 == 0) gt[i] = 255;
  }
  for (bool reduce : {false, true}) {
    SegmentationOptions o;
    o.num_classes = 6;
    o.reduce_zero_label = reduce;
    SegmentationTotals expected(6);
    for (std::size_t i = 0; i < gt.size(); ++i) {
      int g = gt[i];
      if (reduce) g = g == 0 ? 255 : (g - 1 == 254 ? 255 : g - 1);
      if (g == o.ignore_index) continue;
      if (g < 6) ++expected.label[static_cast<std::size_t>(g)];
      if (pred[i] < 6) ++expected.pred[pred[i]];
      if (g < 6 && pred[i] == g) ++expected.intersect[static_cast<std::size_t>(g)];
    }
    for (std::size_t c = 0; c < 6; ++c) expected.union_[c] = expected.pred[c] + expected.label[c] - expected.intersect[c];
    const auto t = totals_of(gt, pred, o);
    EXPECT_EQ(t.intersect, expected.intersect) << reduce;
    EXPECT_EQ(t.pred, expected.pred) << reduce;
    EXPECT_EQ(t.label, expected.label) << reduce;
    EXPECT_EQ(t.union_, expected.union_) << reduce;
  }
}

}  // namespace
}  // namespace ovbench
