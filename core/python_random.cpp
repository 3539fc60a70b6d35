#include "core/python_random.h"

#include <bit>
#include <vector>

namespace ovbench {
namespace {
constexpr std::size_t kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

PythonRandom::PythonRandom(std::int64_t seed) {
  // abs() of INT64_MIN does not fit an int64; its magnitude does fit a uint64.
  const std::uint64_t magnitude = seed < 0 ? ~static_cast<std::uint64_t>(seed) + 1
                                           : static_cast<std::uint64_t>(seed);
  std::vector<std::uint32_t> key{static_cast<std::uint32_t>(magnitude)};
  if (magnitude >> 32) key.push_back(static_cast<std::uint32_t>(magnitude >> 32));
  init_by_array(key);
}

void PythonRandom::init_genrand(std::uint32_t s) {
  state_[0] = s;
  for (std::size_t i = 1; i < kN; ++i) {
    state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
  }
  index_ = kN;
}

void PythonRandom::init_by_array(std::span<const std::uint32_t> key) {
  init_genrand(19650218U);
  std::size_t i = 1, j = 0;
  for (std::size_t k = kN > key.size() ? kN : key.size(); k; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + key[j] +
                static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (std::size_t k = kN - 1; k; --k) {
    state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) -
                static_cast<std::uint32_t>(i);
    ++i;
    if (i >= kN) {
      state_[0] = state_[kN - 1];
      i = 1;
    }
  }
  state_[0] = 0x80000000U;  // MSB is 1, assuring a non-zero initial array
}

std::uint32_t PythonRandom::next_uint32() {
  if (index_ >= kN) {
    std::size_t kk = 0;
    for (; kk < kN - kM; ++kk) {
      const std::uint32_t y = (state_[kk] & kUpperMask) | (state_[kk + 1] & kLowerMask);
      state_[kk] = state_[kk + kM] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    for (; kk < kN - 1; ++kk) {
      const std::uint32_t y = (state_[kk] & kUpperMask) | (state_[kk + 1] & kLowerMask);
      state_[kk] = state_[kk + kM - kN] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    }
    const std::uint32_t y = (state_[kN - 1] & kUpperMask) | (state_[0] & kLowerMask);
    state_[kN - 1] = state_[kM - 1] ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    index_ = 0;
  }
  std::uint32_t y = state_[index_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

std::uint64_t PythonRandom::getrandbits(unsigned k) {
  if (k == 0) return 0;
  if (k <= 32) return next_uint32() >> (32 - k);
  // CPython fills 32-bit words from the least significant end; only the last is shifted.
  const std::uint64_t low = next_uint32();
  const std::uint64_t high = next_uint32() >> (64 - (k > 64 ? 64 : k));
  return low | (high << 32);
}

std::uint64_t PythonRandom::randbelow(std::uint64_t n) {
  const unsigned k = static_cast<unsigned>(std::bit_width(n));
  std::uint64_t r = getrandbits(k);
  while (r >= n) r = getrandbits(k);
  return r;
}

}  // namespace ovbench
