// NMS and GLIP's post-processing at detector scale: torchvision-style NMS over 1000 boxes,
// class-aware NMS with 1000 boxes per class for 1 / 80 / 1203 classes (a region model's
// per-class NMS before top-k), and GLIP's full ATSS post-processing for one 800 x 1333 image
// (22,223 anchors over five FPN levels, 256 token logits each, an 80-category prompt).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "models/detection_postprocess/box_nms.h"
#include "models/glip/glip_postprocess.h"

namespace {

using namespace ovbench;

struct Lcg {
  std::uint32_t state;
  float next() {  // uniform [0, 1)
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(state >> 8) / static_cast<float>(1u << 24);
  }
};

// Boxes clustered around 50 objects in a 1333 x 800 image, as a detector's proposals are.
void make_boxes(std::size_t n, Lcg& rng, std::vector<float>& boxes, std::vector<float>& scores) {
  boxes.resize(4 * n);
  scores.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const float cx =
        100.0f + 1100.0f * static_cast<float>((i * 37) % 50) / 50.0f + 20.0f * rng.next();
    const float cy =
        100.0f + 600.0f * static_cast<float>((i * 11) % 50) / 50.0f + 20.0f * rng.next();
    const float w = 40.0f + 80.0f * rng.next(), h = 40.0f + 80.0f * rng.next();
    boxes[4 * i] = cx - w / 2;
    boxes[4 * i + 1] = cy - h / 2;
    boxes[4 * i + 2] = cx + w / 2;
    boxes[4 * i + 3] = cy + h / 2;
    scores[i] = rng.next();
  }
}

void BM_Nms1000(benchmark::State& state) {
  Lcg rng{1};
  std::vector<float> boxes, scores;
  make_boxes(1000, rng, boxes, scores);
  std::size_t kept = 0;
  for (auto _ : state) kept = nms(boxes, scores, 0.5f).size();
  state.counters["kept"] = static_cast<double>(kept);
}
BENCHMARK(BM_Nms1000)->Unit(benchmark::kMicrosecond);

void BM_BatchedNms1000PerClass(benchmark::State& state) {
  const auto classes = static_cast<std::size_t>(state.range(0));
  Lcg rng{2};
  std::vector<float> boxes, scores;
  make_boxes(1000 * classes, rng, boxes, scores);
  std::vector<std::int64_t> labels(scores.size());
  for (std::size_t i = 0; i < labels.size(); ++i)
    labels[i] = static_cast<std::int64_t>(i % classes);
  for (auto _ : state) benchmark::DoNotOptimize(batched_nms(boxes, scores, labels, 0.5f).size());
  state.counters["boxes/s"] = benchmark::Counter(static_cast<double>(scores.size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BatchedNms1000PerClass)->Arg(1)->Arg(80)->Arg(1203)->Unit(benchmark::kMillisecond);

void BM_GlipPostprocess(benchmark::State& state) {
  // FPN levels of an 800 x 1333 input at strides 8..128.
  const std::vector<std::size_t> levels{100 * 167, 50 * 84, 25 * 42, 13 * 21, 7 * 11};
  std::size_t anchors = 0;
  for (std::size_t l : levels) anchors += l;
  constexpr std::size_t kTokens = 256;
  Lcg rng{3};
  std::vector<float> boxes, unused;
  make_boxes(anchors, rng, boxes, unused);
  // Mostly confident negatives (sigmoid ~ 0.002), one token in 50 positive-ish.
  std::vector<float> logits(anchors * kTokens), centerness(anchors);
  for (float& v : logits) v = rng.next() < 0.02f ? 4.0f * rng.next() - 1.0f : -6.0f + rng.next();
  for (float& v : centerness) v = 2.0f * rng.next() - 1.0f;
  // 80 categories, one to three tokens each, from token 1 on (as "person. bicycle. ..." does).
  GlipPositiveMap map;
  std::size_t token = 1;
  for (std::int64_t label = 1; label <= 80; ++label) {
    const std::size_t n = 1 + static_cast<std::size_t>(label % 3);
    std::vector<std::size_t> t;
    for (std::size_t k = 0; k < n && token < 254; ++k) t.push_back(token++);
    ++token;  // the "." between names
    if (token >= 254) token = 1;
    map.labels.push_back(label);
    map.tokens.push_back(t);
  }
  const GlipHeadOutputs outputs{boxes, logits, centerness, kTokens, levels, 1333.0f, 800.0f};
  std::size_t detections = 0;
  for (auto _ : state) detections = glip_postprocess(outputs, map).size();
  state.counters["detections"] = static_cast<double>(detections);
}
BENCHMARK(BM_GlipPostprocess)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
