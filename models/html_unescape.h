#pragma once
// Python's html.unescape (CPython 3.11 Lib/html/__init__.py), which CLIP's basic_clean applies
// twice: named references from the HTML5 list (longest known prefix for names without ';',
// e.g. "&ampx" -> "&x"), decimal and hex references with the HTML5 remapping of C1 numbers
// (&#150; -> U+2013), U+FFFD for surrogates and numbers above U+10FFFF, and nothing for the
// code points the spec forbids (&#1; -> "").

#include <string>
#include <string_view>

namespace ovbench {

std::u32string html_unescape(std::u32string_view text);

}  // namespace ovbench
