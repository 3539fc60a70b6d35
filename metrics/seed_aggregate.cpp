#include "metrics/seed_aggregate.h"

#include <cmath>
#include <stdexcept>

#include "metrics/numpy_arithmetic.h"

namespace ovbench {

MeanStd mean_and_population_std(const std::vector<double>& values) {
  std::vector<double> kept;
  for (const double v : values) {
    if (v != -1) kept.push_back(v);
  }
  if (kept.empty()) return {};
  // np.std: sqrt(mean(abs(x - x.mean())**2)), each mean a numpy sum divided by n.
  const double mean = numpy::mean(kept);
  std::vector<double> squares(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) squares[i] = (kept[i] - mean) * (kept[i] - mean);
  return {mean, std::sqrt(numpy::mean(squares))};
}

SeedAggregate aggregate_tasks_and_seeds(const std::vector<double>& scores, std::size_t tasks,
                                        std::size_t seeds) {
  if (scores.size() != tasks * seeds) {
    throw std::logic_error("aggregate_tasks_and_seeds: scores is not tasks x seeds");
  }
  SeedAggregate out;
  std::vector<double> column(seeds);
  for (std::size_t t = 0; t < tasks; ++t) {
    for (std::size_t s = 0; s < seeds; ++s) column[s] = scores[t * seeds + s];
    out.per_task.push_back(mean_and_population_std(column));
  }
  std::vector<double> row(tasks);
  for (std::size_t s = 0; s < seeds; ++s) {
    for (std::size_t t = 0; t < tasks; ++t) row[t] = scores[t * seeds + s];
    out.per_seed_mean.push_back(mean_and_population_std(row).mean);
  }
  out.overall = mean_and_population_std(out.per_seed_mean);
  return out;
}

}  // namespace ovbench
