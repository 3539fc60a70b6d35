#include "models/clip_pretokenizer.h"

#include "models/html_unescape.h"
#include "models/python_text.h"
#include "models/unicode_tables.h"

namespace ovbench {

namespace {

ClipCharClass char_class(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return ClipCharClass::kLetter;
    if (c >= '0' && c <= '9') return ClipCharClass::kNumber;
    if (c == ' ' || (c >= '\t' && c <= '\r')) return ClipCharClass::kSpace;
    return ClipCharClass::kOther;
  }
  return clip_char_class(c);
}

// One literal character under IGNORECASE. The text is already lower-cased, and regex's simple
// case folding maps exactly one other code point onto a letter of these literals: U+017F
// LATIN SMALL LETTER LONG S onto 's' (found by matching every code point against each letter
// with regex.IGNORECASE at development time).
bool literal_char_matches(char32_t text_char, char literal) {
  if (text_char == static_cast<char32_t>(literal)) return true;
  if (literal >= 'a' && literal <= 'z' && text_char == static_cast<char32_t>(literal - 32)) {
    return true;
  }
  return literal == 's' && text_char == 0x17F;
}

// Length of `literal` matched at text[i], or 0.
std::size_t match_literal(std::u32string_view text, std::size_t i, std::string_view literal) {
  if (text.size() - i < literal.size()) return 0;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    if (!literal_char_matches(text[i + k], literal[k])) return 0;
  }
  return literal.size();
}

std::size_t match_alternatives(std::u32string_view text, std::size_t i) {
  static constexpr std::string_view kLiterals[] = {
      "<|startoftext|>", "<|endoftext|>", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
  const char32_t c = text[i];
  if (c == '<' || c == '\'') {
    for (std::string_view lit : kLiterals) {
      if (const std::size_t n = match_literal(text, i, lit)) return n;
    }
  }
  const ClipCharClass cls = char_class(c);
  std::size_t j = i + 1;
  switch (cls) {
    case ClipCharClass::kLetter:
      while (j < text.size() && char_class(text[j]) == ClipCharClass::kLetter) ++j;
      return j - i;
    case ClipCharClass::kNumber:
      return 1;
    case ClipCharClass::kOther:
      while (j < text.size() && char_class(text[j]) == ClipCharClass::kOther) ++j;
      return j - i;
    case ClipCharClass::kSpace:
      break;
  }
  return 0;
}

bool is_regex_space(char32_t c) { return char_class(c) == ClipCharClass::kSpace; }

}  // namespace

std::u32string clip_normalize(std::u32string_view text) {
  // basic_clean (ftfy.fix_text skipped), then whitespace_clean.
  const std::u32string unescaped = html_unescape(html_unescape(text));
  const std::u32string_view stripped = python_strip(unescaped);
  std::u32string collapsed;
  collapsed.reserve(stripped.size());
  for (std::size_t i = 0; i < stripped.size();) {
    if (is_regex_space(stripped[i])) {
      while (i < stripped.size() && is_regex_space(stripped[i])) ++i;
      collapsed.push_back(' ');
    } else {
      collapsed.push_back(stripped[i++]);
    }
  }
  return python_lower(python_strip(collapsed));
}

std::vector<TextPiece> clip_pre_tokenize(std::u32string_view normalized) {
  std::vector<TextPiece> pieces;
  std::size_t i = 0;
  while (i < normalized.size()) {
    if (const std::size_t n = match_alternatives(normalized, i)) {
      pieces.push_back({i, i + n});
      i += n;
    } else {
      ++i;
    }
  }
  return pieces;
}

}  // namespace ovbench
