#include "models/bert_basic_tokenizer.h"

#include <array>

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

// One whitespace-separated word: lower, strip accents, split on punctuation.
void split_word(std::u32string_view word, std::vector<BertWord>& out) {
  std::u32string lowered;
  lowered.reserve(word.size());
  for (char32_t c : word) lower_per_char(lowered, c);
  std::u32string stripped;
  stripped.reserve(lowered.size());
  for (char32_t c : nfd(lowered)) {
    if (c >= 0x300 && char_class(c) == BertCharClass::kNonspacingMark) continue;
    stripped.push_back(c);
  }
  bool start_new = true;
  for (char32_t c : stripped) {
    if (is_bert_punctuation(c)) {
      out.push_back({std::u32string(1, c), false});
      start_new = true;
    } else {
      if (start_new) out.push_back({});
      start_new = false;
      out.back().text.push_back(c);
    }
  }
}

void tokenize_segment(std::u32string_view segment, std::vector<BertWord>& out) {
  std::u32string cleaned;
  cleaned.reserve(segment.size());
  for (char32_t c : segment) {
    if (c == 0 || c == kReplacementCharacter || is_bert_control(c)) continue;
    if (is_bert_whitespace(c)) {
      cleaned.push_back(' ');
    } else if (is_cjk_ideograph(c)) {
      cleaned.push_back(' ');
      cleaned.push_back(c);
      cleaned.push_back(' ');
    } else {
      cleaned.push_back(c);
    }
  }
  // whitespace_tokenize: str.split() (str.isspace, which also covers U+2028/U+2029 that
  // _clean_text leaves in place).
  for (std::size_t i = 0; i < cleaned.size();) {
    while (i < cleaned.size() && is_python_space(cleaned[i])) ++i;
    std::size_t j = i;
    while (j < cleaned.size() && !is_python_space(cleaned[j])) ++j;
    if (j > i) split_word(std::u32string_view(cleaned).substr(i, j - i), out);
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
        tokenize_segment(text.substr(segment_start, i - segment_start), out);
        out.push_back({std::u32string(special), true});
        i += special.size() - 1;
        segment_start = i + 1;
        break;
      }
    }
  }
  tokenize_segment(text.substr(segment_start), out);
  return out;
}

}  // namespace ovbench
