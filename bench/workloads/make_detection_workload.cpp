// Writes a benchmark workload (ground truth + results JSON) so that the `ovbench` binary itself
// can be timed on it, e.g. with /usr/bin/time -v (bench/README.md shows the commands).
//   make_detection_workload coco-val|lvis-val [DIR]
#include <cstdio>
#include <cstring>
#include <exception>

#include "bench/workloads/detection_workload.h"

int main(int argc, char** argv) {
  using namespace ovbench::bench;
  if (argc < 2 || argc > 3 || (std::strcmp(argv[1], "coco-val") && std::strcmp(argv[1], "lvis-val"))) {
    std::fprintf(stderr, "usage: make_detection_workload coco-val|lvis-val [DIR]\n"
                         "DIR defaults to $OVBENCH_BENCH_DATA or <temp>/ovbench-bench-data\n");
    return 2;
  }
  try {
    const auto spec = std::strcmp(argv[1], "coco-val") == 0 ? coco_val_workload() : lvis_val_workload();
    const auto files = ensure_detection_workload(spec, argc == 3 ? argv[2] : bench_data_dir());
    std::printf("%s\n%s\n%llu gt, %llu detections\n", files.gt.c_str(), files.results.c_str(),
                static_cast<unsigned long long>(files.gt_count),
                static_cast<unsigned long long>(files.detection_count));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_detection_workload: %s\n", e.what());
    return 1;
  }
  return 0;
}
