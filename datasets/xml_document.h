#pragma once
// A small XML reader for the PASCAL-VOC-like annotation files (Flickr30K Entities'
// Annotations/<id>.xml): elements, character data, comments, CDATA, processing instructions, a
// DOCTYPE without an internal subset, attributes (read past, not kept) and the predefined and
// numeric entities. It builds the shape ElementTree gives the reference code: an element's
// `text` is the character data before its first child element (comments and processing
// instructions skipped, as ElementTree's default parser does), and `has_text` distinguishes
// ElementTree's `None` from "". Input is taken as UTF-8 (an encoding declaration is not obeyed).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

struct XmlElement {
  std::string tag;
  std::string text;
  bool has_text = false;
  int line = 0;  // 1-based line of the start tag, for error messages
  std::vector<std::unique_ptr<XmlElement>> children;

  // Direct children named `tag`, in document order (ElementTree's findall("tag")).
  std::vector<const XmlElement*> find_all(std::string_view tag) const;
};

// Parses a whole document and returns its root element. Malformed input throws InputError
// "NAME: line L: <what is wrong>".
std::unique_ptr<XmlElement> parse_xml_document(std::string_view bytes, const std::string& name);

}  // namespace ovbench
