#pragma once
// The few Python str methods the reference tokenizers call, with CPython 3.11's semantics.

#include <string>
#include <string_view>

namespace ovbench {

// str.lower(): full case mapping (U+0130 -> "i\u0307") and the Final_Sigma rule that CPython
// applies to U+03A3 (handle_capital_sigma in Objects/unicodeobject.c).
std::u32string python_lower(std::u32string_view text);

// str.strip() with no argument: removes leading and trailing str.isspace() characters.
std::u32string_view python_strip(std::u32string_view text);

}  // namespace ovbench
