#pragma once
// The plain data every detection stage shares: datasets/ fills it from files, models/ adapters
// produce Detections, metrics/ scores them. Kept compact on purpose: an LVIS-scale run holds
// ~6M detections, so segmentations live in a side table and records refer to them by index.

#include <cstdint>
#include <string>
#include <vector>

#include "core/huge_page_allocator.h"

namespace ovbench {

// COCO box convention: top-left corner plus width and height, in pixels of the original image.
struct BoxXYWH {
  double x = 0, y = 0, w = 0, h = 0;
};

// pycocotools' RLE: column-major run lengths, the first run counting zeros.
struct RleMask {
  std::uint32_t height = 0;
  std::uint32_t width = 0;
  std::vector<std::uint32_t> counts;
};

// A segmentation as a file gives it; rasterised to an RleMask against the image size on demand.
struct Segmentation {
  enum class Kind : std::uint8_t { kPolygons, kRle };
  Kind kind = Kind::kPolygons;
  std::vector<std::vector<double>> polygons;  // each [x0, y0, x1, y1, ...]
  RleMask rle;                                // kind == kRle (compressed strings are decoded)
};

struct Category {
  std::int64_t id = 0;
  std::string name;
  std::string supercategory;
  std::vector<std::string> synonyms;
  char frequency = 0;  // LVIS 'r', 'c', 'f'; 0 when the dataset has none
};

struct ImageRecord {
  std::int64_t id = 0;
  std::string file_name;
  std::int32_t width = 0;
  std::int32_t height = 0;
  // LVIS federated annotation: categories verified absent / not exhaustively annotated.
  std::vector<std::int64_t> neg_category_ids;
  std::vector<std::int64_t> not_exhaustive_category_ids;
};

struct GtAnnotation {
  std::int64_t id = 0;
  std::int64_t image_id = 0;
  std::int64_t category_id = 0;
  BoxXYWH bbox;
  double area = 0;           // the file's `area`, never recomputed (pycocotools)
  bool iscrowd = false;
  std::int8_t ignore = -1;   // the file's `ignore` (LVIS honours it); -1 when absent
  std::int32_t segmentation = -1;  // index into DetectionDataset::segmentations, -1 if none
};

// Ground truth of a detection benchmark (COCO or LVIS instances file).
struct DetectionDataset {
  std::vector<ImageRecord> images;
  std::vector<Category> categories;
  std::vector<GtAnnotation> annotations;
  std::vector<Segmentation> segmentations;
};

struct Detection {
  std::int64_t image_id = 0;
  std::int64_t category_id = 0;
  BoxXYWH bbox;
  double score = 0;
  std::int32_t segmentation = -1;  // index into Detections::segmentations, -1 if none
  bool has_bbox = true;            // pycocotools decides box-vs-mask area from the first result
};

// Model output for a whole dataset, in COCO results order (file order matters: pycocotools
// breaks score ties by it).
struct Detections {
  BigVector<Detection> items;
  std::vector<Segmentation> segmentations;
};

}  // namespace ovbench
