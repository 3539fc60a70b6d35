#include "metrics/numpy_arithmetic.h"

#include <limits>

namespace ovbench::numpy {
namespace {

// numpy/core/src/umath/loops_utils.h.src, pairwise_sum_DOUBLE.
double pairwise(const double* a, std::size_t n) {
  if (n < 8) {
    double res = 0.;
    for (std::size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (int j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise(a, n2) + pairwise(a + n2, n - n2);
}

}  // namespace

double sum(const double* values, std::size_t n) {
  constexpr std::size_t kBlock = 8192;  // NPY_BUFSIZE
  double total = 0.;
  for (std::size_t begin = 0; begin < n; begin += kBlock) {
    const std::size_t len = n - begin < kBlock ? n - begin : kBlock;
    total += pairwise(values + begin, len);
  }
  return total;
}

double mean(const double* values, std::size_t n) {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  return sum(values, n) / static_cast<double>(n);
}

std::vector<double> linspace(double start, double stop, std::size_t n) {
  std::vector<double> out(n);
  if (n == 0) return out;
  const double delta = stop - start;
  if (n == 1) {
    // numpy has no step here (div = 0) and computes 0 * delta + start: NaN for an infinite or
    // NaN delta, not `start`.
    out[0] = 0.0 * delta + start;
    return out;
  }
  const double div = static_cast<double>(n - 1);
  const double step = delta / div;
  if (step == 0) {
    // numpy (gh-5437): when the step underflows, i / div * delta keeps the denormal values that
    // i * 0 would flush, e.g. linspace(0, 5e-324, 4)[2] = 5e-324.
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<double>(i) / div * delta + start;
  } else {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<double>(i) * step + start;
  }
  out[n - 1] = stop;
  return out;
}

}  // namespace ovbench::numpy
