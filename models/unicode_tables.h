#pragma once
// Unicode and HTML data for the text tokenizers, generated at development time by
// scripts/gen_text_tables.py from Python 3.11 (unicodedata 14.0.0) and the `regex` module, and
// committed as models/text_tables_generated.cpp. Lookups are binary searches over sorted ranges
// (a few hundred entries each: cache-resident); callers take an ASCII fast path first.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ovbench {

namespace text_tables {
struct CodeRange {
  char32_t first;
  char32_t last;
  std::uint8_t value;
};
struct CodeMapping {  // code point -> pool[offset, offset + length)
  char32_t code_point;
  std::uint16_t offset;
  std::uint8_t length;
};
struct HtmlEntity {
  const char* name;   // e.g. "amp;" or "amp" (html5 lists both where a legacy form exists)
  const char* value;  // UTF-8
};
struct CharrefReplacement {
  char32_t number;
  char32_t replacement;
};
}  // namespace text_tables

// What CLIP's pre-tokenizer pattern sees: regex's \p{L}, \p{N} and \s.
enum class ClipCharClass : std::uint8_t { kOther = 0, kLetter = 1, kNumber = 2, kSpace = 3 };
ClipCharClass clip_char_class(char32_t c);

// What HF BasicTokenizer asks unicodedata.category: C* (control), Zs, P*, Mn.
enum class BertCharClass : std::uint8_t {
  kOther = 0,
  kControl = 1,
  kSpaceSeparator = 2,
  kPunctuation = 3,
  kNonspacingMark = 4,
};
BertCharClass bert_char_class(char32_t c);

// Python's str.isspace().
bool is_python_space(char32_t c);

// Python's str.lower() of one code point, except U+03A3 (see python_lower in python_text.h).
// Returns an empty span when the code point is unchanged.
std::span<const char32_t> lower_mapping(char32_t c);

// The two properties CPython's Final_Sigma rule reads.
bool is_case_ignorable(char32_t c);
bool is_cased_not_ignorable(char32_t c);

// unicodedata.normalize("NFD", c) for one code point; empty when unchanged. Hangul syllables
// are not in the table (decompose them arithmetically).
std::span<const char32_t> canonical_decomposition(char32_t c);
// unicodedata.combining(c).
std::uint8_t combining_class(char32_t c);

// html.entities.html5, sorted by name bytes.
std::span<const text_tables::HtmlEntity> html5_entities();
// html._invalid_charrefs: numeric references the HTML5 spec remaps (e.g. &#128; -> U+20AC).
std::span<const text_tables::CharrefReplacement> html_invalid_charrefs();
// html._invalid_codepoints: numeric references html.unescape drops.
std::span<const char32_t> html_invalid_codepoints();

}  // namespace ovbench
