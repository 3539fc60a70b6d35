#include "harness/commands/detection_eval_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "core/content_hash.h"
#include "core/errors.h"
#include "datasets/category_groups.h"
#include "datasets/cpu_features.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "harness/command_line.h"
#include "harness/commands/detection_eval_output.h"
#include "harness/json_output.h"
#include "harness/store/eval_run_storage.h"
#include "harness/store/results_store.h"
#include "metrics/coco_evaluator.h"
#include "metrics/detection_errors.h"
#include "metrics/lvis_evaluator.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

// Phase timings on stderr with --verbose: where the time of a long evaluation goes.
class PhaseLog {
 public:
  explicit PhaseLog(bool on) : on_(on), last_(std::chrono::steady_clock::now()) {}
  void done(const std::string& what) {
    const auto now = std::chrono::steady_clock::now();
    if (on_) {
      std::fprintf(stderr, "ovbench: %-34s %7.3f s\n", what.c_str(),
                   std::chrono::duration<double>(now - last_).count());
    }
    last_ = now;
  }
  // The evaluator's own phases, indented under the line of the step that ran them.
  void detail(const std::vector<std::pair<std::string, double>>& phases) {
    if (!on_) return;
    for (const auto& [name, seconds] : phases) {
      std::fprintf(stderr, "ovbench:   %-32s %7.3f s\n", name.c_str(), seconds);
    }
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

CommandLine make_command_line(DetectionBenchmark b) {
  const bool lvis = b == DetectionBenchmark::kLvis;
  CommandLine cl(
      lvis ? "ovbench eval lvis" : "ovbench eval coco",
      lvis ? "ovbench eval lvis --gt GT.json --pred RESULTS.json[.gz] [options]"
           : "ovbench eval coco --gt GT.json --pred RESULTS.json[.gz] [options]",
      lvis ? "Scores COCO-format results against an LVIS v1 ground truth with lvis-api's federated\n"
             "evaluation (7d7f07d): neg_category_ids, not_exhaustive_category_ids, APr/APc/APf.\n"
             "--protocol standard keeps at most 300 detections per image (lvis-api's default);\n"
             "--protocol fixed is \"Fixed AP\" (lvis_challenge_2021 branch): at most 10,000 per\n"
             "category and no per-image cap. For open-vocabulary LVIS, APr is the novel AP."
           : "Scores COCO-format results against a COCO instances ground truth, giving exactly\n"
             "pycocotools' COCOeval numbers (cocoapi 8c9bcc3): the 12 summary lines, and with\n"
             "--groups the same numbers per category group (params.catIds = the group).",
      lvis ? "  ovbench eval lvis --gt lvis_v1_val.json --pred results.json.gz\n"
             "  ovbench eval lvis --gt lvis_v1_val.json --pred results.json --protocol fixed --json out.json\n"
           : "  ovbench eval coco --gt instances_val2017.json --pred results.json\n"
             "  ovbench eval coco --gt ovcoco_val.json --pred results.json --groups ov-coco --json -\n"
             "  ovbench eval coco --gt instances_val2017.json --pred segm.json --iou-type segm --per-category\n"
             "  ovbench eval coco --gt ovcoco_val.json --pred results.json --groups ov-coco --errors\n");
  cl.add_options()
      ("gt", po::value<std::string>()->value_name("GT.json"), "ground truth instances file (.json or gzipped)")
      ("pred", po::value<std::string>()->value_name("RESULTS.json"), "COCO results file: a list of {image_id, category_id, bbox|segmentation, score}")
      ("iou-type", po::value<std::string>()->default_value("bbox")->value_name("bbox|segm"), "match boxes or masks")
      ("groups", po::value<std::string>()->value_name("ov-coco|FILE"), "also report per category group: built-in 'ov-coco' (base 48 / novel 17 / all 65) or a JSON file {\"name\": [category ids]}")
      ("per-category", po::bool_switch(), "print a table with one row per category")
      ("json", po::value<std::string>()->value_name("PATH|-"), "write every number as JSON to PATH, or '-' for stdout (the summary then goes to stderr)")
      ("drop-unknown-images", po::bool_switch(), "drop results on image ids absent from the ground truth (with a warning) instead of failing")
      ("bootstrap", po::value<int>()->default_value(0)->value_name("N"), "also give 95% confidence intervals of AP, AP50, AP75 (and APr/APc/APf, and per group) from N image-level bootstrap replicates, e.g. 1000")
      ("errors", po::bool_switch(), "also analyse the errors as TIDE does (dbolya/tide): the count and dAP (AP points at IoU 0.5) of classification, localisation, both, duplicate, background and missed errors; with groups named \"base\" and \"novel\" (e.g. --groups ov-coco), also how many novel objects are found only as base categories, and the top (novel, base) pairs. See docs/error-analysis.md")
      ("seed", po::value<std::uint64_t>()->default_value(0)->value_name("S"), "bootstrap seed: the same seed resamples the same images, so runs on one dataset pair up")
      ("db", po::value<std::string>()->value_name("PATH"), "also store the result as a run in this SQLite results store (created if missing); see `ovbench runs`")
      ("tag", po::value<std::string>()->value_name("NAME"), "with --db: a name for the stored run, e.g. the checkpoint (`ovbench show NAME` finds its latest run)")
      ("threads", po::value<unsigned>()->default_value(0)->value_name("N"), "worker threads (0: all cores, or $OVBENCH_THREADS)")
      ("verbose,v", po::bool_switch(), "print the time of each phase on stderr");
  if (lvis) {
    cl.add_options()("protocol", po::value<std::string>()->default_value("standard")->value_name("standard|fixed"),
                     "standard: 300 detections per image; fixed: 10,000 per category (Fixed AP)");
  }
  return cl;
}

}  // namespace

int run_detection_eval(DetectionBenchmark benchmark, const Args& args) {
  const bool lvis = benchmark == DetectionBenchmark::kLvis;
  CommandLine cl = make_command_line(benchmark);
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("gt")) cl.fail("--gt GT.json is required");
  if (!cl.has("pred")) cl.fail("--pred RESULTS.json is required");
  const std::string iou_type = cl.get<std::string>("iou-type");
  if (iou_type != "bbox" && iou_type != "segm") cl.fail("--iou-type must be bbox or segm, not '" + iou_type + "'");
  LvisEvalOptions options;
  if (lvis) {
    const std::string protocol = cl.get<std::string>("protocol");
    if (protocol == "standard") {
      options.protocol = LvisProtocol::kStandard;
    } else if (protocol == "fixed") {
      options.protocol = LvisProtocol::kFixed;
    } else {
      cl.fail("--protocol must be standard or fixed, not '" + protocol + "'");
    }
  }
  const std::string gt_path = cl.get<std::string>("gt");
  const std::string pred_path = cl.get<std::string>("pred");
  options.segm = iou_type == "segm";
  options.drop_unknown_images = cl.get<bool>("drop-unknown-images");
  options.threads = cl.get<unsigned>("threads");
  options.bootstrap_replicates = cl.get<int>("bootstrap");
  if (options.bootstrap_replicates < 0 || options.bootstrap_replicates > 1000000) {
    cl.fail("--bootstrap must be between 0 and 1000000 replicates");
  }
  if (options.bootstrap_replicates == 1) cl.fail("--bootstrap needs at least 2 replicates for an interval");
  options.bootstrap_seed = cl.get<std::uint64_t>("seed");
  options.gt_name = gt_path;
  options.results_name = pred_path;
  if (cl.has("groups")) {
    for (auto& g : load_category_groups(cl.get<std::string>("groups"))) {
      options.groups.push_back({g.name, g.category_ids});
    }
  }
  const std::string tag = cl.has("tag") ? cl.get<std::string>("tag") : "";
  if (const auto problem = eval_tag_problem(tag, cl.has("db")); !problem.empty()) cl.fail(problem);
  // Opened before the work so that an unusable store fails in a second, not after the run.
  std::optional<ResultsStore> store;
  if (cl.has("db")) store.emplace(cl.get<std::string>("db"));
  const std::string json_target = cl.has("json") ? cl.get<std::string>("json") : "";
  std::ostream& human = json_target == "-" ? std::cerr : std::cout;

