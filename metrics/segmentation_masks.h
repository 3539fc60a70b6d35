#pragma once
// A segmentation as a file gives it -> the RleMask the references evaluate
// (pycocotools COCO.annToRLE, lvis-api LVIS.ann_to_rle).

#include <cstdint>
#include <string>

#include "metrics/detection_types.h"

namespace ovbench {

// Polygons are rasterised at the image size and merged (union). frPyObjects quirk: when the
// first polygon has exactly 4 numbers, every entry is read as a box [x, y, w, h]. RLE
// (compressed or not) keeps its own size. Returns false and sets `why` for shapes the
// references reject (an empty list, a first polygon of fewer than 5 numbers, boxes mixed with
// polygons).
bool segmentation_to_rle(const Segmentation& segmentation, std::uint32_t height,
                         std::uint32_t width, RleMask& out, std::string& why);

}  // namespace ovbench
