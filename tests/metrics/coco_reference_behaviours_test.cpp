// One test per pycocotools behaviour listed in ../shared/REFERENCE_BEHAVIOURS.md, on problems
// small enough that the expected numbers are derived by hand in each test's comment.
// Conventions: 101 recall thresholds r = 0, 0.01, ..., 1; a category whose sorted detections
// go TP then FP has interpolated precision 1 at every r <= its recall; AP over the 10 IoU
// thresholds is the mean of the per-threshold APs.

#include <gtest/gtest.h>

#include <limits>

#include "detection_fixture.h"
#include "metrics/coco_evaluator.h"

namespace ovbench {
namespace {

using testing::DetectionFixture;

MetricReport coco(const DetectionFixture& f, EvalAccumulation* acc = nullptr) {
  return evaluate_coco(f.gt(), f.dt(), DetectionEvalOptions{}, acc);
}

constexpr std::size_t kAll = 0, kMax100 = 2;

// Precision is tp / (tp + fp + np.spacing(1)): with a single TP and no FP that is
// 1 / (1 + 2^-52) = 0.9999999999999998, which pycocotools reports as the AP of a perfect hit
// (for tp >= 2 the epsilon vanishes in rounding).
const double kOneHit = 1.0 / (1.0 + std::numeric_limits<double>::epsilon());

// A gt "ignore": 1 without iscrowd is an ordinary gt (pycocotools sets ignore = iscrowd): with no
// detection the category scores AP 0, not -1.
TEST(CocoReference, IgnoreFlagIsOverwrittenByIscrowd) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}, false, -1, /*ignore=*/1);
  EXPECT_EQ(coco(f).summary.at("AP"), 0.0);
}

// The area ranges are inclusive at both ends: a gt of area exactly 32^2 = 1024 is small and
// medium, so a perfect detection scores APs = APm = 1; nothing is large (-1).
TEST(CocoReference, AreaRangesInclusiveAt1024) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 32, 32}).dt(1, 1, {0, 0, 32, 32}, 0.9);
  const auto m = coco(f).summary;
  EXPECT_DOUBLE_EQ(m.at("APs"), kOneHit);
  EXPECT_DOUBLE_EQ(m.at("APm"), kOneHit);
  EXPECT_EQ(m.at("APl"), -1.0);
}

// The area range test uses the annotation's `area` field, never the box: a 10x10 box with
// area 5000 is medium.
TEST(CocoReference, GtAreaIsTheFileField) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}, false, 5000).dt(1, 1, {0, 0, 10, 10}, 0.9);
  const auto m = coco(f).summary;
  EXPECT_EQ(m.at("APs"), -1.0);
  EXPECT_DOUBLE_EQ(m.at("APm"), kOneHit);
}

// Equal scores keep file order within an image (mergesort). FP listed first: pr = [0, 1/2],
// rc = [0, 1], interpolated 1/2 everywhere -> AP 0.5. TP first: AP 1.
TEST(CocoReference, ScoreTiesKeepFileOrder) {
  DetectionFixture fp_first;
  fp_first.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10});
  DetectionFixture tp_first = fp_first;
  fp_first.dt(1, 1, {50, 50, 10, 10}, 0.5).dt(1, 1, {0, 0, 10, 10}, 0.5);
  tp_first.dt(1, 1, {0, 0, 10, 10}, 0.5).dt(1, 1, {50, 50, 10, 10}, 0.5);
  EXPECT_EQ(coco(fp_first).summary.at("AP50"), 0.5);
  EXPECT_DOUBLE_EQ(coco(tp_first).summary.at("AP50"), kOneHit);
}

// Across images, accumulate concatenates per-image lists in ascending image id before the
// stable sort, so a tie between images is broken by image id, not by file order: the FP on
// image 1 ranks before the TP on image 2 although the file lists the TP first -> AP 0.5.
TEST(CocoReference, ScoreTiesAcrossImagesFollowImageIds) {
  DetectionFixture f;
  f.image(2).image(1).category(1).gt(1, 2, 1, {0, 0, 10, 10});
  f.dt(2, 1, {0, 0, 10, 10}, 0.5).dt(1, 1, {0, 0, 10, 10}, 0.5);
  EXPECT_EQ(coco(f).summary.at("AP50"), 0.5);
}

// Detections are truncated to 100 per image and category before matching: with 100 FPs
// scored above the only TP, the TP is cut and AP = AR = 0. With 99 FPs the TP survives as the
// 100th: recall 1 at precision 1/100 -> AP = 1/100 (interpolation carries it to every r).
TEST(CocoReference, MaxDetsTruncatesEachImageCategory) {
  auto build = [](int false_positives) {
    DetectionFixture f;
    f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10});
    for (int i = 0; i < false_positives; ++i) f.dt(1, 1, {50, 50, 10, 10}, 0.9 - i * 1e-3);
    f.dt(1, 1, {0, 0, 10, 10}, 0.1);
    return f;
  };
  const auto cut = coco(build(100)).summary;
  EXPECT_EQ(cut.at("AP"), 0.0);
  EXPECT_EQ(cut.at("AR100"), 0.0);
  const auto kept = coco(build(99)).summary;
  EXPECT_DOUBLE_EQ(kept.at("AP"), 0.01);
  EXPECT_EQ(kept.at("AR100"), 1.0);
  EXPECT_EQ(kept.at("AR10"), 0.0);  // re-truncated to 10 in accumulate
}

