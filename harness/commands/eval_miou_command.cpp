// `ovbench eval miou`: mmseg's IoUMetric over directories of PNG label maps, exactly.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/file_reader.h"
#include "core/parallel_for.h"
#include "core/resources.h"
#include "datasets/label_map_pairs.h"
#include "datasets/label_map_png.h"
#include "datasets/label_map_totals.h"
#include "datasets/segmentation_class_list.h"
#include "harness/command_line.h"
#include "metrics/ratio_bootstrap.h"
#include "harness/run/dataset_scoring.h"
#include "harness/store/eval_run_storage.h"
#include "harness/commands/eval_commands.h"
#include "harness/json_output.h"
#include "metrics/segmentation_iou.h"
#include "reports/text_table.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

nlohmann::ordered_json number_or_null(double v) {
  return std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
}

std::string percent(double v) {
  if (std::isnan(v)) return "nan";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(v * 100 * 100) / 100);  // mmseg: np.round(x * 100, 2)
  return buf;
}

}  // namespace

int eval_miou_command(const Args& args) {
  CommandLine cl("ovbench eval miou",
                 "ovbench eval miou --gt DIR --pred DIR --num-classes N [options]",
                 "Semantic segmentation mIoU, aAcc and mAcc as mmsegmentation's IoUMetric computes them,\n"
                 "over PNG label maps (8-bit grayscale, or palette: the index is the label) paired by\n"
                 "file name. Totals are exact 64-bit integers; mmseg sums in float32, which drifts once\n"
                 "a class passes 2^24 pixels (docs/miou.md).",
                 "  ovbench eval miou --gt ADEChallengeData2016/annotations/validation --pred out/ \\\n"
                 "      --num-classes 150 --reduce-zero-label --classes ade20k-150 --json -\n");
  cl.add_options()
      ("gt", po::value<std::string>()->value_name("DIR"), "ground-truth label maps (*.png)")
      ("pred", po::value<std::string>()->value_name("DIR"), "predicted label maps, same file names")
      ("num-classes", po::value<int>()->value_name("N"), "number of classes (labels 0..N-1)")
      ("ignore-index", po::value<int>()->default_value(255)->value_name("L"), "gt label that is not scored")
      ("reduce-zero-label", po::bool_switch(), "ADE20K-style gt: 0 is ignored and k becomes k-1")
      ("classes", po::value<std::string>()->value_name("ade20k-150|pascal-context-59|coco-stuff-171|FILE"), "class names for the table and JSON")
      ("json", po::value<std::string>()->value_name("PATH|-"), "write every number as JSON to PATH or '-'")
      ("bootstrap", po::value<int>()->default_value(0)->value_name("N"), "also give 95% confidence intervals from N image-level bootstrap replicates, e.g. 1000")
      ("seed", po::value<std::uint64_t>()->default_value(0)->value_name("S"), "bootstrap seed: the same seed resamples the same images, so runs pair up in `ovbench compare`")
      ("db", po::value<std::string>()->value_name("PATH"), "also store the result as a run in this SQLite results store (created if missing)")
      ("tag", po::value<std::string>()->value_name("NAME"), "with --db: a name for the stored run")
      ("threads", po::value<unsigned>()->default_value(0)->value_name("N"), "worker threads (0: all cores)");
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("gt")) cl.fail("--gt DIR is required");
  if (!cl.has("pred")) cl.fail("--pred DIR is required");
  if (!cl.has("num-classes")) cl.fail("--num-classes N is required");
  const int bootstrap = cl.get<int>("bootstrap");
  if (bootstrap < 0 || bootstrap > 1000000 || bootstrap == 1) cl.fail("--bootstrap must be 0 or between 2 and 1000000 replicates");
  const std::string tag = cl.has("tag") ? cl.get<std::string>("tag") : "";
  if (const auto problem = eval_tag_problem(tag, cl.has("db")); !problem.empty()) cl.fail(problem);

  SegmentationOptions options;
  options.num_classes = cl.get<int>("num-classes");
  if (options.num_classes < 1 || options.num_classes > 255) cl.fail("--num-classes must be 1..255 for 8-bit label maps");
  options.ignore_index = cl.get<int>("ignore-index");
  options.reduce_zero_label = cl.get<bool>("reduce-zero-label");
  std::vector<std::string> names;
  if (cl.has("classes")) {
    names = segmentation_class_names(cl.get<std::string>("classes"));
    if (names.size() != static_cast<std::size_t>(options.num_classes)) {
      throw InputError(cl.get<std::string>("classes") + ": " + std::to_string(names.size()) +
                       " class names for --num-classes " + std::to_string(options.num_classes));
    }
  }
  const auto pairs = pair_label_maps(cl.get<std::string>("gt"), cl.get<std::string>("pred"));
  const std::size_t C = static_cast<std::size_t>(options.num_classes);
  std::vector<SegmentationTotals> per_image;
  const SegmentationTotals totals =
      label_map_pair_totals(pairs, options, cl.get<unsigned>("threads"), bootstrap > 0 ? &per_image : nullptr);
  nlohmann::ordered_json intervals;
  if (bootstrap > 0)
    intervals = segmentation_intervals(per_image, BootstrapOptions{bootstrap, cl.get<std::uint64_t>("seed"), cl.get<unsigned>("threads")});
  const SegmentationMetrics m = segmentation_metrics(totals);

  const std::string json_target = cl.has("json") ? cl.get<std::string>("json") : "";
  std::ostream& human = json_target == "-" ? std::cerr : std::cout;
  TextTable table({"id", "class", "IoU", "Acc"});
  for (std::size_t c = 0; c < C; ++c) {
    table.add_row({std::to_string(c), names.empty() ? "" : names[c], percent(m.iou[c]), percent(m.acc[c])});
  }
  human << table.render() << "\n";
  human << "aAcc " << percent(m.aAcc) << "  mIoU " << percent(m.mIoU) << "  mAcc " << percent(m.mAcc) << "  ("
        << pairs.size() << " images)\n";
  if (!intervals.is_null()) {
    human << "95% intervals (" << bootstrap << " image-level bootstrap replicates):";
    for (const auto& [key, v] : intervals["metrics"].items())
      human << "  " << key << " [" << percent(v["low"].get<double>()) << ", " << percent(v["high"].get<double>()) << "]";
    human << "\n";
  }
  if (!json_target.empty()) {
    nlohmann::ordered_json j;
    j["benchmark"] = "miou";
    j["gt"] = cl.get<std::string>("gt");
    j["pred"] = cl.get<std::string>("pred");
    j["metrics"] = {{"aAcc", number_or_null(m.aAcc)}, {"mIoU", number_or_null(m.mIoU)}, {"mAcc", number_or_null(m.mAcc)}};
    nlohmann::ordered_json per_class = nlohmann::ordered_json::array();
    for (std::size_t c = 0; c < C; ++c) {
      per_class.push_back({{"id", c}, {"name", names.empty() ? "" : names[c]}, {"IoU", number_or_null(m.iou[c])},
                           {"Acc", number_or_null(m.acc[c])}});
    }
    j["per_class"] = per_class;
    j["totals"] = {{"intersect", totals.intersect}, {"union", totals.union_}, {"pred", totals.pred}, {"label", totals.label}};
    j["params"] = {{"num_classes", options.num_classes}, {"ignore_index", options.ignore_index},
                   {"reduce_zero_label", options.reduce_zero_label},
                   {"reference", "mmsegmentation IoUMetric (exact integer totals)"}};
    j["counts"] = {{"images", pairs.size()}};
    if (!intervals.is_null()) j["intervals"] = intervals;
    write_json_output(json_target, j);
  }
  if (cl.has("db")) {
    const std::string gt = cl.get<std::string>("gt"), pred = cl.get<std::string>("pred");
    store_eval_run(cl.get<std::string>("db"), EvalRunRecord{"miou", tag, {{"gt", gt}, {"pred", pred}}, std::filesystem::path(gt).filename().string(), pred},
                   [&] {
                     auto stored = segmentation_metric_report(m, options, names, pairs.size());
                     stored.intervals = intervals;
                     return stored;
                   }());
  }
  return kExitOk;
}

}  // namespace ovbench
