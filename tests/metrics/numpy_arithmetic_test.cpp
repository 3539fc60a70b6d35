// Checks ovbench::numpy against numpy 1.24.2 bit for bit. Hand derivations sit next to the small
// cases; the rest are float.hex() constants printed by /work/ref/rle_reference.py ("expected
// from numpy 1.24.2").

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "metrics/numpy_arithmetic.h"

namespace ovbench::numpy {
namespace {

// The reference script's reciprocal(n): 1 / (i + 1), exact IEEE divisions on both sides.
std::vector<double> Reciprocals(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = 1.0 / (static_cast<double>(i) + 1.0);
  return v;
}

double NaiveSum(const std::vector<double>& v) {
  double s = 0;
  for (const double x : v) s += x;
  return s;
}

constexpr double kTwo53 = 9007199254740992.0;  // 2^53: from here on the ulp is 2

TEST(NumpyArithmeticLinspace, IouThresholds) {
  const std::vector<double> t = linspace(.5, .95, 10);
  ASSERT_EQ(t.size(), 10u);
  // step = .45 / 9 = 0.049999999999999996; 8 * step + .5 rounds below .9.
  EXPECT_EQ(t[8], 0.8999999999999999);
  EXPECT_EQ(t[8], 0x1.cccccccccccccp-1);
  EXPECT_NE(t[8], 0.9);
  // Expected from numpy 1.24.2: the other values print as their short decimals.
  const double expected[10] = {0.5, 0.55, 0.6,  0.65, 0.7,
                               0.75, 0.8, 0.85, 0.8999999999999999, 0.95};
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(t[i], expected[i]) << "i=" << i;
}

TEST(NumpyArithmeticLinspace, RecallThresholds) {
  const std::vector<double> r = linspace(0, 1, 101);
  ASSERT_EQ(r.size(), 101u);
  EXPECT_EQ(r[100], 1.0);
  // Expected from numpy 1.24.2: i * 0.01 exceeds i / 100 exactly for these i, and never falls
  // below it.
  const std::vector<std::size_t> above = {35, 41, 47, 57, 69, 70, 82, 83, 94, 95};
  std::vector<std::size_t> got;
  for (std::size_t i = 0; i <= 100; ++i) {
    const double q = static_cast<double>(i) / 100;
    if (r[i] > q) got.push_back(i);
    EXPECT_GE(r[i], q) << "i=" << i;
    EXPECT_EQ(r[i], static_cast<double>(i) * 0.01 + 0.0) << "i=" << i;
  }
  EXPECT_EQ(got, above);
}

TEST(NumpyArithmeticLinspace, EdgeCounts) {
  EXPECT_TRUE(linspace(0, 1, 0).empty());
  // n = 1: numpy's div is 0, so only `start` remains.
  EXPECT_EQ(linspace(2, 3, 1), (std::vector<double>{2}));
  // ... computed as 0 * (stop - start) + start, so numpy 1.24.2 gives [nan] for an infinite
  // stop and +0.0 for start -0.0.
  EXPECT_TRUE(std::isnan(linspace(0, HUGE_VAL, 1)[0]));
  EXPECT_FALSE(std::signbit(linspace(-0.0, 1, 1)[0]));
  EXPECT_EQ(linspace(1, 1, 3), (std::vector<double>{1, 1, 1}));
  EXPECT_EQ(linspace(0, 1, 2), (std::vector<double>{0, 1}));
}

TEST(NumpyArithmeticLinspace, UnderflowingStep) {
  // step = 5e-324 / 3 rounds to 0, so numpy computes (i / 3) * 5e-324 instead (gh-5437):
  // 2/3 of the smallest denormal rounds up to it. Expected from numpy 1.24.2:
  // ['0x0.0p+0', '0x0.0p+0', '0x0.0000000000001p-1022', '0x0.0000000000001p-1022'].
  const double d = 0x0.0000000000001p-1022;
  EXPECT_EQ(linspace(0, d, 4), (std::vector<double>{0, 0, d, d}));
}

TEST(NumpyArithmeticSum, UnrolledBelow128) {
  // 8 values take the 8-way path: ((2^53 + 1) + (1 + 1)) + ((1 + 1) + (1 + 1)) = (2^53 + 2) + 4
  // (2^53 + 1 is a tie and rounds to even 2^53); a plain loop loses every 1.
  const std::vector<double> v8 = {kTwo53, 1, 1, 1, 1, 1, 1, 1};
  EXPECT_EQ(sum(v8.data(), v8.size()), kTwo53 + 6);
  EXPECT_EQ(NaiveSum(v8), kTwo53);
  // Fewer than 8 values are added in order from 0.
  const std::vector<double> v7 = {kTwo53, 1, 1, 1, 1, 1, 1};
  EXPECT_EQ(sum(v7.data(), v7.size()), kTwo53);
  EXPECT_EQ(sum(v7.data(), 0), 0.0);
}

TEST(NumpyArithmeticSum, BlocksOf8192) {
  // 2^53 at 0 and 1s at 8191 and 8192: the first block gives 2^53 + 1 -> 2^53, the second block
  // adds its 1 to that -> 2^53 again. Pairwise over all 8193 would give 1 + 1 = 2 in the right
  // half and 2^53 + 2. numpy 1.24.2 gives 2^53 as well.
  std::vector<double> v(8193, 0.0);
  v[0] = kTwo53;
  v[8191] = 1;
  v[8192] = 1;
  EXPECT_EQ(sum(v.data(), v.size()), kTwo53);
}

TEST(NumpyArithmeticSum, MatchesNumpyAddReduce) {
  // Expected from numpy 1.24.2: float(np.add.reduce(reciprocal(n))).hex().
  struct Case {
    std::size_t n;
    double expected;
  };
  const Case cases[] = {{100, 0x1.4bfdfe4591243p+2},
                        {1000, 0x1.df11f45f4e61ap+2},
                        {8192, 0x1.32d273ee79fcap+3},
                        {20000, 0x1.4f62202468759p+3},
                        {50001, 0x1.6cb46b91852e5p+3}};
  for (const Case& c : cases) {
    const std::vector<double> v = Reciprocals(c.n);
    EXPECT_EQ(sum(v.data(), v.size()), c.expected) << "n=" << c.n;
  }
}

TEST(NumpyArithmeticSum, DiffersFromNaiveSummation) {
  // n = 20000 spans three blocks. numpy 1.24.2: 0x1.4f62202468759p+3; a plain loop gives
  // 0x1.4f62202468754p+3 and unblocked pairwise summation 0x1.4f62202468758p+3 (same script).
  const std::vector<double> v = Reciprocals(20000);
  EXPECT_EQ(NaiveSum(v), 0x1.4f62202468754p+3);
  EXPECT_NE(sum(v.data(), v.size()), NaiveSum(v));
  EXPECT_EQ(sum(v.data(), v.size()), 0x1.4f62202468759p+3);
}

TEST(NumpyArithmeticMean, MatchesNumpy) {
  // (1 + 2 + 3 + 4) / 4 exactly.
  EXPECT_EQ(mean(std::vector<double>{1, 2, 3, 4}), 2.5);
  // Expected from numpy 1.24.2: float(np.mean(reciprocal(n))).hex().
  EXPECT_EQ(mean(Reciprocals(8192)), 0x1.32d273ee79fcap-10);
  EXPECT_EQ(mean(Reciprocals(20000)), 0x1.12bef9f8f622ep-11);
  EXPECT_EQ(mean(Reciprocals(50001)), 0x1.de042a56cf0cep-13);
}

TEST(NumpyArithmeticMean, EmptyIsNan) {
  EXPECT_TRUE(std::isnan(mean(std::vector<double>{})));
  EXPECT_TRUE(std::isnan(mean(nullptr, 0)));
}

TEST(NumpyArithmeticSpacing, SpacingOfOne) {
  // np.spacing(1.0) = 2^-52.
  EXPECT_EQ(kSpacingOfOne, 0x1p-52);
}

}  // namespace
}  // namespace ovbench::numpy
