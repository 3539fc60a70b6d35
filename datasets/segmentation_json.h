#pragma once
// COCO segmentations in JSON: a list of polygons [[x0, y0, x1, y1, ...], ...], an uncompressed
// RLE {"size": [h, w], "counts": [n0, n1, ...]} or a compressed one {"size": [h, w], "counts":
// "string"}. Compressed strings are decoded here so that a bad one is reported with its record.

#include <simdjson.h>

#include <string>

#include "metrics/detection_types.h"

namespace ovbench::json {

// Empty string on success, otherwise why the value is not a segmentation.
std::string read_segmentation(simdjson::ondemand::value v, Segmentation& out);

}  // namespace ovbench::json
