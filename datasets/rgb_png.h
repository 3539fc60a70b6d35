#pragma once
// Writing 8-bit PNG files atomically: RGB (the demo's images) and, through the same encoder,
// the grayscale label maps of datasets/label_map_png.h.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ovbench {

// `pixels` is width * height * 3 bytes, rows top to bottom, R G B interleaved.
void write_rgb_png(const std::filesystem::path& path, int width, int height,
                   const std::vector<std::uint8_t>& pixels);

// The PNG bytes of an 8-bit image with `channels` 1 (gray) or 3 (RGB), rows top to bottom;
// `name` is used in errors.
std::string encode_png_8bit(int width, int height, int channels, const std::uint8_t* pixels, const std::string& name);

}  // namespace ovbench
