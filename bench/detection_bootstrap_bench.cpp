// 1,000 image-level bootstrap replicates of COCO AP/AP50/AP75 at COCO-val scale (issue 6's
// target: under 10 s on this machine). Reported: the whole evaluate_coco with --bootstrap 1000,
// and the bootstrap phase alone (counter s:bootstrap).
#include <benchmark/benchmark.h>

#include "bench/workloads/detection_workload.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "metrics/coco_evaluator.h"

namespace {

using namespace ovbench;

void BM_CocoBootstrap(benchmark::State& state) {
  const auto files = bench::ensure_detection_workload(bench::coco_val_workload(), bench::bench_data_dir());
  DatasetReadOptions gt_options;
  gt_options.keep_segmentation = false;
  ResultsReadOptions dt_options;
  dt_options.keep_segmentation = false;
  const DetectionDataset gt = read_detection_dataset(files.gt, gt_options);
  const Detections dt = read_detection_results(files.results, dt_options);
  DetectionEvalOptions options;
  options.bootstrap_replicates = static_cast<int>(state.range(0));
  MetricReport report;
  for (auto _ : state) report = evaluate_coco(gt, dt, options);
  for (const auto& [phase, seconds] : report.phase_seconds) state.counters["s:" + phase] = seconds;
  state.counters["AP_se"] = report.intervals["metrics"]["AP"]["se"].get<double>();
}

BENCHMARK(BM_CocoBootstrap)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
