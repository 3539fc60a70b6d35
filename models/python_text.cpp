#include "models/python_text.h"

#include "models/unicode_tables.h"

namespace ovbench {

namespace {

constexpr char32_t kCapitalSigma = 0x3A3;

// CPython: final sigma iff \p{cased}\p{case-ignorable}* before and not
// \p{case-ignorable}*\p{cased} after. Ignorable characters are skipped in both directions,
// so only "cased and not ignorable" decides.
bool is_final_sigma(std::u32string_view text, std::size_t i) {
  std::size_t j = i;
  bool cased_before = false;
  while (j > 0) {
    const char32_t c = text[--j];
    if (is_case_ignorable(c)) continue;
    cased_before = is_cased_not_ignorable(c);
    break;
  }
  if (!cased_before) return false;
  for (std::size_t k = i + 1; k < text.size(); ++k) {
    if (is_case_ignorable(text[k])) continue;
    return !is_cased_not_ignorable(text[k]);
  }
  return true;
}

}  // namespace

std::u32string python_lower(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == kCapitalSigma) {
      out.push_back(is_final_sigma(text, i) ? 0x3C2 : 0x3C3);
    } else {
      const auto mapped = lower_mapping(c);
      if (mapped.empty()) {
        out.push_back(c);
      } else {
        out.append(mapped.begin(), mapped.end());
      }
    }
  }
  return out;
}

std::u32string_view python_strip(std::u32string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && is_python_space(text[b])) ++b;
  while (e > b && is_python_space(text[e - 1])) --e;
  return text.substr(b, e - b);
}

}  // namespace ovbench
