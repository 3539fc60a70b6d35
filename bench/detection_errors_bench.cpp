// TIDE's error analysis (`eval coco --errors`) at COCO-val scale: 5,000 images, 500,000
// detections, with the OV-COCO novel/base confusion. The brief: well under the evaluation
// itself, which BM_EvaluateCoco times in the same program (same machine, same load).
// Counters s:<phase> give the analysis's phases (prepare, match+classify, recompute AP).
#include <benchmark/benchmark.h>

#include "bench/workloads/detection_workload.h"
#include "datasets/category_groups.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "metrics/coco_evaluator.h"
#include "metrics/detection_errors.h"

namespace {

using namespace ovbench;

struct Workload {
  DetectionDataset gt;
  Detections dt;
};

const Workload& coco_val() {
  static const Workload w = [] {
    const auto files = bench::ensure_detection_workload(bench::coco_val_workload(), bench::bench_data_dir());
    DatasetReadOptions gt_options;
    gt_options.keep_segmentation = false;
    ResultsReadOptions dt_options;
    dt_options.keep_segmentation = false;
    return Workload{read_detection_dataset(files.gt, gt_options), read_detection_results(files.results, dt_options)};
  }();
  return w;
}

void BM_TideErrors(benchmark::State& state) {
  const Workload& w = coco_val();
  ErrorAnalysisOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  options.confusion = true;
  for (const auto& g : load_category_groups("ov-coco")) {
    if (g.name == "base") options.base_category_ids = g.category_ids;
    if (g.name == "novel") options.novel_category_ids = g.category_ids;
  }
  DetectionErrorAnalysis a;
  for (auto _ : state) a = analyse_detection_errors(w.gt, w.dt, options);
  for (const auto& [phase, seconds] : a.phase_seconds) state.counters["s:" + phase] = seconds;
  state.counters["tide_AP"] = a.tide.ap;
  state.counters["dAP_loc"] = a.tide.dap[static_cast<std::size_t>(TideError::kLoc)];
  state.counters["detections/s"] =
      benchmark::Counter(static_cast<double>(w.dt.items.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_EvaluateCoco(benchmark::State& state) {
  const Workload& w = coco_val();
  DetectionEvalOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  MetricReport report;
  for (auto _ : state) report = evaluate_coco(w.gt, w.dt, options);
  state.counters["AP"] = report.summary.at("AP");
}

BENCHMARK(BM_TideErrors)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1);
BENCHMARK(BM_EvaluateCoco)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1);

}  // namespace

BENCHMARK_MAIN();
