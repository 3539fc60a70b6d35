#pragma once
// Semantic-segmentation label maps stored as PNG: 8-bit grayscale, or 8-bit (or lower) palette
// images whose palette *index* is the label (what mmseg's LoadAnnotations reads with PIL/
// cv2 'unchanged'; converting a palette image to RGB would lose the labels).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ovbench {

struct LabelMap {
  int width = 0, height = 0;
  std::vector<std::uint8_t> labels;  // row-major, width * height
};

// Throws InputError naming the file for anything that is not a readable 8-bit gray or palette
// PNG (16-bit, RGB, gray+alpha: with its bit depth and colour type).
LabelMap read_label_map_png(const std::filesystem::path& path);

// Writes an 8-bit grayscale PNG (tests, the demo): atomically.
void write_label_map_png(const std::filesystem::path& path, const LabelMap& map);

}  // namespace ovbench
