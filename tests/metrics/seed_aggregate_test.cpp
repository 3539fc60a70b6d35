// The ODinW aggregate: plain mean over tasks, mean and population std over seeds.

#include "metrics/seed_aggregate.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ovbench {
namespace {

TEST(SeedAggregate, PopulationStdOfThreeValues) {
  // mean(1, 2, 4) = 7/3; squared deviations 16/9, 1/9, 25/9 -> mean 42/27 = 14/9.
  const MeanStd m = mean_and_population_std({1.0, 2.0, 4.0});
  EXPECT_DOUBLE_EQ(m.mean, 7.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.std, std::sqrt(14.0 / 9.0));  // the sample std would be sqrt(7/3)
}

TEST(SeedAggregate, OneValueHasZeroStdAndNoneIsMinusOne) {
  EXPECT_EQ(mean_and_population_std({0.25}).std, 0.0);
  EXPECT_EQ(mean_and_population_std({}).mean, -1.0);
  EXPECT_EQ(mean_and_population_std({-1.0}).std, -1.0);
}

TEST(SeedAggregate, GlipT_OdinW13ZeroShotAverage) {
  // GLIP paper Table 12, GLIP-T row: the 13 per-dataset APs average to 46.5 (printed rounded).
  const std::vector<double> ap = {56.2, 12.5, 18.4, 70.2, 50.0, 73.8, 72.3,
                                  57.8, 26.3, 56.0, 49.6, 17.7, 44.1};
  const SeedAggregate a = aggregate_tasks_and_seeds(ap, ap.size(), 1);
  // Running sum by hand: 68.7, 87.1, 157.3, 207.3, 281.1, 353.4, 411.2, 437.5, 493.5, 543.1,
  // 560.8, 604.9 -> 604.9 / 13 = 46.5307...
  EXPECT_NEAR(a.overall.mean, 604.9 / 13.0, 1e-12);
  EXPECT_EQ(std::round(a.overall.mean * 10) / 10, 46.5);
  EXPECT_EQ(a.overall.std, 0.0);
}

TEST(SeedAggregate, TasksBySeeds) {
  // Two tasks x three seeds. Task 0: 0.1, 0.2, 0.3; task 1: 0.5, 0.5, 0.8.
  // Per seed means: 0.3, 0.35, 0.55 -> overall mean 0.4, deviations -0.1, -0.05, 0.15 ->
  // population variance (0.01 + 0.0025 + 0.0225) / 3 = 0.035 / 3.
  const SeedAggregate a = aggregate_tasks_and_seeds({0.1, 0.2, 0.3, 0.5, 0.5, 0.8}, 2, 3);
  ASSERT_EQ(a.per_seed_mean.size(), 3u);
  EXPECT_NEAR(a.per_seed_mean[0], 0.3, 1e-15);
  EXPECT_NEAR(a.per_seed_mean[1], 0.35, 1e-15);
  EXPECT_NEAR(a.per_seed_mean[2], 0.55, 1e-15);
  EXPECT_NEAR(a.overall.mean, 0.4, 1e-15);
  EXPECT_NEAR(a.overall.std, std::sqrt(0.035 / 3), 1e-15);
  EXPECT_NEAR(a.per_task[0].mean, 0.2, 1e-15);
  EXPECT_NEAR(a.per_task[0].std, std::sqrt(0.02 / 3), 1e-15);  // deviations -0.1, 0, 0.1
  EXPECT_NEAR(a.per_task[1].mean, 0.6, 1e-15);
  EXPECT_NEAR(a.per_task[1].std, std::sqrt(0.06 / 3), 1e-15);  // -0.1, -0.1, 0.2
}

TEST(SeedAggregate, TaskWithoutGroundTruthIsLeftOut) {
  // Task 1 scored -1 (no gt boxes): the suite mean is task 0's alone.
  const SeedAggregate a = aggregate_tasks_and_seeds({0.4, -1.0}, 2, 1);
  EXPECT_DOUBLE_EQ(a.overall.mean, 0.4);
  EXPECT_EQ(a.per_task[1].mean, -1.0);
}

TEST(SeedAggregate, ShapeMismatchIsABug) {
  EXPECT_THROW(aggregate_tasks_and_seeds({0.1, 0.2, 0.3}, 2, 2), std::logic_error);
}

}  // namespace
}  // namespace ovbench
