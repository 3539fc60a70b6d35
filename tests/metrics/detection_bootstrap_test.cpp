// The image-level bootstrap: the undisturbed draw reproduces the evaluator's AP exactly, a draw
// equals evaluating the dataset with images duplicated, draws are deterministic, the interval
// arithmetic is numpy's, and the 95% interval covers the truth about 95% of the time.

#include "metrics/detection_bootstrap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "detection_fixture.h"
#include "test_rng.h"
#include "metrics/coco_evaluator.h"
#include "metrics/eval_problem_builder.h"

namespace ovbench {
namespace {

using testing::DetectionFixture;

// `images` images with two categories; each image has 0-2 gts per category, found with
// probability 0.7 (score 0.5-1), plus a false positive with probability 0.5 (score 0-0.8).
// Distinct scores everywhere, so no cross-image ties.
DetectionFixture population(int images, std::uint64_t seed, int first_image = 1) {
  testing::TestRng rng{seed};
  DetectionFixture f;
  f.category(1).category(2);
  std::int64_t gt_id = 1;
  for (int i = first_image; i < first_image + images; ++i) {
    f.image(i);
    for (int c = 1; c <= 2; ++c) {
      const int n = static_cast<int>(rng.uniform() * 3);
      for (int g = 0; g < n; ++g) {
        const BoxXYWH box{10.0 + 40 * g, 10.0 + 40 * (c - 1), 30, 30};
        f.gt(gt_id++, i, c, box);
        if (rng.uniform() < 0.7) f.dt(i, c, {box.x + 1, box.y + 1, 30, 30}, 0.5 + 0.5 * rng.uniform());
      }
      if (rng.uniform() < 0.5) f.dt(i, c, {60, 60, 20, 20}, 0.8 * rng.uniform());
    }
  }
  return f;
}

// The matches the COCO evaluator keeps (via a bootstrap run) and its accumulation.
std::vector<CategoryMatches> matches_of(const DetectionFixture& f, EvalAccumulation* acc) {
  // evaluate_coco does not return matches; rebuild them through the engine with COCO rules.
  DetectionEvalOptions options;
  evaluate_coco(f.gt(), f.dt(), options, acc);
  EvalProblemBuilder builder(f.gt().categories.size(), f.gt().images.size());
  // Ids are 1..n in order in these fixtures, so index = id - 1.
  for (const auto& a : f.gt().annotations) {
    EvalGt g;
    g.box = a.bbox;
    g.area = a.area;
    builder.add_gt(static_cast<std::uint32_t>(a.category_id - 1), static_cast<std::uint32_t>(a.image_id - 1), g);
  }
  for (const auto& d : f.dt().items) {
    EvalDt e;
    e.box = d.bbox;
    e.area = d.bbox.w * d.bbox.h;
    e.score = d.score;
    builder.add_dt(static_cast<std::uint32_t>(d.category_id - 1), static_cast<std::uint32_t>(d.image_id - 1), e);
  }
  std::vector<CategoryMatches> matches;
  evaluate_detections(builder.build(), coco_rules(), 1, &matches);
  return matches;
}

// pycocotools' AP of category k at threshold t: the mean of its 101 interpolated precisions
// (area all, maxDets 100).
double ap_of(const EvalAccumulation& acc, std::size_t k, std::size_t t) {
  double sum = 0;
  for (std::size_t r = 0; r < acc.R; ++r) sum += acc.precision[acc.precision_index(t, r, k, 0, 2)];
  return sum / static_cast<double>(acc.R);
}

TEST(DetectionBootstrap, AllOnesReproducesTheEvaluatorExactly) {
  const DetectionFixture f = population(60, 7);
  EvalAccumulation acc;
  const auto matches = matches_of(f, &acc);
  const EvalRules rules = coco_rules();
  const auto ap = category_ap_for_counts(matches, std::vector<std::uint32_t>(60, 1), rules);
  for (std::size_t k = 0; k < 2; ++k) {
    for (std::size_t t = 0; t < 10; ++t) EXPECT_EQ(ap[k * 10 + t], ap_of(acc, k, t)) << "category " << k << " t " << t;
  }
}

// Drawing image i twice is evaluating a dataset in which image i appears twice (a copy under a
// new id); drawing it zero times, one without it.
TEST(DetectionBootstrap, ADrawEqualsEvaluatingTheDuplicatedDataset) {
  const int n = 12;
  const DetectionFixture f = population(n, 11);
  const auto matches = matches_of(f, nullptr);
  std::vector<std::uint32_t> counts(n, 1);
  counts[2] = 2;
  counts[5] = 0;
  counts[7] = 3;
  const auto ap = category_ap_for_counts(matches, counts, coco_rules());

  DetectionFixture dup;
  dup.category(1).category(2);
  std::int64_t next_image = 1, gt_id = 1;
  for (int i = 0; i < n; ++i) {
    for (std::uint32_t c = 0; c < counts[i]; ++c, ++next_image) {
      dup.image(next_image);
      for (const auto& a : f.gt().annotations)
        if (a.image_id == i + 1) dup.gt(gt_id++, next_image, a.category_id, a.bbox);
      for (const auto& d : f.dt().items)
        if (d.image_id == i + 1) dup.dt(next_image, d.category_id, d.bbox, d.score);
    }
  }
  EvalAccumulation acc;
  evaluate_coco(dup.gt(), dup.dt(), DetectionEvalOptions{}, &acc);
  for (std::size_t k = 0; k < 2; ++k) {
    for (std::size_t t = 0; t < 10; ++t) EXPECT_DOUBLE_EQ(ap[k * 10 + t], ap_of(acc, k, t)) << "category " << k << " t " << t;
  }
}

TEST(DetectionBootstrap, DrawsAreDeterministicAndSumToN) {
  const auto a = bootstrap_image_counts(1000, 42, 3);
  EXPECT_EQ(a, bootstrap_image_counts(1000, 42, 3));
  EXPECT_NE(a, bootstrap_image_counts(1000, 42, 4));
  EXPECT_NE(a, bootstrap_image_counts(1000, 43, 3));
  EXPECT_EQ(std::accumulate(a.begin(), a.end(), 0u), 1000u);
  // About 1/e of the images are left out of a draw.
  const auto zeros = std::count(a.begin(), a.end(), 0u);
  EXPECT_GT(zeros, 320);
  EXPECT_LT(zeros, 415);
}

TEST(DetectionBootstrap, ThreadCountDoesNotChangeReplicates) {
  const DetectionFixture f = population(80, 5);
  const auto matches = matches_of(f, nullptr);
  const auto one = bootstrap_category_ap(matches, 80, coco_rules(), {50, 9, 1});
  const auto two = bootstrap_category_ap(matches, 80, coco_rules(), {50, 9, 2});
  EXPECT_EQ(one.ap, two.ap);
}

TEST(DetectionBootstrap, PercentileIntervalIsNumpyLinear) {
  // np.percentile([1,2,3,4], [25, 75]) = [1.75, 3.25]; np.std([1,2,3,4], ddof=1) = sqrt(5/3).
  const auto i = percentile_interval({4, 1, 3, 2, -1}, 0.5);  // -1 (no gt) is left out
  EXPECT_DOUBLE_EQ(i.low, 1.75);
  EXPECT_DOUBLE_EQ(i.high, 3.25);
  EXPECT_DOUBLE_EQ(i.se, std::sqrt(5.0 / 3.0));
  EXPECT_EQ(percentile_interval({-1, 0.5}, 0.95).low, -1);
  // Re-centred on the estimate 3.5 (mean 2.5): {2, 3, 4, 5} -> [2.75, 4.25], same spread.
  const auto c = percentile_interval({4, 1, 3, 2}, 0.5, 3.5);
  EXPECT_DOUBLE_EQ(c.low, 2.75);
  EXPECT_DOUBLE_EQ(c.high, 4.25);
  EXPECT_DOUBLE_EQ(c.se, std::sqrt(5.0 / 3.0));
}

// Coverage: 60 independent 600-image datasets from one population each get a 95% interval
// from 300 replicates; each should cover the truth with probability ~0.95 (57 of 60 on average;
// fewer than 50 has probability < 0.1% for a calibrated procedure, while intervals too narrow
// by a third would cover ~83%, half as wide ~68%). The truth is the mean AP50 of 600-image
// datasets (200 more draws), not the AP50 of one huge sample: AP is a biased estimator (600
// images give ~0.4% lower AP50 than 20,000 here), and a bootstrap interval describes the
// estimator's spread, which its measured standard error (0.0139) matches (the estimates' own
// standard deviation: 0.0142).
TEST(DetectionBootstrap, NinetyFivePercentIntervalsCoverTheTruth) {
  constexpr int kImages = 600;
  double truth = 0;
  for (int d = 0; d < 200; ++d) {
    const DetectionFixture f = population(kImages, 50000 + static_cast<std::uint64_t>(d));
    truth += evaluate_coco(f.gt(), f.dt(), DetectionEvalOptions{}).summary.at("AP50") / 200;
  }
  int covered = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const DetectionFixture sample = population(kImages, 1000 + static_cast<std::uint64_t>(trial));
    DetectionEvalOptions options;
    options.bootstrap_replicates = 300;
    options.bootstrap_seed = static_cast<std::uint64_t>(trial);
    const MetricReport r = evaluate_coco(sample.gt(), sample.dt(), options);
    const auto& i = r.intervals["metrics"]["AP50"];
    if (i["low"].get<double>() <= truth && truth <= i["high"].get<double>()) ++covered;
  }
  EXPECT_GE(covered, 50) << "truth " << truth;  // 54 with these seeds
}

}  // namespace
}  // namespace ovbench
