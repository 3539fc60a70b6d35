#include "datasets/flickr_annotations.h"

#include <limits>
#include <optional>

#include "core/errors.h"
#include "datasets/xml_document.h"

namespace ovbench {
namespace {

bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// Python's int(str): surrounding whitespace, an optional sign, decimal digits with single
// underscores between them. Values beyond 64 bits are refused (no Flickr file has them).
std::optional<std::int64_t> python_int(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.front() == '_' || s.back() == '_') return std::nullopt;
  std::uint64_t value = 0;
  char previous = 0;
  for (char c : s) {
    if (c == '_') {
      if (previous == '_') return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      if (value > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) return std::nullopt;
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
    } else {
      return std::nullopt;
    }
    previous = c;
  }
  const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (value > limit + (negative ? 1 : 0)) return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
}

class Reader {
 public:
  explicit Reader(const std::string& name) : name_(name) {}

  [[noreturn]] void fail(const XmlElement& at, const std::string& what) const {
    throw InputError(name_ + ": line " + std::to_string(at.line) + ": " + what);
  }

  const XmlElement& first(const XmlElement& parent, std::string_view tag) const {
    const auto found = parent.find_all(tag);
    if (found.empty()) fail(parent, "<" + parent.tag + "> has no <" + std::string(tag) + ">");
    return *found.front();
  }

  std::int64_t integer(const XmlElement& e) const {
    if (!e.has_text) fail(e, "<" + e.tag + "> is empty, expected an integer");
    const auto v = python_int(e.text);
    if (!v) fail(e, "<" + e.tag + ">: expected an integer, found '" + e.text + "'");
    return *v;
  }

 private:
  const std::string& name_;
};

}  // namespace

FlickrAnnotation parse_flickr_annotation(std::string_view xml, const std::string& name) {
  const auto root = parse_xml_document(xml, name);
  const Reader r(name);
  FlickrAnnotation out;
  for (const auto& child : r.first(*root, "size").children) {
    out.size[child->tag] = r.integer(*child);
  }
  for (const XmlElement* object : root->find_all("object")) {
    for (const XmlElement* entity : object->find_all("name")) {
      if (entity->text.empty()) r.fail(*entity, "<name> is empty, expected a chain id");
      const auto bndbox = object->find_all("bndbox");
      if (!bndbox.empty()) {
        const XmlElement& b = *bndbox.front();
        out.boxes[entity->text].push_back(
            {r.integer(r.first(b, "xmin")), r.integer(r.first(b, "ymin")),
             r.integer(r.first(b, "xmax")), r.integer(r.first(b, "ymax"))});
      } else {
        if (r.integer(r.first(*object, "nobndbox")) > 0) out.nobox.push_back(entity->text);
        if (r.integer(r.first(*object, "scene")) > 0) out.scene.push_back(entity->text);
      }
    }
  }
  return out;
}

}  // namespace ovbench
