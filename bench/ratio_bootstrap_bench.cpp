// Bootstrap intervals of mIoU (ADE20K val scale: 2,000 images x 150 classes) and of Flickr30K
// recall (test scale: 4,975 sentences), 1,000 replicates each.
#include <benchmark/benchmark.h>

#include <random>

#include "metrics/ratio_bootstrap.h"

namespace ovbench {
namespace {

void BM_SegmentationIntervals(benchmark::State& state) {
  std::mt19937_64 rng(3);
  std::vector<SegmentationTotals> images(2000, SegmentationTotals(150));
  for (auto& t : images)
    for (std::size_t c = 0; c < 150; ++c) {
      if (rng() % 5) continue;  // ~30 classes per image, as ADE20K
      t.label[c] = rng() % 20000;
      t.pred[c] = rng() % 20000;
      t.intersect[c] = std::min(t.label[c], t.pred[c]) / 2;
      t.union_[c] = t.label[c] + t.pred[c] - t.intersect[c];
    }
  for (auto _ : state) benchmark::DoNotOptimize(segmentation_intervals(images, BootstrapOptions{1000, 1, 0}));
}

void BM_GroundingRecallIntervals(benchmark::State& state) {
  std::mt19937_64 rng(4);
  GroundingRecallReport r;
  r.top_k = {1, 5, 10, -1};
  for (int s = 0; s < 4975; ++s) {
    const auto phrases = static_cast<std::uint32_t>(1 + rng() % 4);
    r.sentence_phrases.push_back(phrases);
    for (int k = 0; k < 4; ++k) r.sentence_hits.push_back(static_cast<std::uint32_t>(rng() % (phrases + 1)));
  }
  for (auto _ : state) benchmark::DoNotOptimize(grounding_recall_intervals(r, BootstrapOptions{1000, 1, 0}));
}

BENCHMARK(BM_SegmentationIntervals)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GroundingRecallIntervals)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ovbench

BENCHMARK_MAIN();
