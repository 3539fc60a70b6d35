#pragma once
// numpy's floating-point arithmetic, reproduced bit for bit so that printed tables diff clean
// against pycocotools and lvis-api (../shared/REFERENCE_BEHAVIOURS.md, "Reproducing numpy's
// arithmetic bit for bit").

#include <cstddef>
#include <vector>

namespace ovbench::numpy {

// np.spacing(1.0): the eps pycocotools adds to precision denominators.
inline constexpr double kSpacingOfOne = 2.220446049250313e-16;

// np.add.reduce over a contiguous float64 array: blocks of 8192 elements (the ufunc buffer),
// each summed pairwise (8-way unrolled below 128 elements), the block sums added in order.
double sum(const double* values, std::size_t n);
// np.mean: sum / n. NaN for n == 0, as numpy gives.
double mean(const double* values, std::size_t n);
inline double mean(const std::vector<double>& v) { return mean(v.data(), v.size()); }

// np.linspace(start, stop, n, endpoint=True): i*step + start, last value exactly `stop`.
std::vector<double> linspace(double start, double stop, std::size_t n);

}  // namespace ovbench::numpy
