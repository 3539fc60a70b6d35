#include "datasets/flickr_sentences.h"

#include <cstdint>

#include "core/errors.h"

namespace ovbench {
namespace {

// Decodes the UTF-8 code point at s[i] into cp and returns its length, or 0 when invalid.
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b < 0x80) {
    cp = b;
    return 1;
  } else if ((b & 0xE0) == 0xC0) {
    cp = b & 0x1F;
    n = 2;
  } else if ((b & 0xF0) == 0xE0) {
    cp = b & 0x0F;
    n = 3;
  } else if ((b & 0xF8) == 0xF0) {
    cp = b & 0x07;
    n = 4;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Python's str.isspace(), which str.split() splits on: ASCII whitespace, the information
// separators 0x1C-0x1F, NEL, NBSP and the Unicode space separators.
bool is_python_space(std::uint32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// str.split() without arguments: runs of whitespace separate, none at the ends.
std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0, start = std::string_view::npos;
  while (i < line.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(line, i, cp);  // validated by the caller
    if (is_python_space(cp)) {
      if (start != std::string_view::npos) out.push_back(line.substr(start, i - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = i;
    }
    i += n;
  }
  if (start != std::string_view::npos) out.push_back(line.substr(start));
  return out;
}

// s[3:] in code points (the reference strips "EN#" from "EN#<id>" this way).
std::string_view drop_code_points(std::string_view s, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < count && i < s.size(); ++k) {
    std::uint32_t cp = 0;
    i += decode_utf8(s, i, cp);
  }
  return s.substr(i);
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out.append(words[i]);
  }
  return out;
}

void check_utf8(std::string_view line, const std::string& name, int line_number) {
  for (std::size_t i = 0; i < line.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode_utf8(line, i, cp);
    if (n == 0) {
      throw InputError(name + ": line " + std::to_string(line_number) + ": byte " +
                       std::to_string(i + 1) + " is not valid UTF-8");
    }
    i += n;
  }
}

FlickrSentence parse_line(std::string_view line, const std::string& name, int line_number) {
  FlickrSentence sentence;
  std::vector<std::string_view> words, current;
  std::vector<FlickrPhrase> opened;  // markers seen, in order; a phrase is kept once closed
  std::size_t closed = 0;
  bool in_phrase = false;
  for (std::string_view token : split_words(line)) {
    if (in_phrase) {
      // Inside a phrase every token is a word, even one starting with '[' (as the reference).
      if (token.back() == ']') {
        in_phrase = false;
        token.remove_suffix(1);
        current.push_back(token);
        opened[closed].text = join(current);
        ++closed;
        current.clear();
      } else {
        current.push_back(token);
      }
      words.push_back(token);
    } else if (token.front() == '[') {
      in_phrase = true;
      FlickrPhrase phrase;
      phrase.first_word_index = static_cast<int>(words.size());
      std::vector<std::string_view> parts;
      std::size_t start = 0;
      for (std::size_t slash; (slash = token.find('/', start)) != std::string_view::npos;) {
        parts.push_back(token.substr(start, slash - start));
        start = slash + 1;
      }
      parts.push_back(token.substr(start));
      if (parts.size() < 2) {
        throw InputError(name + ": line " + std::to_string(line_number) + ": phrase marker '" +
                         std::string(token) + "' has no chain id (expected '[/EN#<id>/<type>')");
      }
      phrase.entity_id = std::string(drop_code_points(parts[1], 3));
      for (std::size_t p = 2; p < parts.size(); ++p) phrase.types.emplace_back(parts[p]);
      opened.push_back(std::move(phrase));
    } else {
      words.push_back(token);
    }
  }
  // A phrase still open at the end of the line is dropped: the reference zips its marker
  // lists with the list of closed phrases, which stops at the shorter one.
  opened.resize(closed);
  sentence.phrases = std::move(opened);
  sentence.text = join(words);
  return sentence;
}

}  // namespace

std::vector<FlickrSentence> parse_flickr_sentences(std::string_view bytes,
                                                   const std::string& name) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<FlickrSentence> out;
  int line_number = 0;
  std::size_t i = 0;
  // Python's text mode reads "\r\n" and a lone "\r" as "\n" (universal newlines); empty lines
  // are skipped, so the sentence index counts non-empty lines only.
  while (i <= bytes.size()) {
    std::size_t end = i;
    while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') ++end;
    ++line_number;
    const std::string_view line = bytes.substr(i, end - i);
    if (!line.empty()) {
      check_utf8(line, name, line_number);
      out.push_back(parse_line(line, name, line_number));
    }
    if (end >= bytes.size()) break;
    i = end + (bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? 2 : 1);
  }
  return out;
}

}  // namespace ovbench
