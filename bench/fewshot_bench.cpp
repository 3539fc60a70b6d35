// GLIP's k-shot selection on a COCO-train-sized set (118,287 images, 80 categories, ~7.3 boxes
// an image), and the CPython-exact shuffle alone.

#include <benchmark/benchmark.h>

#include <numeric>
#include <random>

#include "core/python_random.h"
#include "datasets/fewshot_sampler.h"

namespace ovbench {
namespace {

DetectionDataset coco_train_like() {
  DetectionDataset ds;
  std::mt19937_64 gen(1);
  for (std::int64_t c = 1; c <= 80; ++c) {
    ds.categories.emplace_back();
    ds.categories.back().id = c;
  }
  for (std::int64_t i = 0; i < 118287; ++i) {
    ds.images.emplace_back();
    ds.images.back().id = 1000000 - 7 * i;  // unsorted, as files are
    const int boxes = static_cast<int>(gen() % 15);
    for (int b = 0; b < boxes; ++b) {
      GtAnnotation a;
      a.id = static_cast<std::int64_t>(ds.annotations.size()) + 1;
      a.image_id = ds.images.back().id;
      a.category_id = static_cast<std::int64_t>(gen() % 80) + 1;
      a.bbox = {0, 0, 10, 10};
      ds.annotations.push_back(a);
    }
  }
  return ds;
}

void BM_SelectFewshot(benchmark::State& state) {
  const DetectionDataset ds = coco_train_like();
  FewShotOptions o;
  o.shots = 10;
  o.seed = state.range(0);
  for (auto _ : state) benchmark::DoNotOptimize(select_fewshot_images(ds, o));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ds.images.size()));
}
BENCHMARK(BM_SelectFewshot)->Arg(0)->Arg(30)->Unit(benchmark::kMillisecond);

void BM_PythonShuffle(benchmark::State& state) {
  std::vector<std::int64_t> ids(118287);
  for (auto _ : state) {
    std::iota(ids.begin(), ids.end(), 0);
    PythonRandom r(300);
    r.shuffle(std::span<std::int64_t>(ids));
    benchmark::DoNotOptimize(ids.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ids.size()));
}
BENCHMARK(BM_PythonShuffle)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ovbench
BENCHMARK_MAIN();
