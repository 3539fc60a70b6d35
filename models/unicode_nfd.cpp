#include "models/unicode_nfd.h"

#include <algorithm>

#include "models/unicode_tables.h"

namespace ovbench {

namespace {

// Unicode 3.12, Conjoining Jamo Behavior.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = 11172;

void append_decomposed(std::u32string& out, char32_t c) {
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t s = c - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const auto d = canonical_decomposition(c);
  if (d.empty()) {
    out.push_back(c);
  } else {
    out.append(d.begin(), d.end());
  }
}

}  // namespace

std::u32string nfd(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size() + text.size() / 4);
  for (char32_t c : text) {
    if (c < 0xC0) {
      out.push_back(c);  // nothing below U+00C0 decomposes or combines
    } else {
      append_decomposed(out, c);
    }
  }
  // Canonical ordering: stable sort of each maximal run of characters with class > 0.
  for (std::size_t i = 0; i < out.size();) {
    if (out[i] < 0x300 || combining_class(out[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < out.size() && out[j] >= 0x300 && combining_class(out[j]) != 0) ++j;
    if (j - i > 1) {
      std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i),
                       out.begin() + static_cast<std::ptrdiff_t>(j),
                       [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    }
    i = j;
  }
  return out;
}

}  // namespace ovbench
