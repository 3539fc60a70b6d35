#pragma once
// 8-bit RGB PNG files (the demo's images), written atomically.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace ovbench {

// `pixels` is width * height * 3 bytes, rows top to bottom, R G B interleaved.
void write_rgb_png(const std::filesystem::path& path, int width, int height,
                   const std::vector<std::uint8_t>& pixels);

}  // namespace ovbench
