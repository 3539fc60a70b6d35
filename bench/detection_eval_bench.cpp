// COCO-val-scale and LVIS-val-scale bbox evaluation (issue 2's speed targets): reading the
// ground truth, reading the results, and evaluating, separately and end to end. The workloads
// come from bench/workloads (written once into $OVBENCH_BENCH_DATA or <temp>/ovbench-bench-data).
// Counters report the evaluator's own phases (MetricReport::phase_seconds) of the last run.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "bench/workloads/detection_workload.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "metrics/coco_evaluator.h"
#include "metrics/lvis_evaluator.h"

namespace {

using namespace ovbench;

struct Loaded {
  bench::DetectionWorkloadFiles files;
  DetectionDataset gt;
  Detections dt;
};

bool is_lvis(const std::string& name) { return name == "lvis-val"; }

DatasetReadOptions gt_options(const std::string& name) {
  DatasetReadOptions o;
  o.keep_segmentation = false;  // what `ovbench eval --iou-type bbox` asks for
  o.require_lvis_fields = is_lvis(name);
  return o;
}

ResultsReadOptions results_options() {
  ResultsReadOptions o;
  o.keep_segmentation = false;
  return o;
}

// Each workload is generated and parsed once per process, then shared by the benchmarks.
const Loaded& loaded(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto& slot = cache[name];
  if (!slot) {
    slot = std::make_unique<Loaded>();
    const auto spec = is_lvis(name) ? bench::lvis_val_workload() : bench::coco_val_workload();
    slot->files = bench::ensure_detection_workload(spec, bench::bench_data_dir());
    slot->gt = read_detection_dataset(slot->files.gt, gt_options(name));
    slot->dt = read_detection_results(slot->files.results, results_options());
  }
  return *slot;
}

MetricReport evaluate(const std::string& name, const DetectionDataset& gt, const Detections& dt) {
  if (is_lvis(name)) return evaluate_lvis(gt, dt, LvisEvalOptions{});
  return evaluate_coco(gt, dt, DetectionEvalOptions{});
}

void report_phases(benchmark::State& state, const MetricReport& report) {
  for (const auto& [phase, seconds] : report.phase_seconds)
    state.counters["s:" + phase] = benchmark::Counter(seconds);
  state.counters["AP"] = benchmark::Counter(report.summary.at("AP"));
}

void BM_ReadGroundTruth(benchmark::State& state, const std::string& name) {
  const auto& files = loaded(name).files;
  for (auto _ : state) benchmark::DoNotOptimize(read_detection_dataset(files.gt, gt_options(name)));
  state.counters["gt"] = static_cast<double>(files.gt_count);
}

void BM_ReadResults(benchmark::State& state, const std::string& name) {
  const auto& files = loaded(name).files;
  for (auto _ : state) benchmark::DoNotOptimize(read_detection_results(files.results, results_options()));
  state.counters["detections"] = static_cast<double>(files.detection_count);
  state.counters["detections/s"] = benchmark::Counter(
      static_cast<double>(files.detection_count) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void BM_Evaluate(benchmark::State& state, const std::string& name) {
  const Loaded& l = loaded(name);
  MetricReport report;
  for (auto _ : state) report = evaluate(name, l.gt, l.dt);
  report_phases(state, report);
}

// What `ovbench eval coco|lvis` does, less printing: both files read, then evaluated.
void BM_EndToEnd(benchmark::State& state, const std::string& name) {
  const auto& files = loaded(name).files;
  MetricReport report;
  for (auto _ : state) {
    const DetectionDataset gt = read_detection_dataset(files.gt, gt_options(name));
    const Detections dt = read_detection_results(files.results, results_options());
    report = evaluate(name, gt, dt);
  }
  report_phases(state, report);
}

// Fixed iteration counts: one LVIS end-to-end run moves ~1 GB of JSON, so the default
// auto-scaling would take minutes for no better figure.
#define OVBENCH_DETECTION_BENCH(fn, label, workload, iterations) \
  BENCHMARK_CAPTURE(fn, label, workload)                        \
      ->Unit(benchmark::kMillisecond)                     \
      ->UseRealTime()                                     \
      ->Iterations(iterations)

OVBENCH_DETECTION_BENCH(BM_ReadGroundTruth, coco_val, "coco-val", 10);
OVBENCH_DETECTION_BENCH(BM_ReadResults, coco_val, "coco-val", 10);
OVBENCH_DETECTION_BENCH(BM_Evaluate, coco_val, "coco-val", 10);
OVBENCH_DETECTION_BENCH(BM_EndToEnd, coco_val, "coco-val", 10);
OVBENCH_DETECTION_BENCH(BM_ReadGroundTruth, lvis_val, "lvis-val", 3);
OVBENCH_DETECTION_BENCH(BM_ReadResults, lvis_val, "lvis-val", 3);
OVBENCH_DETECTION_BENCH(BM_Evaluate, lvis_val, "lvis-val", 3);
OVBENCH_DETECTION_BENCH(BM_EndToEnd, lvis_val, "lvis-val", 3);

}  // namespace

BENCHMARK_MAIN();