// IoU has no +1 and a match needs IoU >= threshold: a 10x5 box inside a 10x10 gt has IoU
// 50/100 = 0.5 exactly, a match at 0.5 only -> AP50 1, AP75 0, AP = 1/10.
TEST(CocoReference, IouEqualToThresholdMatches) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}).dt(1, 1, {0, 0, 10, 5}, 0.9);
  const auto m = coco(f).summary;
  EXPECT_DOUBLE_EQ(m.at("AP50"), kOneHit);
  EXPECT_EQ(m.at("AP75"), 0.0);
  EXPECT_DOUBLE_EQ(m.at("AP"), 0.1);
}

// Crowd gt: IoU union is the detection's area, and a crowd absorbs any number of detections,
// which become ignored rather than FP.
// dA = [40,50,20,10] meets the crowd [50,50,40,40] on 10x10: IoU = 100/200 = 0.5 (the ordinary
// union would give 100/1700). dB is a perfect hit on the normal gt, scored below dA.
// IoU 0.5: dA ignored, dB TP -> 1. IoU >= 0.55: dA FP then dB TP -> pr 1/2 everywhere.
// AP = (1 + 9 * 0.5) / 10 = 0.55. Two more detections inside the crowd change nothing.
TEST(CocoReference, CrowdUnionIsDetectionAreaAndAbsorbsMany) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 1, {50, 50, 40, 40}, true);
  f.dt(1, 1, {40, 50, 20, 10}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8);
  f.dt(1, 1, {60, 60, 10, 10}, 0.95).dt(1, 1, {70, 70, 10, 10}, 0.97);
  const auto m = coco(f).summary;
  EXPECT_DOUBLE_EQ(m.at("AP50"), kOneHit);
  EXPECT_EQ(m.at("AP75"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("AP"), 0.55);
}

// The greedy scan stops at the ignored gts once it holds a non-ignored match: the detection
// keeps the normal gt (IoU 0.62) although the crowd behind it overlaps fully (IoU 1). At
// thresholds above 0.62 it falls through to the crowd and is ignored, leaving the gt missed.
// TP at 0.5, 0.55, 0.6; AP 0 at the other 7 -> AP = 0.3 (without the break: 0).
TEST(CocoReference, MatchingBreaksBeforeIgnoredGts) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}, true).gt(2, 1, 1, {0, 0, 10, 6.2});
  f.dt(1, 1, {0, 0, 10, 10}, 0.9);
  EXPECT_DOUBLE_EQ(coco(f).summary.at("AP"), 0.3);
}

// Among gts of equal IoU the later one wins (the comparison is IoU < best to skip). d1 = [2,0,
// 10,10] has IoU 80/120 with both g1 = [0,0,10,10] and g2 = [4,0,10,10] and takes g2, leaving
// g1 for d2 (a perfect hit): AP50 = 1. Had g1 won, d2 would be a FP (IoU 60/140 with g2).
// For thresholds above 2/3 (0.7 .. 0.95, six of them) d1 is a FP, d2 TP: pr 1/2 up to recall
// 1/2 -> 51 * 0.5 / 101. AP = (4 + 6 * 25.5 / 101) / 10.
TEST(CocoReference, EqualIouLaterGtWins) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 1, {4, 0, 10, 10});
  f.dt(1, 1, {2, 0, 10, 10}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8);
  const auto m = coco(f).summary;
  EXPECT_EQ(m.at("AP50"), 1.0);
  EXPECT_NEAR(m.at("AP"), (4 + 6 * 25.5 / 101) / 10, 1e-15);
}

// Unmatched detections outside the area range are ignored: a large FP scored above the TP
// halves AP over all areas (pr 1/2) but not APs, where it is out of range. A negative-width
// box has negative area, outside every range, so it is ignored even for area=all.
TEST(CocoReference, UnmatchedOutOfRangeDetectionsAreIgnored) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10});
  DetectionFixture negative = f;
  f.dt(1, 1, {50, 50, 50, 50}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8);
  const auto m = coco(f).summary;
  EXPECT_EQ(m.at("AP"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("APs"), kOneHit);
  negative.dt(1, 1, {50, 50, -10, 10}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8);
  EXPECT_DOUBLE_EQ(coco(negative).summary.at("AP"), kOneHit);
}

// Matches are stored as gt ids and tested with != 0, so a perfect hit on gt id 0 counts as a
// false positive and the gt as missed: AP = AR = 0.
TEST(CocoReference, GtIdZeroNeverCountsAsMatched) {
  DetectionFixture f;
  f.image(1).category(1).gt(0, 1, 1, {0, 0, 10, 10}).dt(1, 1, {0, 0, 10, 10}, 0.9);
  const auto m = coco(f).summary;
  EXPECT_EQ(m.at("AP"), 0.0);
  EXPECT_EQ(m.at("AR100"), 0.0);
}

