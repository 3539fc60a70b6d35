// One test per lvis-api behaviour listed in ../shared/REFERENCE_BEHAVIOURS.md ("lvis-api
// differences"), each derived by hand in its comment. Images carry neg/not-exhaustive lists and
// categories a frequency, as LVIS requires.

#include <gtest/gtest.h>

#include <limits>

#include "detection_fixture.h"
#include "metrics/lvis_evaluator.h"

namespace ovbench {
namespace {

using testing::DetectionFixture;

// A lone TP has precision 1 / (1 + np.spacing(1)) (see coco_reference_behaviours_test.cpp).
const double kOneHit = 1.0 / (1.0 + std::numeric_limits<double>::epsilon());

MetricReport lvis(const DetectionFixture& f, LvisProtocol protocol = LvisProtocol::kStandard) {
  LvisEvalOptions options;
  options.protocol = protocol;
  return evaluate_lvis(f.gt(), f.dt(), options);
}

// LVISResults keeps the 300 best detections per image across categories before anything else.
// 300 FPs of category 2 (which is in the image's neg list, so they are kept) outscore the only
// TP of category 1: standard drops the TP (category 1 AP 0), fixed keeps it (AP 1 for
// category 1: its own list is just the TP).
TEST(LvisReference, ThreeHundredPerImageAcrossCategories) {
  DetectionFixture f;
  f.image(1, /*neg=*/{2}).category(1).category(2).gt(1, 1, 1, {0, 0, 10, 10});
  for (int i = 0; i < 300; ++i) f.dt(1, 2, {50, 50, 10, 10}, 0.9 - i * 1e-4);
  f.dt(1, 1, {0, 0, 10, 10}, 0.1);
  EXPECT_EQ(lvis(f).per_category[0].metrics.at("AP"), 0.0);
  EXPECT_DOUBLE_EQ(lvis(f, LvisProtocol::kFixed).per_category[0].metrics.at("AP"), kOneHit);
  // Category 2 has no gt: -1 either way, so the mean is category 1 alone.
  EXPECT_EQ(lvis(f).per_category[1].metrics.at("AP"), -1.0);
  EXPECT_EQ(lvis(f).summary.at("AP"), 0.0);
}

// Score ties at the 300 cut keep file order: with 299 FPs above and two tied detections at the
// boundary, the TP listed first survives and the one listed second would not.
TEST(LvisReference, ThreeHundredCapTiesKeepFileOrder) {
  auto build = [](bool tp_first) {
    DetectionFixture f;
    f.image(1, {2}).category(1).category(2).gt(1, 1, 1, {0, 0, 10, 10});
    for (int i = 0; i < 299; ++i) f.dt(1, 2, {50, 50, 10, 10}, 0.9);
    if (tp_first) f.dt(1, 1, {0, 0, 10, 10}, 0.5).dt(1, 2, {50, 50, 10, 10}, 0.5);
    else f.dt(1, 2, {50, 50, 10, 10}, 0.5).dt(1, 1, {0, 0, 10, 10}, 0.5);
    return f;
  };
  EXPECT_DOUBLE_EQ(lvis(build(true)).summary.at("AP"), kOneHit);
  EXPECT_EQ(lvis(build(false)).summary.at("AP"), 0.0);
}

// No per-(image, category) truncation at 100: the TP ranked 101st in its cell still counts.
// 100 FPs then the TP: recall 1 at precision 1/101 -> AP 1/101.
TEST(LvisReference, NoPerCellTruncation) {
  DetectionFixture f;
  f.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10});
  for (int i = 0; i < 100; ++i) f.dt(1, 1, {50, 50, 10, 10}, 0.9 - i * 1e-3);
  f.dt(1, 1, {0, 0, 10, 10}, 0.1);
  EXPECT_DOUBLE_EQ(lvis(f).summary.at("AP"), 1.0 / 101.0);
}

