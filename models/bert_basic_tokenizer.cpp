#include "models/bert_basic_tokenizer.h"

#include <array>
#include <span>
#include <utility>

#include "models/unicode_nfd.h"
#include "models/unicode_tables.h"
#include "models/utf8.h"

namespace ovbench {

namespace {

constexpr std::array<std::u32string_view, 5> kSpecialTokens = {U"[UNK]", U"[SEP]", U"[PAD]",
                                                               U"[CLS]", U"[MASK]"};

BertCharClass char_class(char32_t c) {
  if (c < 0x80) {
    if (c < 0x20 || c == 0x7F) return BertCharClass::kControl;
    if (c == ' ') return BertCharClass::kSpaceSeparator;
    return BertCharClass::kOther;  // ASCII punctuation is tested by range below
  }
  return bert_char_class(c);
}

// _is_whitespace
bool is_bert_whitespace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         char_class(c) == BertCharClass::kSpaceSeparator;
}

// _is_control
bool is_bert_control(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  return char_class(c) == BertCharClass::kControl;
}

// _is_punctuation: "We treat all non-letter/number ASCII as punctuation", e.g. ^ $ ` which
// are not P* in Unicode.
bool is_bert_punctuation(char32_t c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
      (c >= 123 && c <= 126)) {
    return true;
  }
  return c >= 0x80 && char_class(c) == BertCharClass::kPunctuation;
}

// _is_chinese_char: the CJK Unified Ideographs blocks BERT lists (not Hangul, kana, ...).
bool is_cjk_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
         (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

void lower_per_char(std::u32string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  } else if (c == 0x3A3) {
    out.push_back(0x3C3);
  } else if (const auto m = lower_mapping(c); !m.empty()) {
    out.append(m.begin(), m.end());
  } else {
    out.push_back(c);
  }
}

// One whitespace-separated word: lower, strip accents, split on punctuation. `origin` gives
// each character's index in the input text.
void split_word(std::u32string_view word, std::span<const std::uint32_t> origin,
                std::vector<BertWord>& out) {
  std::u32string lowered;
  std::vector<std::uint32_t> lowered_origin;
  lowered.reserve(word.size());
  lowered_origin.reserve(word.size());
  for (std::size_t k = 0; k < word.size(); ++k) {
    lower_per_char(lowered, word[k]);
    lowered_origin.resize(lowered.size(), origin[k]);
  }
  // NFD of the whole word gives the text (canonical reordering can move combining marks across
  // characters); decomposing character by character gives each output character's origin. The
  // two have the same length, differing at most in the order of reordered marks.
  const std::u32string decomposed = nfd(lowered);
  std::vector<std::uint32_t> decomposed_origin;
  decomposed_origin.reserve(decomposed.size());
  for (std::size_t k = 0; k < lowered.size(); ++k) {
    const std::size_t n = lowered[k] < 0xC0 ? 1 : nfd(std::u32string_view(&lowered[k], 1)).size();
    decomposed_origin.insert(decomposed_origin.end(), n, lowered_origin[k]);
  }
  decomposed_origin.resize(decomposed.size(), origin.empty() ? 0 : origin.back());
  bool start_new = true;
  for (std::size_t k = 0; k < decomposed.size(); ++k) {
    const char32_t c = decomposed[k];
    if (c >= 0x300 && char_class(c) == BertCharClass::kNonspacingMark) continue;
    if (is_bert_punctuation(c)) {
      out.push_back({std::u32string(1, c), false, {decomposed_origin[k]}});
      start_new = true;
    } else {
      if (start_new) out.push_back({std::u32string(), false, {}});
      start_new = false;
      out.back().text.push_back(c);
      out.back().origin.push_back(decomposed_origin[k]);
    }
  }
}

// `base`: the index of segment[0] in the whole input text.
void tokenize_segment(std::u32string_view segment, std::uint32_t base, std::vector<BertWord>& out) {
  std::u32string cleaned;
  std::vector<std::uint32_t> origin;
  cleaned.reserve(segment.size());
  origin.reserve(segment.size());
  for (std::size_t k = 0; k < segment.size(); ++k) {
    const char32_t c = segment[k];
    const auto at = static_cast<std::uint32_t>(base + k);
    if (c == 0 || c == kReplacementCharacter || is_bert_control(c)) continue;
    if (is_bert_whitespace(c)) {
      cleaned.push_back(' ');
      origin.push_back(at);
    } else if (is_cjk_ideograph(c)) {
      cleaned.push_back(' ');
      cleaned.push_back(c);
      cleaned.push_back(' ');
      origin.insert(origin.end(), 3, at);
    } else {
      cleaned.push_back(c);
      origin.push_back(at);
    }
  }
  // whitespace_tokenize: str.split() (str.isspace, which also covers U+2028/U+2029 that
  // _clean_text leaves in place).
  for (std::size_t i = 0; i < cleaned.size();) {
    while (i < cleaned.size() && is_python_space(cleaned[i])) ++i;
    std::size_t j = i;
    while (j < cleaned.size() && !is_python_space(cleaned[j])) ++j;
    if (j > i) {
      split_word(std::u32string_view(cleaned).substr(i, j - i),
                 std::span<const std::uint32_t>(origin).subspan(i, j - i), out);
    }
    i = j;
  }
}

}  // namespace

std::vector<BertWord> bert_basic_tokenize(std::u32string_view text) {
  std::vector<BertWord> out;
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '[') continue;
    for (std::u32string_view special : kSpecialTokens) {
      if (text.substr(i, special.size()) == special) {
        tokenize_segment(text.substr(segment_start, i - segment_start),
                         static_cast<std::uint32_t>(segment_start), out);
        BertWord word{std::u32string(special), true, {}};
        for (std::size_t k = 0; k < special.size(); ++k) {
          word.origin.push_back(static_cast<std::uint32_t>(i + k));
        }
        out.push_back(std::move(word));
        i += special.size() - 1;
        segment_start = i + 1;
        break;
      }
    }
  }
  tokenize_segment(text.substr(segment_start), static_cast<std::uint32_t>(segment_start), out);
  return out;
}

}  // namespace ovbench
