#pragma once
// Run-length encoded binary masks, bit-identical to pycocotools' maskApi.c (cocoapi 8c9bcc3):
// the same encoding, polygon rasterisation, merge, area, bounding box and IoU, including the
// places where maskApi behaves surprisingly (named at each function). Every function takes and
// returns plain values; nothing here knows about files.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/detection_types.h"

namespace ovbench::rle {

// Column-major 0/1 pixels (h*w bytes, any non-zero counts as 1) -> RLE (maskApi rleEncode).
RleMask encode(const std::uint8_t* pixels, std::uint32_t height, std::uint32_t width);
// RLE -> column-major 0/1 pixels (maskApi rleDecode).
std::vector<std::uint8_t> decode(const RleMask& mask);

// Union (or intersection) of masks of one size. maskApi rleMerge: masks of different sizes give
// an empty 0x0 mask rather than an error.
RleMask merge(const std::vector<RleMask>& masks, bool intersect);

// Number of foreground pixels (maskApi rleArea).
std::uint64_t area(const RleMask& mask);

// Tight box [x, y, w, h] (maskApi rleToBbox). A mask that touches two columns at once makes
// maskApi widen the box to the full height: reproduced.
BoxXYWH to_bbox(const RleMask& mask);

// Rasterises a box as the polygon (x,y) (x,y+h) (x+w,y+h) (x+w,y) (maskApi rleFrBbox).
RleMask from_bbox(const BoxXYWH& box, std::uint32_t height, std::uint32_t width);

// Rasterises one polygon of `points` (x, y) pairs (maskApi rleFrPoly: 5x upsampling, boundary
// walk, y-boundary crossings). `xy` holds 2*points values; zero points give an empty mask.
RleMask from_polygon(const double* xy, std::size_t points, std::uint32_t height,
                     std::uint32_t width);

// COCO's compressed RLE string (LEB128-like, 6 bits per char, chars 48..111, counts from the
// fourth on stored as differences to the one two before).
std::string to_string(const RleMask& mask);
// Inverse of to_string. Returns false (leaving `out` unspecified) on characters outside
// 48..111 or a string that ends inside a number; the caller names the file and record.
bool from_string(std::string_view text, std::uint32_t height, std::uint32_t width, RleMask& out);

// True when the counts cover exactly height*width pixels, as every valid RLE does.
bool covers_image(const RleMask& mask);

// Intersection over union of a detection and a ground truth mask (maskApi rleIou): the boxes of
// the two masks are compared first and an IoU of 0 there is final; masks of different sizes
// give -1; for a crowd ground truth the union is the detection's area.
double iou(const RleMask& dt, const RleMask& gt, bool gt_is_crowd);

// Box IoU (maskApi bbIou): no +1 on widths; 0 when the boxes do not overlap; for a crowd ground
// truth the union is the detection's area.
inline double box_iou(const BoxXYWH& dt, const BoxXYWH& gt, bool gt_is_crowd) {
  const double w = (dt.w + dt.x < gt.w + gt.x ? dt.w + dt.x : gt.w + gt.x) -
                   (dt.x > gt.x ? dt.x : gt.x);
  if (w <= 0) return 0;
  const double h = (dt.h + dt.y < gt.h + gt.y ? dt.h + dt.y : gt.h + gt.y) -
                   (dt.y > gt.y ? dt.y : gt.y);
  if (h <= 0) return 0;
  const double inter = w * h;
  const double da = dt.w * dt.h;
  const double u = gt_is_crowd ? da : da + gt.w * gt.h - inter;
  return inter / u;
}

}  // namespace ovbench::rle
