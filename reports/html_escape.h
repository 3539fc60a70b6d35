#pragma once
// Text and attribute values in HTML and inline SVG: every piece of stored text (tags, category
// names, file paths, notes) goes through here, so none of it can become markup.

#include <string>

namespace ovbench {

// &, <, >, " and ' as character references; control characters other than tab and newline are
// dropped (they are not allowed in HTML text). Safe in text and in quoted attribute values.
std::string html_escape(const std::string& text);

}  // namespace ovbench
