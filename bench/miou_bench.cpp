// mIoU accumulation (mmseg IoUMetric semantics, exact integers) over 2,000 decoded ADE20K-sized
// label-map pairs, and PNG decoding of one such map, which dominates `ovbench eval miou` end to
// end.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench/workloads/detection_workload.h"
#include "core/parallel_for.h"
#include "datasets/label_map_png.h"
#include "metrics/segmentation_iou.h"

namespace {

using namespace ovbench;

// An ADE20K-sized map made of regions: 24 horizontal bands of 20-40 rows, each split into a few
// segments of one class (as real label maps are: long runs along each row).
std::vector<std::uint8_t> label_map(std::uint64_t seed, int width, int height) {
  std::vector<std::uint8_t> m(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    const std::uint64_t band = static_cast<std::uint64_t>(y / 28) + seed * 977;
    for (int x = 0; x < width; ++x) {
      const std::uint64_t segment = band * 131 + static_cast<std::uint64_t>((x + static_cast<int>(band % 61) * 3) / 97);
      m[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
          static_cast<std::uint8_t>(segment * 2654435761u % 151);  // 150: ignored
    }
  }
  return m;
}

// The prediction: the gt with its region boundaries moved by a few pixels and one region in
// seven given another class, the typical error shape of a segmenter.
std::vector<std::uint8_t> prediction_of(const std::vector<std::uint8_t>& gt, int width) {
  std::vector<std::uint8_t> p(gt.size());
  for (std::size_t i = 0; i < gt.size(); ++i) {
    const std::size_t x = i % static_cast<std::size_t>(width);
    const std::size_t src = x >= 5 ? i - 5 : i;
    p[i] = gt[src] % 7 == 3 ? static_cast<std::uint8_t>((gt[src] + 11) % 150) : gt[src];
  }
  return p;
}

// The target: 2,000 decoded 512x683 pairs in under 0.2 s on all cores.
void BM_MiouAccumulate(benchmark::State& state) {
  constexpr int kWidth = 683, kHeight = 512, kImages = 2000;
  std::vector<std::vector<std::uint8_t>> gts, preds;
  for (int i = 0; i < 8; ++i) {  // 8 distinct maps, reused
    gts.push_back(label_map(static_cast<std::uint64_t>(i), kWidth, kHeight));
    preds.push_back(prediction_of(gts.back(), kWidth));
  }
  const unsigned threads = static_cast<unsigned>(state.range(0));
  SegmentationOptions o;
  o.num_classes = 150;
  o.ignore_index = 150;
  for (auto _ : state) {
    std::vector<SegmentationJointHistogram> joint(threads);
    parallel_for_workers(
        kImages,
        [&](std::size_t b, std::size_t e, unsigned w) {
          for (std::size_t i = b; i < e; ++i) joint[w].add_image(gts[i % 8].data(), preds[i % 8].data(), gts[i % 8].size());
        },
        threads, 1);
    for (unsigned w = 1; w < threads; ++w) joint[0].add(joint[w]);
    SegmentationTotals t(150);
    joint[0].fold_into(o, t);
    benchmark::DoNotOptimize(t.intersect.data());
  }
  state.counters["Mpixel/s"] = benchmark::Counter(static_cast<double>(kImages) * kWidth * kHeight * static_cast<double>(state.iterations()) / 1e6,
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MiouAccumulate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LabelMapPngDecode(benchmark::State& state) {
  const auto dir = bench::bench_data_dir();
  std::filesystem::create_directories(dir);
  const auto path = dir / "miou_683x512.png";
  write_label_map_png(path, {683, 512, label_map(1, 683, 512)});
  for (auto _ : state) benchmark::DoNotOptimize(read_label_map_png(path));
}
BENCHMARK(BM_LabelMapPngDecode)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