// Recall thresholds are np.linspace(0, 1, 101), whose 35th value 0.35000000000000003 exceeds
// the recall 7/20 = 0.35, so searchsorted(side='left') skips past it. 20 gts; sorted dets: 7 TP,
// 7 FP, 1 TP. precision at r=34 is 1; at r=35 the first recall >= thr is 8/20 with precision
// 8/15 (8 / (15 + eps) rounds to 8/15); past r=40 it is 0.
TEST(CocoReference, RecallThresholdsSearchsortedLeft) {
  DetectionFixture f;
  f.image(1).category(1);
  for (int g = 0; g < 20; ++g) f.gt(g + 1, 1, 1, {g * 5.0, 0, 4, 4});
  double score = 0.99;
  for (int g = 0; g < 7; ++g, score -= 0.01) f.dt(1, 1, {g * 5.0, 0, 4, 4}, score);
  for (int i = 0; i < 7; ++i, score -= 0.01) f.dt(1, 1, {0, 50, 4, 4}, score);
  f.dt(1, 1, {7 * 5.0, 0, 4, 4}, score);
  EvalAccumulation acc;
  coco(f, &acc);
  auto precision_at = [&](std::size_t r) { return acc.precision[acc.precision_index(0, r, 0, kAll, kMax100)]; };
  EXPECT_EQ(precision_at(34), 1.0);
  EXPECT_EQ(precision_at(35), 8.0 / 15.0);
  EXPECT_EQ(precision_at(40), 8.0 / 15.0);
  EXPECT_EQ(precision_at(41), 0.0);
  EXPECT_EQ(acc.recall[acc.recall_index(0, 0, kAll, kMax100)], 0.4);
}

// A category without non-ignored gt is -1 and left out of the means; a category with gt and no
// detection scores 0 and counts. Categories: 1 perfect (AP 1), 2 detections but no gt (-1),
// 3 gt but no detection (0) -> AP = (1 + 0) / 2. Per category the values are kept as such.
TEST(CocoReference, CategoriesWithoutGtAreExcluded) {
  DetectionFixture f;
  f.image(1).category(1).category(2).category(3);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 3, {20, 20, 10, 10});
  f.dt(1, 1, {0, 0, 10, 10}, 0.9).dt(1, 2, {0, 0, 10, 10}, 0.9);
  const auto report = coco(f);
  EXPECT_DOUBLE_EQ(report.summary.at("AP"), kOneHit / 2);
  ASSERT_EQ(report.per_category.size(), 3u);
  EXPECT_DOUBLE_EQ(report.per_category[0].metrics.at("AP"), kOneHit);
  EXPECT_EQ(report.per_category[1].metrics.at("AP"), -1.0);
  EXPECT_EQ(report.per_category[2].metrics.at("AP"), 0.0);
}

// Result categories that the gt does not have are ignored, not an error.
TEST(CocoReference, UnknownResultCategoriesAreIgnored) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10});
  f.dt(1, 9, {0, 0, 10, 10}, 0.99).dt(1, 1, {0, 0, 10, 10}, 0.5);
  EXPECT_DOUBLE_EQ(coco(f).summary.at("AP"), kOneHit);
}

// A group restricts params.catIds: its AP is the mean over its own categories only.
TEST(CocoReference, GroupsRestrictCategories) {
  DetectionFixture f;
  f.image(1).category(1).category(2);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 2, {20, 20, 10, 10}).dt(1, 1, {0, 0, 10, 10}, 0.9);
  DetectionEvalOptions options;
  options.groups = {{"novel", {2}}, {"base", {1}}};
  const auto report = evaluate_coco(f.gt(), f.dt(), options);
  EXPECT_DOUBLE_EQ(report.summary.at("AP"), kOneHit / 2);
  ASSERT_EQ(report.groups.size(), 2u);
  EXPECT_EQ(report.groups[0].first, "novel");
  EXPECT_EQ(report.groups[0].second.at("AP"), 0.0);
  EXPECT_DOUBLE_EQ(report.groups[1].second.at("AP"), kOneHit);
}

// The result does not depend on the thread count (categories are independent).
TEST(CocoReference, ThreadCountDoesNotChangeNumbers) {
  DetectionFixture f;
  f.image(1).image(2);
  for (int k = 1; k <= 9; ++k) {
    f.category(k);
    f.gt(k, 1 + k % 2, k, {k * 3.0, 0, 10, 10}).dt(1 + k % 2, k, {k * 3.0 + k % 4, 1, 10, 10}, 0.1 * k);
    f.dt(1 + (k + 1) % 2, k, {k * 3.0, 0, 10, 10}, 0.05 * k);
  }
  DetectionEvalOptions one, many;
  one.threads = 1;
  many.threads = 4;
  EvalAccumulation a1, a4;
  evaluate_coco(f.gt(), f.dt(), one, &a1);
  evaluate_coco(f.gt(), f.dt(), many, &a4);
  EXPECT_EQ(a1.precision, a4.precision);
  EXPECT_EQ(a1.recall, a4.recall);
}

}  // namespace
}  // namespace ovbench
