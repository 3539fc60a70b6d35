// Flickr30K Entities scoring at test-split scale (issue 3 target: ~14.5k phrases with 100 ranked
// boxes each scored in under 0.5 s): the recall loop alone, and reading the predictions JSON.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "datasets/grounding_predictions_reader.h"
#include "metrics/grounding_recall.h"

namespace ovbench {
namespace {

constexpr int kSentences = 4830;  // x 3 phrases = 14,490 phrases, about the test split's 14,481
constexpr int kPhrasesPerSentence = 3;
constexpr int kBoxesPerPhrase = 100;

GroundingBox random_box(std::mt19937& rng) {
  std::uniform_real_distribution<double> xy(0, 400), wh(5, 200);
  const double x = xy(rng), y = xy(rng);
  return {x, y, x + wh(rng), y + wh(rng)};
}

struct Workload {
  GroundingGroundTruth gt;
  GroundingPredictions pred;
  std::string json;
};

const Workload& workload() {
  static const Workload w = [] {
    Workload out;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> n_gt(1, 3), type(0, 7);
    out.gt.type_names = {"people",   "clothing",    "bodyparts", "animals",
                         "vehicles", "instruments", "scene",     "other"};
    out.json = "[";
    for (int s = 0; s < kSentences; ++s) {
      const std::string image = std::to_string(1000000 + s / 5);
      out.gt.sentences.push_back(
          {image, s % 5, static_cast<std::uint32_t>(out.gt.phrases.size()), kPhrasesPerSentence});
      out.pred.records.push_back({image, s % 5,
                                  static_cast<std::uint32_t>(out.pred.list_begin.size() - 1),
                                  kPhrasesPerSentence});
      out.json += std::string(s ? "," : "") + "{\"image_id\":" + image +
                  ",\"sentence_id\":" + std::to_string(s % 5) + ",\"boxes\":[";
      for (int p = 0; p < kPhrasesPerSentence; ++p) {
        GroundingGroundTruth::Phrase phrase;
        phrase.first_box = static_cast<std::uint32_t>(out.gt.boxes.size());
        phrase.box_count = static_cast<std::uint32_t>(n_gt(rng));
        for (std::uint32_t b = 0; b < phrase.box_count; ++b)
          out.gt.boxes.push_back(random_box(rng));
        phrase.first_type = static_cast<std::uint32_t>(out.gt.phrase_types.size());
        phrase.type_count = 1;
        out.gt.phrase_types.push_back(static_cast<std::uint32_t>(type(rng)));
        out.gt.phrases.push_back(phrase);
        out.json += p ? ",[" : "[";
        for (int b = 0; b < kBoxesPerPhrase; ++b) {
          const GroundingBox box = random_box(rng);
          out.pred.boxes.push_back(box);
          char buf[96];
          std::snprintf(buf, sizeof buf, "%s[%.2f,%.2f,%.2f,%.2f]", b ? "," : "", box.x1, box.y1,
                        box.x2, box.y2);
          out.json += buf;
        }
        out.json += "]";
        out.pred.list_begin.push_back(out.pred.boxes.size());
      }
      out.json += "]}";
    }
    out.json += "]";
    return out;
  }();
  return w;
}

void BM_GroundingRecallTestSplit(benchmark::State& state) {
  const Workload& w = workload();
  GroundingRecallOptions options;
  options.protocol = state.range(1) ? GroundingProtocol::kMergedBox : GroundingProtocol::kAnyBox;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto report = evaluate_grounding_recall(w.gt, w.pred, options);
    benchmark::DoNotOptimize(report.hits);
  }
  state.counters["phrases/s"] = benchmark::Counter(static_cast<double>(w.gt.phrases.size()),
                                                   benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_GroundingRecallTestSplit)
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->ArgNames({"threads", "merged"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ReadGroundingPredictions(benchmark::State& state) {
  const Workload& w = workload();
  // From a file, as the command reads it (a page-cached file: the parse, not the disk).
  const auto path = std::filesystem::temp_directory_path() / "ovbench_grounding_bench.json";
  std::ofstream(path, std::ios::binary) << w.json;
  for (auto _ : state) {
    auto p = read_grounding_predictions(path);
    benchmark::DoNotOptimize(p.boxes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(w.json.size()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadGroundingPredictions)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace ovbench

BENCHMARK_MAIN();
