// Sentence- and image-level bootstrap of recall and mIoU: every replicate equals the metric
// recomputed from scratch on the resampled units, identical units give a zero-width interval.
#include <gtest/gtest.h>

#include "metrics/ratio_bootstrap.h"

namespace ovbench {
namespace {

TEST(GroundingRecallIntervals, ReplicatesAreRecallOfTheResampledSentences) {
  GroundingRecallReport r;
  r.top_k = {1, -1};
  // Sentence 0: 2 phrases, 1 hit at k=1, 2 at the upper bound; sentence 1: 1 phrase, 0 / 0;
  // sentence 2: 3 phrases, 3 / 3.
  r.sentence_phrases = {2, 1, 3};
  r.sentence_hits = {1, 2, 0, 0, 3, 3};
  const BootstrapOptions options{50, 9, 1};
  const auto j = grounding_recall_intervals(r, options);
  const auto& values = j["replicate_values"]["R@1"];
  ASSERT_EQ(values.size(), 50u);
  for (int rep = 0; rep < 50; ++rep) {
    const auto c = bootstrap_image_counts(3, 9, rep);
    const double phrases = 2.0 * c[0] + 1.0 * c[1] + 3.0 * c[2];
    EXPECT_DOUBLE_EQ(values[static_cast<std::size_t>(rep)].get<double>(), (1.0 * c[0] + 3.0 * c[2]) / phrases);
    EXPECT_DOUBLE_EQ(j["replicate_values"]["upper_bound"][static_cast<std::size_t>(rep)].get<double>(),
                     (2.0 * c[0] + 3.0 * c[2]) / phrases);
  }
  EXPECT_LE(j["metrics"]["R@1"]["low"].get<double>(), j["metrics"]["R@1"]["high"].get<double>());
  EXPECT_EQ(j["seed"], 9);
}

TEST(GroundingRecallIntervals, IdenticalSentencesGiveAZeroWidthInterval) {
  GroundingRecallReport r;
  r.top_k = {1};
  r.sentence_phrases = {4, 4, 4, 4};
  r.sentence_hits = {3, 3, 3, 3};
  const auto j = grounding_recall_intervals(r, BootstrapOptions{20, 1, 2});
  EXPECT_DOUBLE_EQ(j["metrics"]["R@1"]["low"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(j["metrics"]["R@1"]["high"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(j["metrics"]["R@1"]["se"].get<double>(), 0.0);
}

TEST(SegmentationIntervals, ReplicatesAreMiouOfTheResampledImages) {
  // Two classes. Image 0: class 0 perfect (4 px), image 1: 2 px of class 1 predicted as 0.
  SegmentationTotals a(2), b(2);
  a.intersect = {4, 0}; a.union_ = {4, 0}; a.pred = {4, 0}; a.label = {4, 0};
  b.intersect = {0, 0}; b.union_ = {2, 2}; b.pred = {2, 0}; b.label = {0, 2};
  const auto j = segmentation_intervals({a, b}, BootstrapOptions{40, 5, 1});
  for (int rep = 0; rep < 40; ++rep) {
    const auto c = bootstrap_image_counts(2, 5, rep);
    // class 0: IoU = 4 c0 / (4 c0 + 2 c1); class 1: IoU 0 when it has gt (c1 > 0), else NaN.
    const double iou0 = c[0] ? 4.0 * c[0] / (4.0 * c[0] + 2.0 * c[1]) : 0.0;
    const double expected = c[1] ? (iou0 + 0.0) / 2 : iou0;
    EXPECT_DOUBLE_EQ(j["replicate_values"]["mIoU"][static_cast<std::size_t>(rep)].get<double>(), expected) << rep;
  }
}

}  // namespace
}  // namespace ovbench
