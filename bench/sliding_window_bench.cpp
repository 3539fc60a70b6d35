// DenseCLIP's dense post-processing for one ADE20K image: 150-class logits from the two 512 x 512
// windows of a 512 x 683 input stitched and averaged, then resized to the original image size
// and argmaxed into a label map (fused), for an original of 512 x 683 (same size) and of
// 375 x 500 (the input was upscaled by the keep-ratio resize).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "models/denseclip/bilinear_resize.h"
#include "models/denseclip/sliding_window_plan.h"
#include "models/denseclip/sliding_window_stitcher.h"

namespace {

using namespace ovbench;

constexpr std::size_t kClasses = 150, kHeight = 512, kWidth = 683;

std::vector<float> random_logits(std::size_t n, std::uint32_t seed) {
  std::vector<float> v(n);
  for (float& x : v) {
    seed = seed * 1664525u + 1013904223u;
    x = static_cast<float>(seed >> 8) / static_cast<float>(1u << 24);
  }
  return v;
}

void BM_StitchTwoWindows(benchmark::State& state) {
  const auto windows = plan_sliding_windows(kHeight, kWidth);
  const std::vector<float> logits = random_logits(kClasses * 512 * 512, 7);
  for (auto _ : state) {
    SlidingWindowStitcher s(kClasses, kHeight, kWidth);
    for (const auto& w : windows) s.add(w, logits, 512, 512);
    benchmark::DoNotOptimize(s.take_average().data());
  }
}
BENCHMARK(BM_StitchTwoWindows)->Unit(benchmark::kMillisecond);

void BM_ResizeArgmax(benchmark::State& state) {
  const auto out_h = static_cast<std::size_t>(state.range(0)),
             out_w = static_cast<std::size_t>(state.range(1));
  const std::vector<float> logits = random_logits(kClasses * kHeight * kWidth, 9);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        resize_bilinear_argmax(logits, kClasses, kHeight, kWidth, out_h, out_w).data());
  }
  state.counters["pixels/s"] = benchmark::Counter(static_cast<double>(out_h * out_w),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ResizeArgmax)->Args({512, 683})->Args({375, 500})->Unit(benchmark::kMillisecond);

// The unfused path, for comparison: a full 150-class resized map, then argmax.
void BM_ResizeThenArgmax(benchmark::State& state) {
  const std::vector<float> logits = random_logits(kClasses * kHeight * kWidth, 9);
  for (auto _ : state) {
    const auto resized = resize_bilinear(logits, kClasses, kHeight, kWidth, 375, 500);
    benchmark::DoNotOptimize(argmax_channels(resized, kClasses, 375, 500).data());
  }
}
BENCHMARK(BM_ResizeThenArgmax)->Unit(benchmark::kMillisecond);

void BM_SlidingWindowPostprocess(benchmark::State& state) {
  const auto windows = plan_sliding_windows(kHeight, kWidth);
  const std::vector<float> logits = random_logits(kClasses * 512 * 512, 7);
  for (auto _ : state) {
    SlidingWindowStitcher s(kClasses, kHeight, kWidth);
    for (const auto& w : windows) s.add(w, logits, 512, 512);
    const std::vector<float> avg = s.take_average();
    benchmark::DoNotOptimize(
        resize_bilinear_argmax(avg, kClasses, kHeight, kWidth, 375, 500).data());
  }
}
BENCHMARK(BM_SlidingWindowPostprocess)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
