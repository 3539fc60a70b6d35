// CPython's random.Random reproduced bit for bit. Every expected value below was printed by
// /usr/bin/python3 (CPython 3.11.2) at development time, e.g.
//   python3 -c "import random; r = random.Random(3); print([r.getrandbits(32) for _ in range(3)])"
// The tests never run Python.

#include "core/python_random.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace ovbench {
namespace {

std::vector<std::uint64_t> words(PythonRandom& r, int n, unsigned bits) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(r.getrandbits(bits));
  return out;
}

TEST(PythonRandom, SeedZeroIsOneZeroChunk) {
  PythonRandom r(0);
  EXPECT_EQ(words(r, 3, 32), (std::vector<std::uint64_t>{3626764237, 1654615998, 3255389356}));
}

TEST(PythonRandom, SmallSeed) {
  PythonRandom r(3);
  EXPECT_EQ(words(r, 3, 32), (std::vector<std::uint64_t>{1022050301, 2545373330, 2337446730}));
}

TEST(PythonRandom, NegativeSeedUsesAbsoluteValue) {
  PythonRandom r(-3);  // random.Random(-3) == random.Random(3)
  EXPECT_EQ(words(r, 3, 32), (std::vector<std::uint64_t>{1022050301, 2545373330, 2337446730}));
}

TEST(PythonRandom, SeedAbove32BitsUsesTwoChunks) {
  PythonRandom r((std::int64_t{1} << 40) + 7);  // random.Random(2**40 + 7)
  EXPECT_EQ(words(r, 3, 32), (std::vector<std::uint64_t>{2635837658, 3209733218, 3500038837}));
}

TEST(PythonRandom, StateRegeneratesAfter624Words) {
  // r = random.Random(3); [r.getrandbits(32) for _ in range(624)]; r.getrandbits(32)
  PythonRandom r(3);
  for (int i = 0; i < 624; ++i) r.next_uint32();
  EXPECT_EQ(r.next_uint32(), 520908551U);
}

TEST(PythonRandom, GetrandbitsAbove32BitsIsLittleEndianWords) {
  // r = random.Random(3); [r.getrandbits(40) for _ in range(2)], r.getrandbits(64)
  PythonRandom r(3);
  EXPECT_EQ(r.getrandbits(40), 649562111997ULL);
  EXPECT_EQ(r.getrandbits(40), 144071367498ULL);
  EXPECT_EQ(r.getrandbits(64), 16896199536424608164ULL);
  // By hand from the 32-bit stream: 40 bits = word0 | (word1 >> 24) << 32.
  PythonRandom s(3);
  EXPECT_EQ(s.getrandbits(40), 1022050301ULL | (std::uint64_t{2545373330U >> 24} << 32));
}

TEST(PythonRandom, RandbelowOfPowerOfTwoUsesBitLengthOfN) {
  // r = random.Random(3); [r._randbelow(8) for _ in range(8)]: k = 4 bits, draws >= 8 redrawn.
  PythonRandom r(3);
  std::vector<std::uint64_t> got;
  for (int i = 0; i < 8; ++i) got.push_back(r.randbelow(8));
  EXPECT_EQ(got, (std::vector<std::uint64_t>{3, 2, 5, 7, 1, 0, 7, 4}));
  // By hand: the first draw is 1022050301 >> 28 = 3 (< 8, kept).
  EXPECT_EQ(1022050301U >> 28, 3U);
}

TEST(PythonRandom, ShuffleMatchesCPythonForGlipSeeds) {
  // x = list(range(10)); random.Random(s).shuffle(x)
  const std::vector<std::pair<int, std::vector<int>>> cases = {
      {3, {1, 5, 6, 0, 9, 4, 7, 2, 8, 3}},
      {30, {3, 6, 7, 2, 1, 5, 9, 0, 4, 8}},
      {300, {1, 6, 4, 7, 2, 3, 0, 8, 5, 9}}};
  for (const auto& [seed, expected] : cases) {
    std::vector<int> x(10);
    std::iota(x.begin(), x.end(), 0);
    PythonRandom r(seed);
    r.shuffle(std::span<int>(x));
    EXPECT_EQ(x, expected) << "seed " << seed;
  }
}

TEST(PythonRandom, ShuffleOfThousandItems) {
  // x = list(range(1000)); random.Random(300).shuffle(x); x[:5], x[-5:]
  std::vector<int> x(1000);
  std::iota(x.begin(), x.end(), 0);
  PythonRandom r(300);
  r.shuffle(std::span<int>(x));
  EXPECT_EQ(std::vector<int>(x.begin(), x.begin() + 5), (std::vector<int>{534, 552, 87, 904, 88}));
  EXPECT_EQ(std::vector<int>(x.end() - 5, x.end()), (std::vector<int>{1, 990, 352, 364, 612}));
}

TEST(PythonRandom, ShuffleOfZeroOrOneItemDrawsNothing) {
  std::vector<int> one{42};
  PythonRandom r(3);
  r.shuffle(std::span<int>(one));
  EXPECT_EQ(one, std::vector<int>{42});
  EXPECT_EQ(r.next_uint32(), 1022050301U);  // the stream is untouched
}

}  // namespace
}  // namespace ovbench
