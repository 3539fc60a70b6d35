#include "metrics/segmentation_masks.h"

#include <vector>

#include "metrics/rle_mask.h"

namespace ovbench {

bool segmentation_to_rle(const Segmentation& s, std::uint32_t height, std::uint32_t width,
                         RleMask& out, std::string& why) {
  if (s.kind == Segmentation::Kind::kRle) {
    out = s.rle;
    return true;
  }
  if (s.polygons.empty()) {
    why = "an empty polygon list";  // pycocotools: IndexError in frPyObjects
    return false;
  }
  std::vector<RleMask> parts;
  parts.reserve(s.polygons.size());
  if (s.polygons.front().size() == 4) {
    // frPyObjects: `len(pyobj[0]) == 4` -> the whole list is boxes.
    for (const auto& b : s.polygons) {
      if (b.size() != 4) {
        why = "a list that starts with a 4-number box and continues with polygons";
        return false;
      }
      parts.push_back(rle::from_bbox(BoxXYWH{b[0], b[1], b[2], b[3]}, height, width));
    }
  } else if (s.polygons.front().size() > 4) {
    // Only the first entry is checked by frPyObjects; later ones of any length are rasterised
    // with int(len/2) points (an odd trailing coordinate is ignored, fewer than 3 points give
    // an empty or degenerate mask), exactly as frPoly does.
    for (const auto& poly : s.polygons) {
      parts.push_back(rle::from_polygon(poly.data(), poly.size() / 2, height, width));
    }
  } else {
    why = "a first polygon with fewer than 5 numbers";  // pycocotools: "input type is not supported"
    return false;
  }
  out = parts.size() == 1 ? std::move(parts.front()) : rle::merge(parts, false);
  return true;
}

}  // namespace ovbench
