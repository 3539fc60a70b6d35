#pragma once
// COCO / LVIS instances ground truth ({"images", "annotations", "categories"}, optionally
// gzipped) -> DetectionDataset. Read with simdjson (LVIS val is ~200 MB); every problem names
// the file, the section and record index, and the field.

#include <filesystem>
#include <string>

#include "metrics/detection_types.h"

namespace ovbench {

struct DatasetReadOptions {
  bool keep_segmentation = true;  // only segm evaluation needs gt masks
  // LVIS: images must carry neg_category_ids and not_exhaustive_category_ids, categories a
  // frequency (lvis-api raises KeyError without them).
  bool require_lvis_fields = false;
};

DetectionDataset read_detection_dataset(const std::filesystem::path& path,
                                        const DatasetReadOptions& options);
DetectionDataset parse_detection_dataset(const std::string& bytes, const std::string& name,
                                         const DatasetReadOptions& options);

}  // namespace ovbench
