#pragma once
// Deterministic COCO-val-scale and LVIS-val-scale detection workloads for the benchmarks: a
// ground-truth file and a results file in the real formats, written once into a cache folder
// and reused. The sizes follow the real validation sets (COCO val2017: 5,000 images, 80
// categories, 36,781 boxes, ~1% crowd, 100 detections per image; LVIS v1 val: 19,809 images,
// 1,203 categories 337 r / 461 c / 405 f, ~12 boxes per image, 300 detections per image), the
// geometry is synthetic but shaped like a detector's output (true positives jittered around
// gts, confusions with other categories, background boxes, a skewed score distribution), so
// matching and accumulation do the work they do on real runs.

#include <cstdint>
#include <filesystem>
#include <string>

namespace ovbench::bench {

struct DetectionWorkloadSpec {
  std::string name;        // "coco-val", "lvis-val": the cache file stem
  bool lvis = false;       // neg/not_exhaustive image fields, r/c/f categories
  int images = 0;
  int categories = 0;
  double gts_per_image = 0;
  double crowd_fraction = 0;
  int detections_per_image = 0;
  std::uint64_t seed = 0;
};

DetectionWorkloadSpec coco_val_workload();
DetectionWorkloadSpec lvis_val_workload();

struct DetectionWorkloadFiles {
  std::filesystem::path gt, results;
  std::uint64_t gt_count = 0, detection_count = 0;
};

// Writes <dir>/<name>_gt.json and <dir>/<name>_results.json unless both exist already with the
// same spec (a small <name>.spec file records it), and returns their paths.
DetectionWorkloadFiles ensure_detection_workload(const DetectionWorkloadSpec& spec,
                                                 const std::filesystem::path& dir);

// The cache folder: $OVBENCH_BENCH_DATA, else <temp>/ovbench-bench-data.
std::filesystem::path bench_data_dir();

}  // namespace ovbench::bench
