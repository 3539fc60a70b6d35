#pragma once
// The decoded image every preprocessing step works on: 8-bit RGB, rows top to bottom, pixels
// interleaved (HWC), no row padding. PIL's "RGB" mode and OpenCV's Mat after BGR->RGB hold the
// same bytes, so resampling results can be compared with either reference byte for byte.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ovbench {

struct RgbImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 3 bytes: R, G, B of (0,0), (1,0), ...

  RgbImage() = default;
  RgbImage(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 3) {}

  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * width * 3;
  }
};

}  // namespace ovbench
