#include "datasets/xml_document.h"

#include <cstdint>

#include "core/errors.h"

namespace ovbench {

std::vector<const XmlElement*> XmlElement::find_all(std::string_view name) const {
  std::vector<const XmlElement*> out;
  for (const auto& child : children) {
    if (child->tag == name) out.push_back(child.get());
  }
  return out;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// XML name characters, loosely: anything that cannot end a name. Non-ASCII bytes (UTF-8) are
// name characters, as XML allows.
bool is_name_char(char c) {
  return !is_space(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\'' &&
         c != '\0';
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  Parser(std::string_view bytes, const std::string& name) : s_(bytes), name_(name) {}

  std::unique_ptr<XmlElement> parse() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
    std::unique_ptr<XmlElement> root;
    std::vector<XmlElement*> open;  // explicit stack: deep nesting cannot overflow the C++ stack
    while (pos_ < s_.size()) {
      if (s_[pos_] != '<') {
        const std::size_t start = pos_;
        std::string text = read_text();
        if (open.empty()) {
          for (std::size_t i = start; i < pos_; ++i) {
            if (!is_space(s_[i])) fail("text outside the root element");
          }
          continue;
        }
        XmlElement* e = open.back();
        if (e->children.empty()) {  // ElementTree's .text: data before the first child only
          e->text += text;
          e->has_text = e->has_text || !text.empty();
        }
        continue;
      }
      if (starts_with("<!--")) {
        skip_past("-->", "an unterminated comment");
      } else if (starts_with("<![CDATA[")) {
        if (open.empty()) fail("CDATA outside the root element");
        const std::size_t begin = pos_ + 9;
        skip_past("]]>", "an unterminated CDATA section");
        XmlElement* e = open.back();
        if (e->children.empty()) {
          e->text.append(s_.substr(begin, pos_ - 3 - begin));
          e->has_text = e->has_text || pos_ - 3 > begin;
        }
      } else if (starts_with("<?")) {
        skip_past("?>", "an unterminated processing instruction");
      } else if (starts_with("<!DOCTYPE")) {
        if (root) fail("DOCTYPE after the root element");
        skip_doctype();
      } else if (starts_with("</")) {
        pos_ += 2;
        const std::string tag = read_name();
        skip_spaces();
        expect('>');
        if (open.empty()) fail("end tag </" + tag + "> without a start tag");
        if (open.back()->tag != tag) {
          fail("end tag </" + tag + "> does not match <" + open.back()->tag + "> (line " +
               std::to_string(open.back()->line) + ")");
        }
        open.pop_back();
      } else {
        if (open.empty() && root) fail("a second root element");
        const int line = line_;
        ++pos_;
        auto element = std::make_unique<XmlElement>();
        element->tag = read_name();
        element->line = line;
        const bool self_closing = read_attributes();
        XmlElement* raw = element.get();
        if (open.empty()) {
          root = std::move(element);
        } else {
          open.back()->children.push_back(std::move(element));
        }
        if (!self_closing) open.push_back(raw);
      }
    }
    if (!open.empty()) {
      fail("element <" + open.back()->tag + "> (line " + std::to_string(open.back()->line) +
           ") is not closed");
    }
    if (!root) fail("no root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(name_ + ": line " + std::to_string(line_) + ": malformed XML: " + what);
  }

  bool starts_with(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }

  void advance(std::size_t n) {
    for (std::size_t i = 0; i < n && pos_ < s_.size(); ++i, ++pos_) {
      if (s_[pos_] == '\n') ++line_;
    }
  }

  void skip_past(std::string_view end, const char* what) {
    const std::size_t found = s_.find(end, pos_);
    if (found == std::string_view::npos) fail(what);
    advance(found + end.size() - pos_);
  }

  void skip_spaces() {
    while (pos_ < s_.size() && is_space(s_[pos_])) advance(1);
  }

  void expect(char c) {
    if (pos_ >= s_.size() || s_[pos_] != c) {
      fail(std::string("expected '") + c + "'" +
           (pos_ < s_.size() ? std::string(", found '") + s_[pos_] + "'" : " before the end"));
    }
    advance(1);
  }

  std::string read_name() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
    if (pos_ == start) fail("expected a tag name");
    return std::string(s_.substr(start, pos_ - start));
  }

  // Reads past the attributes of a start tag and its '>' (or '/>'); true for '/>'.
  bool read_attributes() {
    while (true) {
      skip_spaces();
      if (pos_ >= s_.size()) fail("unterminated start tag");
      if (s_[pos_] == '>') {
        advance(1);
        return false;
      }
      if (starts_with("/>")) {
        advance(2);
        return true;
      }
      read_name();
      skip_spaces();
      expect('=');
      skip_spaces();
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) {
        fail("expected a quoted attribute value");
      }
      const char quote = s_[pos_];
      advance(1);
      const std::size_t end = s_.find(quote, pos_);
      if (end == std::string_view::npos) fail("unterminated attribute value");
      advance(end + 1 - pos_);
    }
  }

  void skip_doctype() {
    int brackets = 0;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      advance(1);
      if (c == '[') ++brackets;
      if (c == ']') --brackets;
      if (c == '>' && brackets <= 0) return;
    }
    fail("an unterminated DOCTYPE");
  }

  // Character data up to the next '<', entities decoded.
  std::string read_text() {
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '<') {
      const char c = s_[pos_];
      if (c != '&') {
        out += c;
        advance(1);
        continue;
      }
      const std::size_t semi = s_.find(';', pos_);
      if (semi == std::string_view::npos || semi - pos_ > 12)
        fail("an unterminated entity reference");
      const std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
      if (ref == "lt") {
        out += '<';
      } else if (ref == "gt") {
        out += '>';
      } else if (ref == "amp") {
        out += '&';
      } else if (ref == "quot") {
        out += '"';
      } else if (ref == "apos") {
        out += '\'';
      } else if (ref.size() >= 2 && ref[0] == '#') {
        const bool hex = ref[1] == 'x';
        std::uint32_t cp = 0;
        const std::string_view digits = ref.substr(hex ? 2 : 1);
        if (digits.empty()) fail("an empty character reference");
        for (char d : digits) {
          int v = -1;
          if (d >= '0' && d <= '9') v = d - '0';
          if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
          if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
          if (v < 0) fail("a malformed character reference &" + std::string(ref) + ";");
          cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
          if (cp > 0x10FFFF) fail("a character reference beyond U+10FFFF");
        }
        append_utf8(out, cp);
      } else {
        fail("an undefined entity &" + std::string(ref) + ";");
      }
      advance(semi + 1 - pos_);
    }
    return out;
  }

  std::string_view s_;
  const std::string& name_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::unique_ptr<XmlElement> parse_xml_document(std::string_view bytes, const std::string& name) {
  return Parser(bytes, name).parse();
}

}  // namespace ovbench