// gts and detections are loaded with 0 < area < inf: a zero-area gt vanishes (the category has
// no gt: -1), and a zero-width detection vanishes instead of being a FP (AP stays at one hit).
TEST(LvisReference, ZeroAreaGtAndDetectionsVanish) {
  DetectionFixture f;
  f.image(1).category(1).category(2);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 2, {20, 20, 10, 10}, false, /*area=*/0);
  f.dt(1, 1, {60, 60, 0, 10}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8).dt(1, 2, {20, 20, 10, 10}, 0.9);
  const auto report = lvis(f);
  EXPECT_DOUBLE_EQ(report.per_category[0].metrics.at("AP"), kOneHit);
  EXPECT_EQ(report.per_category[1].metrics.at("AP"), -1.0);
}

// `ignore` is honoured (a detection on an ignored gt is ignored, and the category has no valid
// gt: -1), while iscrowd plays no role: a crowd gt is ordinary (AP of one hit, where COCO
// would give -1) and cannot absorb a second detection (which becomes a FP after full recall,
// leaving AP unchanged, but halving precision if it ranks first).
TEST(LvisReference, IgnoreHonouredIscrowdIgnored) {
  DetectionFixture ignored;
  ignored.image(1).category(1).gt(1, 1, 1, {0, 0, 10, 10}, false, -1, /*ignore=*/1);
  ignored.dt(1, 1, {0, 0, 10, 10}, 0.9);
  EXPECT_EQ(lvis(ignored).summary.at("AP"), -1.0);

  DetectionFixture crowd;
  crowd.image(1).category(1).gt(1, 1, 1, {0, 0, 40, 40}, /*crowd=*/true);
  crowd.dt(1, 1, {0, 0, 20, 20}, 0.9).dt(1, 1, {0, 0, 40, 40}, 0.8);
  // dt 1 has IoU 400/1600 = 0.25 with an ordinary union: FP; dt 2 TP -> pr 1/2 everywhere.
  EXPECT_EQ(lvis(crowd).summary.at("AP"), 0.5);
}

// Detections survive only if their category has a gt in the image or is in its
// neg_category_ids. Category 2 is neither on image 1: its FP vanishes and cannot hurt
// category 2's AP on image 2 (one hit). Category 3 is negative on image 1: its FP counts.
TEST(LvisReference, FederatedDetectionFilter) {
  DetectionFixture f;
  f.image(1, /*neg=*/{3}).image(2).category(1).category(2).category(3);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 2, 2, {0, 0, 10, 10}).gt(3, 2, 3, {0, 0, 10, 10});
  f.dt(1, 2, {50, 50, 10, 10}, 0.9).dt(2, 2, {0, 0, 10, 10}, 0.5);
  f.dt(1, 3, {50, 50, 10, 10}, 0.9).dt(2, 3, {0, 0, 10, 10}, 0.5);
  const auto report = lvis(f);
  EXPECT_DOUBLE_EQ(report.per_category[1].metrics.at("AP"), kOneHit);
  EXPECT_EQ(report.per_category[2].metrics.at("AP"), 0.5);
}

// Unmatched detections of a category in the image's not_exhaustive_category_ids are ignored;
// matched ones still count as TP. A FP ranked first there leaves AP at one hit.
TEST(LvisReference, NotExhaustiveUnmatchedAreIgnored) {
  DetectionFixture f;
  f.image(1, {}, /*not_exhaustive=*/{1}).category(1).gt(1, 1, 1, {0, 0, 10, 10});
  f.dt(1, 1, {50, 50, 10, 10}, 0.9).dt(1, 1, {0, 0, 10, 10}, 0.8);
  EXPECT_DOUBLE_EQ(lvis(f).summary.at("AP"), kOneHit);
}

// APr/APc/APf average the categories of each frequency that have valid values; -1 when a
// frequency has none. r: one hit (AP ~1); c: gt, no detection (0); f: none in the dataset.
TEST(LvisReference, FrequencyGroups) {
  DetectionFixture f;
  f.image(1).category(1, 'r').category(2, 'c');
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 2, {20, 20, 10, 10}).dt(1, 1, {0, 0, 10, 10}, 0.9);
  const auto m = lvis(f).summary;
  EXPECT_DOUBLE_EQ(m.at("APr"), kOneHit);
  EXPECT_EQ(m.at("APc"), 0.0);
  EXPECT_EQ(m.at("APf"), -1.0);
  EXPECT_DOUBLE_EQ(m.at("AP"), kOneHit / 2);
  EXPECT_EQ(m.at("AR@300"), 0.5);
}

}  // namespace
}  // namespace ovbench
