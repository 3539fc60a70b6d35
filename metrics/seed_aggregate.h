#pragma once
// Aggregates of a benchmark made of several tasks, each scored once per few-shot seed, as
// GLIP reports ODinW: the suite number is the plain mean over tasks of the per-task AP, and a
// k-shot result is the mean +- standard deviation over seeds of that suite number (GLIP paper
// Table 10 'x +- y', three seeds 3/30/300). The standard deviation is the population one
// (ddof = 0): numpy's np.std default; GLIP's repository has no aggregation code to say
// otherwise, so the choice is documented in docs/odinw.md and every output names it.

#include <cstddef>
#include <vector>

namespace ovbench {

struct MeanStd {
  double mean = -1;
  double std = -1;  // population standard deviation; 0 for one value; -1 when no value
};

// np.mean(values) and np.std(values) (ddof = 0) with numpy's summation; -1 for none.
MeanStd mean_and_population_std(const std::vector<double>& values);

struct SeedAggregate {
  std::vector<MeanStd> per_task;      // over the seeds of each task
  std::vector<double> per_seed_mean;  // over the tasks, one per seed (the suite number)
  MeanStd overall;                    // over the seeds of per_seed_mean
};

// scores[task * seeds + seed]. A score of -1 (pycocotools' "nothing to score": the task's
// ground truth has no boxes) is left out of every mean it would enter.
SeedAggregate aggregate_tasks_and_seeds(const std::vector<double>& scores, std::size_t tasks,
                                        std::size_t seeds);

}  // namespace ovbench
