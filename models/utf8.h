#pragma once
// UTF-8 <-> code points. Text arrives as bytes (command line, JSON files); the reference
// tokenizers receive Python str, i.e. bytes already decoded. Decoding follows Python's
// bytes.decode("utf-8", errors="replace"): every maximal ill-formed subpart (Unicode 15,
// section 3.9, "U+FFFD substitution of maximal subparts") becomes one U+FFFD, so any byte
// string decodes, and encoded surrogates (ED A0..BF ..) and overlongs are rejected.

#include <string>
#include <string_view>

namespace ovbench {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

std::u32string decode_utf8(std::string_view bytes);
void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(std::u32string_view text);

}  // namespace ovbench
