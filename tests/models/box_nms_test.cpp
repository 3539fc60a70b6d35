// NMS, batched NMS and score selection against keep lists derived by hand.

#include "models/detection_postprocess/box_nms.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>

#include "models/detection_postprocess/detection_selection.h"

namespace ovbench {
namespace {

using Keep = std::vector<std::size_t>;

TEST(BoxIou, BothConventions) {
  const std::array<float, 4> a{0, 0, 10, 10}, b{5, 5, 15, 15};
  // 5 x 5 = 25 over 100 + 100 - 25.
  EXPECT_FLOAT_EQ(box_iou(a, b, BoxWidthConvention::kExclusive), 25.0f / 175.0f);
  // +1: 6 x 6 = 36 over 121 + 121 - 36.
  EXPECT_FLOAT_EQ(box_iou(a, b, BoxWidthConvention::kPlusOne), 36.0f / 206.0f);
  const std::array<float, 4> far{20, 20, 30, 30};
  EXPECT_EQ(box_iou(a, far, BoxWidthConvention::kExclusive), 0.0f);
}

TEST(Nms, IouEqualToThresholdIsKept) {
  // [0,0,2,1] and [0,0,1,1]: intersection 1, union 2 + 1 - 1 = 2, IoU exactly 0.5.
  const std::vector<float> boxes{0, 0, 2, 1, 0, 0, 1, 1};
  const std::vector<float> scores{0.9f, 0.8f};
  EXPECT_EQ(nms(boxes, scores, 0.5f), (Keep{0, 1}));
  EXPECT_EQ(nms(boxes, scores, 0.49f), (Keep{0}));
  // +1 widths: [0,0,3,0] (4 x 1) and [0,0,1,0] (2 x 1): intersection 2, union 4, IoU 0.5.
  const std::vector<float> legacy{0, 0, 3, 0, 0, 0, 1, 0};
  EXPECT_EQ(nms(legacy, scores, 0.5f, BoxWidthConvention::kPlusOne), (Keep{0, 1}));
  EXPECT_EQ(nms(legacy, scores, 0.49f, BoxWidthConvention::kPlusOne), (Keep{0}));
  // The same boxes without +1 have zero height: IoU 0/0 is NaN and suppresses nothing.
  EXPECT_EQ(nms(legacy, scores, 0.0f), (Keep{0, 1}));
}

TEST(Nms, ThresholdIsComparedAsADouble) {
  // [0,0,10,1] and [0,0,3,1]: IoU 3 / 10, which in float is 0.300000012 > 0.3 (double), as
  // torchvision compares it; a float threshold 0.3f (GLIP's ml_nms) keeps both.
  const std::vector<float> boxes{0, 0, 10, 1, 0, 0, 3, 1};
  const std::vector<float> scores{0.9f, 0.8f};
  EXPECT_EQ(nms(boxes, scores, 0.3), (Keep{0}));
  EXPECT_EQ(nms(boxes, scores, static_cast<double>(0.3f)), (Keep{0, 1}));
}

TEST(Nms, ScoreOrderAndTiesByIndex) {
  // Three disjoint boxes: all kept, by score, the tie 0/2 in index order.
  const std::vector<float> disjoint{0, 0, 1, 1, 10, 10, 11, 11, 20, 20, 21, 21};
  EXPECT_EQ(nms(disjoint, std::vector<float>{0.5f, 0.9f, 0.5f}, 0.5f), (Keep{1, 0, 2}));
  // Three identical boxes with equal scores: the lowest index survives.
  const std::vector<float> same{0, 0, 4, 4, 0, 0, 4, 4, 0, 0, 4, 4};
  EXPECT_EQ(nms(same, std::vector<float>{0.7f, 0.7f, 0.7f}, 0.5f), (Keep{0}));
  EXPECT_EQ(nms(same, std::vector<float>{0.6f, 0.7f, 0.7f}, 0.5f), (Keep{1}));
}

TEST(Nms, SuppressedBoxesSuppressNothing) {
  // A-B and B-C overlap 1/3, A-C not at all: B goes, C stays although B would have removed it.
  const std::vector<float> boxes{0, 0, 10, 10, 5, 0, 15, 10, 10, 0, 20, 10};
  const std::vector<float> scores{0.9f, 0.8f, 0.7f};
  EXPECT_EQ(nms(boxes, scores, 0.3f), (Keep{0, 2}));
  EXPECT_EQ(nms(boxes, scores, 0.34f), (Keep{0, 1, 2}));
}

TEST(Nms, EmptyAndShapeErrors) {
  EXPECT_TRUE(nms(std::vector<float>{}, std::vector<float>{}, 0.5f).empty());
  EXPECT_THROW(nms(std::vector<float>{0, 0, 1}, std::vector<float>{1.0f}, 0.5f),
               std::invalid_argument);
}

TEST(BatchedNms, ClassesDoNotSuppressEachOther) {
  const std::vector<float> boxes{0, 0, 4, 4, 0, 0, 4, 4, 0, 0, 4, 4, 50, 50, 60, 60};
  const std::vector<float> scores{0.9f, 0.8f, 0.95f, 0.8f};
  const std::vector<std::int64_t> classes{1, 2, 1, 7};
  // Class 1: box 2 (0.95) removes box 0; class 2 keeps box 1; class 7 keeps box 3.
  // Merged by score, the 0.8 tie by index.
  EXPECT_EQ(batched_nms(boxes, scores, classes, 0.5f), (Keep{2, 1, 3}));
  EXPECT_EQ(batched_nms(boxes, scores, classes, 0.5f, BoxWidthConvention::kPlusOne),
            (Keep{2, 1, 3}));
  EXPECT_THROW(batched_nms(boxes, scores, std::vector<std::int64_t>{1}, 0.5f),
               std::invalid_argument);
}

TEST(DetectionSelection, StrictThresholdTopKAndCapWithTies) {
  EXPECT_EQ(indices_above(std::vector<float>{0.05f, 0.06f, 0.04f, 0.5f}, 0.05f), (Keep{1, 3}));
  EXPECT_EQ(top_k_by_score(std::vector<float>{0.3f, 0.9f, 0.3f, 0.5f}, 3), (Keep{1, 3, 0}));
  EXPECT_EQ(top_k_by_score(std::vector<float>{0.3f, 0.9f}, 5), (Keep{1, 0}));
  // The 2nd highest score is 0.5, held by two: both kept, in original order.
  EXPECT_EQ(cap_keeping_ties(std::vector<float>{0.1f, 0.5f, 0.9f, 0.5f}, 2), (Keep{1, 2, 3}));
  EXPECT_EQ(cap_keeping_ties(std::vector<float>{0.1f, 0.4f, 0.9f, 0.5f}, 2), (Keep{2, 3}));
  EXPECT_EQ(cap_keeping_ties(std::vector<float>{0.1f, 0.4f}, 2), (Keep{0, 1}));
  EXPECT_EQ(cap_keeping_ties(std::vector<float>{0.1f, 0.4f, 0.3f}, 0), (Keep{0, 1, 2}));
}

TEST(DetectionSelection, NanScoresSortFirst) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(order_by_score(std::vector<float>{0.5f, nan, 0.9f}), (Keep{1, 2, 0}));
}

}  // namespace
}  // namespace ovbench
