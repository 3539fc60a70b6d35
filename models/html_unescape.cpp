#include "models/html_unescape.h"

#include <algorithm>

#include "models/unicode_tables.h"
#include "models/utf8.h"

namespace ovbench {

namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char32_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char32_t c) {
  if (is_digit(c)) return static_cast<int>(c - '0');
  return static_cast<int>((c | 0x20) - 'a' + 10);
}

// The name part of Python's pattern: [^\t\n\f <&#;]{1,32}.
bool is_name_char(char32_t c) {
  return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' &&
         c != ';';
}

const text_tables::HtmlEntity* find_entity(std::u32string_view name) {
  // Entity names are ASCII; a name with any other character is not in the table.
  std::string key;
  key.reserve(name.size());
  for (char32_t c : name) {
    if (c >= 0x80) return nullptr;
    key.push_back(static_cast<char>(c));
  }
  const auto table = html5_entities();
  const auto it = std::lower_bound(
      table.begin(), table.end(), key,
      [](const text_tables::HtmlEntity& e, const std::string& k) { return e.name < std::string_view(k); });
  if (it == table.end() || std::string_view(it->name) != key) return nullptr;
  return &*it;
}

// html._replace_charref for a numeric reference already parsed to `number` (saturated).
void append_numeric(std::u32string& out, char32_t number) {
  for (const auto& r : html_invalid_charrefs()) {
    if (r.number == number) {
      out.push_back(r.replacement);
      return;
    }
  }
  if ((number >= 0xD800 && number <= 0xDFFF) || number > 0x10FFFF) {
    out.push_back(kReplacementCharacter);
    return;
  }
  const auto invalid = html_invalid_codepoints();
  if (std::binary_search(invalid.begin(), invalid.end(), number)) return;
  out.push_back(number);
}

// Tries the pattern at text[amp] == '&'; on a match appends the replacement and returns the
// index after the match, otherwise returns 0 (the '&' stays literal).
std::size_t replace_charref(std::u32string_view text, std::size_t amp, std::u32string& out) {
  const std::size_t n = text.size();
  std::size_t i = amp + 1;
  constexpr char32_t kSaturated = 0x110000;  // any value above U+10FFFF means the same
  if (i < n && text[i] == '#') {
    const bool hex = i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X');
    std::size_t j = i + 1;
    // Decimal is tried first, so "&#x" falls to the hex branch only when no digit follows '#'.
    if (j < n && is_digit(text[j])) {
      char32_t value = 0;
      for (; j < n && is_digit(text[j]); ++j) {
        value = std::min<char32_t>(kSaturated, value * 10 + (text[j] - '0'));
      }
      if (j < n && text[j] == ';') ++j;
      append_numeric(out, value);
      return j;
    }
    if (hex && j + 1 < n && is_hex_digit(text[j + 1])) {
      char32_t value = 0;
      for (++j; j < n && is_hex_digit(text[j]); ++j) {
        value = std::min<char32_t>(kSaturated, value * 16 + static_cast<char32_t>(hex_value(text[j])));
      }
      if (j < n && text[j] == ';') ++j;
      append_numeric(out, value);
      return j;
    }
    return 0;  // '#' is not a name character either
  }
  std::size_t j = i;
  while (j < n && j - i < 32 && is_name_char(text[j])) ++j;
  if (j == i) return 0;
  if (j < n && text[j] == ';') ++j;
  const std::u32string_view name = text.substr(i, j - i);
  if (const auto* e = find_entity(name)) {
    out += decode_utf8(e->value);
    return j;
  }
  // "find the longest matching name (as defined by the standard)": prefixes of length >= 2.
  for (std::size_t x = name.size() - 1; x > 1; --x) {
    if (const auto* e = find_entity(name.substr(0, x))) {
      out += decode_utf8(e->value);
      out.append(name.substr(x));
      return j;
    }
  }
  out.push_back('&');
  out.append(name);
  return j;
}

}  // namespace

std::u32string html_unescape(std::u32string_view text) {
  if (text.find(U'&') == std::u32string_view::npos) return std::u32string(text);
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '&') {
      if (const std::size_t next = replace_charref(text, i, out); next != 0) {
        i = next;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

}  // namespace ovbench
