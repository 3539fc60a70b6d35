// detectron2-style selection: threshold, clip, class-aware NMS, top k, rescale to the original.
#include <gtest/gtest.h>

#include <cmath>

#include "models/adapters/region_detections.h"

namespace ovbench {
namespace {

ModelImage half_size_image() {
  // Original 200 x 100 shown to the model at 100 x 50: boxes scale by 2 on the way back.
  ModelImage im;
  im.image_id = 7;
  im.original_width = 200;
  im.original_height = 100;
  im.input_width = 100;
  im.input_height = 50;
  return im;
}

Vocabulary two_classes() {
  Vocabulary v;
  v.entries = {{11, "cat", {}, false, 0}, {22, "dog", {}, false, 0}};
  return v;
}

TEST(RegionDetections, ThresholdNmsPerClassTopKAndRescale) {
  // Three regions; region 1 overlaps region 0 with IoU 0.9 (same class suppresses), region 2
  // is far away and pokes out of the 100 x 50 input (clipped to x2 = 100 before NMS).
  const std::vector<float> boxes = {0, 0, 10, 10,   0, 0, 10, 9,   80, 40, 120, 60};
  RegionClassScores s;
  s.regions = 3;
  s.classes = 2;
  s.rank = {0.9f, 0.05f,   0.8f, 0.7f,   0.6f, 0.001f};
  s.reported = {0.95f, 0.05f, 0.85f, 0.75f, 0.65f, 0.001f};
  const auto d = select_region_detections(boxes, s, half_size_image(), two_classes(), {0.01, 0.5, 100});
  // Candidates above 0.01: (0,cat .9) (0,dog .05) (1,cat .8) (1,dog .7) (2,cat .6).
  // NMS per class: cat keeps region 0 and 2 (region 1 has IoU 90/100 = 0.9 with 0); dog keeps
  // region 1 (0.7) and suppresses region 0's dog (0.05, IoU 0.9). Order: score descending.
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].category_id, 11);
  EXPECT_FLOAT_EQ(d[0].score, 0.95f);  // the reported score, not the rank score
  EXPECT_DOUBLE_EQ(d[0].bbox.w, 20);
  EXPECT_EQ(d[1].category_id, 22);
  EXPECT_FLOAT_EQ(d[1].score, 0.75f);
  EXPECT_DOUBLE_EQ(d[1].bbox.h, 18);
  EXPECT_EQ(d[2].category_id, 11);
  // Region 2 clipped to [80, 40, 100, 50] in the input -> [160, 80, 200, 100] in the original.
  EXPECT_DOUBLE_EQ(d[2].bbox.x, 160);
  EXPECT_DOUBLE_EQ(d[2].bbox.y, 80);
  EXPECT_DOUBLE_EQ(d[2].bbox.w, 40);
  EXPECT_DOUBLE_EQ(d[2].bbox.h, 20);
  EXPECT_EQ(d[2].image_id, 7);

  const auto top1 = select_region_detections(boxes, s, half_size_image(), two_classes(), {0.01, 0.5, 1});
  ASSERT_EQ(top1.size(), 1u);
  EXPECT_FLOAT_EQ(top1[0].score, 0.95f);
}

TEST(RegionDetections, ScoresEqualToTheThresholdAndNonFiniteRegionsAreDropped) {
  const std::vector<float> boxes = {0, 0, 10, 10,   0, 0, NAN, 10};
  RegionClassScores s;
  s.regions = 2;
  s.classes = 1;
  s.rank = s.reported = {0.5f, 0.9f};
  Vocabulary v;
  v.entries = {{1, "x", {}, false, 0}};
  // 0.5 is not strictly above 0.5 (detectron2: scores > score_thresh); region 1 has a NaN box.
  EXPECT_TRUE(select_region_detections(boxes, s, half_size_image(), v, {0.5, 0.5, 100}).empty());
  EXPECT_EQ(select_region_detections(boxes, s, half_size_image(), v, {0.49, 0.5, 100}).size(), 1u);
}

}  // namespace
}  // namespace ovbench
