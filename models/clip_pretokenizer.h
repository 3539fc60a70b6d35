#pragma once
// CLIP's text normalisation and pre-tokenizer (openai/CLIP clip/simple_tokenizer.py,
// d05afc4), by hand over code points:
//   basic_clean:      ftfy.fix_text (NOT applied, see docs/tokenizers.md), html.unescape
//                     twice, str.strip()
//   whitespace_clean: re.sub(r'\s+', ' ') with regex's \s (Unicode White_Space), str.strip()
//   .lower()          Python's full lower-casing
// then re.findall of
//   <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
// compiled with IGNORECASE: alternatives are tried in order at each position (first match
// wins, not the longest), and characters no alternative matches (only \s) are skipped.

#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

// basic_clean + whitespace_clean + lower, on decoded text.
std::u32string clip_normalize(std::u32string_view text);

struct TextPiece {
  std::size_t begin;  // code point offsets into the normalised text
  std::size_t end;
};
// re.findall(pattern, normalized) as offsets.
std::vector<TextPiece> clip_pre_tokenize(std::u32string_view normalized);

}  // namespace ovbench
