#include "models/unicode_tables.h"

#include <algorithm>

namespace ovbench {

namespace text_tables {
extern const CodeRange kClipClassRanges[];
extern const std::size_t kClipClassRangesCount;
extern const CodeRange kBertClassRanges[];
extern const std::size_t kBertClassRangesCount;
extern const CodeRange kSigmaClassRanges[];
extern const std::size_t kSigmaClassRangesCount;
extern const CodeRange kCombiningClassRanges[];
extern const std::size_t kCombiningClassRangesCount;
extern const char32_t kPythonSpaces[];
extern const std::size_t kPythonSpacesCount;
extern const char32_t kLowerPool[];
extern const CodeMapping kLower[];
extern const std::size_t kLowerCount;
extern const char32_t kDecompositionPool[];
extern const CodeMapping kDecomposition[];
extern const std::size_t kDecompositionCount;
extern const HtmlEntity kHtmlEntities[];
extern const std::size_t kHtmlEntitiesCount;
extern const CharrefReplacement kHtmlInvalidCharrefs[];
extern const std::size_t kHtmlInvalidCharrefsCount;
extern const char32_t kHtmlInvalidCodepoints[];
extern const std::size_t kHtmlInvalidCodepointsCount;
}  // namespace text_tables

namespace {

using text_tables::CodeMapping;
using text_tables::CodeRange;

std::uint8_t range_value(const CodeRange* ranges, std::size_t count, char32_t c) {
  const CodeRange* end = ranges + count;
  // First range whose last >= c; the ranges are sorted and disjoint.
  const CodeRange* it =
      std::lower_bound(ranges, end, c, [](const CodeRange& r, char32_t v) { return r.last < v; });
  return it != end && it->first <= c ? it->value : 0;
}

std::span<const char32_t> mapping(const CodeMapping* table, std::size_t count,
                                  const char32_t* pool, char32_t c) {
  const CodeMapping* end = table + count;
  const CodeMapping* it = std::lower_bound(
      table, end, c, [](const CodeMapping& m, char32_t v) { return m.code_point < v; });
  if (it == end || it->code_point != c) return {};
  return {pool + it->offset, it->length};
}

}  // namespace

ClipCharClass clip_char_class(char32_t c) {
  return static_cast<ClipCharClass>(
      range_value(text_tables::kClipClassRanges, text_tables::kClipClassRangesCount, c));
}

BertCharClass bert_char_class(char32_t c) {
  return static_cast<BertCharClass>(
      range_value(text_tables::kBertClassRanges, text_tables::kBertClassRangesCount, c));
}

bool is_python_space(char32_t c) {
  const char32_t* begin = text_tables::kPythonSpaces;
  const char32_t* end = begin + text_tables::kPythonSpacesCount;
  return std::binary_search(begin, end, c);
}

std::span<const char32_t> lower_mapping(char32_t c) {
  return mapping(text_tables::kLower, text_tables::kLowerCount, text_tables::kLowerPool, c);
}

bool is_case_ignorable(char32_t c) {
  return range_value(text_tables::kSigmaClassRanges, text_tables::kSigmaClassRangesCount, c) == 1;
}

bool is_cased_not_ignorable(char32_t c) {
  return range_value(text_tables::kSigmaClassRanges, text_tables::kSigmaClassRangesCount, c) == 2;
}

std::span<const char32_t> canonical_decomposition(char32_t c) {
  return mapping(text_tables::kDecomposition, text_tables::kDecompositionCount,
                 text_tables::kDecompositionPool, c);
}

std::uint8_t combining_class(char32_t c) {
  return range_value(text_tables::kCombiningClassRanges, text_tables::kCombiningClassRangesCount,
                     c);
}

std::span<const text_tables::HtmlEntity> html5_entities() {
  return {text_tables::kHtmlEntities, text_tables::kHtmlEntitiesCount};
}

std::span<const text_tables::CharrefReplacement> html_invalid_charrefs() {
  return {text_tables::kHtmlInvalidCharrefs, text_tables::kHtmlInvalidCharrefsCount};
}

std::span<const char32_t> html_invalid_codepoints() {
  return {text_tables::kHtmlInvalidCodepoints, text_tables::kHtmlInvalidCodepointsCount};
}

}  // namespace ovbench
