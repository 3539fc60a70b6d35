#pragma once
// Inflates a gzip member held in memory (the embedded CLIP merges file ships gzipped, as
// openai/CLIP ships it). Corrupt or truncated data throws InputError naming `source`.

#include <string>
#include <string_view>

namespace ovbench {

std::string gunzip(std::string_view compressed, const std::string& source);

}  // namespace ovbench
