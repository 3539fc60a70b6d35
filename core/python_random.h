#pragma once
// CPython's `random.Random` (Modules/_randommodule.c and Lib/random.py, CPython 3.x), bit for
// bit, for the parts reference code uses to pick data: seeding from an int, getrandbits,
// _randbelow and shuffle. GLIP's few-shot sampler shuffles image ids with
// `random.Random(seed).shuffle(ids)`; reproducing its subsets needs the exact stream.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace ovbench {

class PythonRandom {
 public:
  // random.Random(seed) for an int seed: init_by_array over the 32-bit chunks of abs(seed),
  // least significant first (one zero chunk for seed 0).
  explicit PythonRandom(std::int64_t seed);

  // MT19937 genrand_uint32 (CPython's genrand_uint32).
  std::uint32_t next_uint32();
  // random.getrandbits(k) for 0 <= k <= 64: whole 32-bit words, least significant first, the
  // last one keeping its top bits (`>> (32 - k)`).
  std::uint64_t getrandbits(unsigned k);
  // random._randbelow_with_getrandbits(n), n >= 1: k = n.bit_length() (not of n - 1, so a power
  // of two wastes half its draws, as CPython does), redraw while r >= n.
  std::uint64_t randbelow(std::uint64_t n);

  // random.shuffle(x): for i in reversed(range(1, len(x))): j = _randbelow(i + 1); swap.
  template <class T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = items.size(); i-- > 1;) {
      const auto j = static_cast<std::size_t>(randbelow(i + 1));
      std::swap(items[i], items[j]);
    }
  }

 private:
  void init_genrand(std::uint32_t s);
  void init_by_array(std::span<const std::uint32_t> key);

  static constexpr std::size_t kN = 624;
  std::array<std::uint32_t, kN> state_{};
  std::size_t index_ = kN + 1;
};

}  // namespace ovbench
