#include "metrics/paired_bootstrap.h"

#include <algorithm>

#include "metrics/detection_bootstrap.h"

namespace ovbench {

PairedDifference paired_difference(double a, double b, const std::vector<double>& ra,
                                   const std::vector<double>& rb, double confidence) {
  PairedDifference out;
  out.diff = b - a;
  std::vector<double> d;
  const std::size_t n = std::min(ra.size(), rb.size());
  d.reserve(n);
  for (std::size_t r = 0; r < n; ++r) {
    if (ra[r] > -1 && rb[r] > -1) d.push_back(rb[r] - ra[r]);
  }
  out.replicates = static_cast<int>(d.size());
  if (d.size() < 2) {
    out.low = out.high = out.diff;
    return out;
  }
  // Re-centred on the observed difference, as the intervals are (detection_bootstrap.h): the
  // resampling bias of each run's AP does not fully cancel in the difference.
  double mean = 0;
  for (double v : d) mean += v;
  mean /= static_cast<double>(d.size());
  for (double& v : d) v += out.diff - mean;
  std::size_t at_most_zero = 0, at_least_zero = 0;
  for (double v : d) {
    at_most_zero += v <= 0;
    at_least_zero += v >= 0;
  }
  const double tail = static_cast<double>(std::min(at_most_zero, at_least_zero));
  out.p_value = std::min(1.0, 2 * (tail + 1) / (static_cast<double>(d.size()) + 1));
  out.low = percentile_of(d, (1 - confidence) / 2);
  out.high = percentile_of(d, (1 + confidence) / 2);
  return out;
}

}  // namespace ovbench
