#pragma once
// unicodedata.normalize("NFD", text): full canonical decomposition (table from
// scripts/gen_text_tables.py, Hangul syllables arithmetically), then the canonical ordering
// of every run of non-starters by combining class (stable).

#include <string>
#include <string_view>

namespace ovbench {

std::u32string nfd(std::u32string_view text);

}  // namespace ovbench