  require_json_reader_cpu();
  PhaseLog log(cl.get<bool>("verbose"));
  DatasetReadOptions gt_options;
  gt_options.keep_segmentation = options.segm;
  gt_options.require_lvis_fields = lvis;
  const DetectionDataset gt = read_detection_dataset(gt_path, gt_options);
  log.done("read ground truth");
  ResultsReadOptions dt_options;
  dt_options.keep_segmentation = options.segm;
  dt_options.threads = options.threads;
  const Detections dt = read_detection_results(pred_path, dt_options);
  log.done("read " + std::to_string(dt.items.size()) + " results");

  MetricReport report = lvis ? evaluate_lvis(gt, dt, options) : evaluate_coco(gt, dt, options);
  log.done("evaluate");
  log.detail(report.phase_seconds);
  if (cl.get<bool>("errors")) {
    const ErrorAnalysisOptions eo = error_analysis_options_for(lvis, options);
    const DetectionErrorAnalysis analysis = analyse_detection_errors(gt, dt, eo);
    report.error_analysis = error_analysis_json(analysis);
    log.done("error analysis");
    log.detail(analysis.phase_seconds);
  }
  for (const auto& w : report.warnings) std::cerr << "ovbench: warning: " << w << "\n";

  if (lvis) {
    print_lvis_summary(human, report.summary, options.protocol == LvisProtocol::kFixed ? -1 : 300);
  } else {
    print_coco_summary(human, report.summary);
  }
  if (!report.intervals.is_null()) {
    human << "\n";
    print_intervals(human, report);
  }
  if (!report.groups.empty()) {
    human << "\n";
    print_group_table(human, report);
  }
  if (cl.get<bool>("per-category")) {
    human << "\n";
    print_category_table(human, report);
  }
  if (!report.error_analysis.is_null()) {
    human << "\n";
    print_error_analysis(human, report.error_analysis);
  }
  human.flush();
  if (!json_target.empty()) write_json_output(json_target, detection_report_json(report, gt_path, pred_path));
  log.done("report");
  if (store) {
    store_eval_run(cl.get<std::string>("db"),
                   EvalRunRecord{lvis ? "lvis" : "coco", tag, {{"gt", gt_path}, {"pred", pred_path}},
                                 std::filesystem::path(gt_path).filename().string(), pred_path},
                   report);
    log.done("store");
  }
  return kExitOk;
}

}  // namespace ovbench
