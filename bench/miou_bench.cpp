// mIoU accumulation (mmseg IoUMetric semantics, exact integers): 500 ADE20K-sized label maps
// (512x512, 150 classes, blobs of one class with 20% of the prediction wrong), and PNG decoding
// of one such map, which dominates `ovbench eval miou` end to end.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench/workloads/detection_workload.h"
#include "datasets/label_map_png.h"
#include "metrics/segmentation_iou.h"

namespace {

using namespace ovbench;

std::vector<std::uint8_t> label_map(std::uint64_t seed, int side) {
  std::vector<std::uint8_t> m(static_cast<std::size_t>(side) * static_cast<std::size_t>(side));
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const std::uint64_t block = seed * 1315423911u + static_cast<std::uint64_t>((y / 32) * 64 + x / 32);
      m[static_cast<std::size_t>(y * side + x)] = static_cast<std::uint8_t>(block * 2654435761u % 151);  // 150 = ignored
    }
  }
  return m;
}

void BM_MiouAccumulate(benchmark::State& state) {
  constexpr int kSide = 512, kImages = 500;
  std::vector<std::vector<std::uint8_t>> gts, preds;
  for (int i = 0; i < 8; ++i) {  // 8 distinct maps reused: the loop's work does not depend on content
    gts.push_back(label_map(static_cast<std::uint64_t>(i), kSide));
    preds.push_back(gts.back());
    for (std::size_t p = 0; p < preds.back().size(); p += 5) preds.back()[p] = static_cast<std::uint8_t>((preds.back()[p] + 1) % 150);
  }
  SegmentationOptions o;
  o.num_classes = 150;
  o.ignore_index = 150;
  for (auto _ : state) {
    SegmentationTotals t(150);
    for (int i = 0; i < kImages; ++i) accumulate_segmentation(gts[i % 8].data(), preds[i % 8].data(), gts[i % 8].size(), o, t);
    benchmark::DoNotOptimize(t.intersect.data());
  }
  state.counters["Mpixel/s"] = benchmark::Counter(static_cast<double>(kImages) * kSide * kSide * static_cast<double>(state.iterations()) / 1e6,
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MiouAccumulate)->Unit(benchmark::kMillisecond);

void BM_LabelMapPngDecode(benchmark::State& state) {
  const auto dir = bench::bench_data_dir();
  std::filesystem::create_directories(dir);
  const auto path = dir / "miou_512.png";
  write_label_map_png(path, {512, 512, label_map(1, 512)});
  for (auto _ : state) benchmark::DoNotOptimize(read_label_map_png(path));
}
BENCHMARK(BM_LabelMapPngDecode)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
