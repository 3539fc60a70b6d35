#pragma once
// COCO results files ([{"image_id", "category_id", "bbox", "score", "segmentation"?}, ...],
// optionally gzipped) -> Detections, in file order. Built for size: an LVIS-scale file is ~1 GB
// with ~6M records, so it is read into huge pages and parsed with simdjson on all cores, in
// chunks split at record boundaries. Every problem names the file, the record index and the
// field; malformed JSON names the byte offset and line.

#include <cstddef>
#include <filesystem>
#include <string>

#include "metrics/detection_types.h"

namespace ovbench {

struct ResultsReadOptions {
  // Keep segmentations of results that also have a bbox (only segm evaluation needs them;
  // results without a bbox always keep theirs, they are the only geometry).
  bool keep_segmentation = true;
  unsigned threads = 0;  // 0: default_thread_count()
};

Detections read_detection_results(const std::filesystem::path& path,
                                  const ResultsReadOptions& options);

// The same on bytes in memory; `name` is used in messages. Tests use it.
Detections parse_detection_results(const std::string& bytes, const std::string& name,
                                   const ResultsReadOptions& options);

}  // namespace ovbench
