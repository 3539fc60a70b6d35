// Prompt tokenisation throughput: CLIP BPE over the 80 COCO class prompts ("a photo of a
// {name}.") and BERT WordPiece over GLIP-style prompts of 40 LVIS-like names.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "models/bert_tokenizer.h"
#include "models/clip_tokenizer.h"

namespace {

using namespace ovbench;

const std::vector<std::string>& names() {
  static const std::vector<std::string> n = {
      "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
      "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
      "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
      "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
      "tennis racket", "bottle"};
  return n;
}

void BM_ClipPrompts(benchmark::State& state) {
  const auto& tok = ClipTokenizer::builtin();
  std::size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& n : names()) tokens += tok.tokenize("a photo of a " + n + ".").size();
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ClipPrompts);

void BM_BertGlipPrompt(benchmark::State& state) {
  const auto& tok = BertTokenizer::builtin();
  std::string prompt;
  for (const auto& n : names()) prompt += n + ". ";
  std::size_t tokens = 0;
  for (auto _ : state) tokens += tok.tokenize(prompt).ids.size();
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BertGlipPrompt);

}  // namespace

BENCHMARK_MAIN();
