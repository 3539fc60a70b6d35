#pragma once
// The difference of one metric between two runs bootstrapped on the same resampled images (same
// image set, same seed): replicate r of both runs saw the same draw, so d_r = b_r - a_r is the
// paired bootstrap distribution of the difference.

#include <vector>

namespace ovbench {

struct PairedDifference {
  double diff = 0;          // b - a on the full data
  double low = 0, high = 0; // percentile interval of d_r (re-centred on diff) at the confidence
  // Two-sided bootstrap p-value for "no difference": 2 * min(#{d_r <= 0}, #{d_r >= 0}) with the
  // usual +1 correction, (2 * (min + 1)) / (R + 1), capped at 1; it is below 0.05 exactly when
  // the 95% percentile interval (nearly) excludes 0.
  double p_value = 1;
  int replicates = 0;       // replicates where both runs had a value (> -1)
};

// `a`, `b`: point values; `ra`, `rb`: replicate values (same length, same draws); replicates
// where either is -1 (nothing to score) are left out. Fewer than 2 usable replicates give
// low = high = diff and p_value = 1.
PairedDifference paired_difference(double a, double b, const std::vector<double>& ra,
                                   const std::vector<double>& rb, double confidence = 0.95);

}  // namespace ovbench
