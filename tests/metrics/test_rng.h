#pragma once
// splitmix64 for the tests' synthetic populations: the same draws on every machine, and
// independent of the generators under test.

#include <cstdint>

namespace ovbench::testing {

struct TestRng {
  std::uint64_t s;
  double uniform() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
};

}  // namespace ovbench::testing
