#pragma once
// Prediction files in the formats the evaluators (and the reference tools) read:
//  - COCO results JSON: [{"image_id", "category_id", "bbox": [x, y, w, h], "score"}, ...]
//  - MDETR grounding JSON: [{"image_id", "sentence_id", "boxes": [[[x1, y1, x2, y2], ...], ...]}]
//  - a directory of 8-bit PNG label maps named after the images.
// Numbers are written in the shortest form that reads back to the same value. Files are
// written atomically.

#include <filesystem>
#include <string>
#include <vector>

#include "metrics/detection_types.h"
#include "models/adapters/adapter_interfaces.h"

namespace ovbench {

// One JSON object per detection or grounding record, without separators.
std::string coco_result_json(const Detection& d);
void write_coco_results(const std::filesystem::path& path, const std::vector<Detection>& detections);

struct GroundingRecord {
  std::string image_id;
  std::int64_t sentence_id = 0;
  PhraseBoxes boxes;
};
std::string grounding_record_json(const GroundingRecord& record);
void write_grounding_results(const std::filesystem::path& path, const std::vector<GroundingRecord>& records);

}  // namespace ovbench
