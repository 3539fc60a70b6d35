// `ovbench eval flickr30k`: phrase grounding Recall@k on Flickr30K Entities, as MDETR's
// flickr_eval.py (ashkamath/mdetr@ea09acc, also GLIP's evaluator) computes it.

#include <iostream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "datasets/cpu_features.h"
#include "datasets/flickr_entities_tree.h"
#include "datasets/grounding_predictions_reader.h"
#include "harness/command_line.h"
#include "metrics/ratio_bootstrap.h"
#include "harness/run/dataset_scoring.h"
#include "harness/store/eval_run_storage.h"
#include "harness/commands/eval_commands.h"
#include "harness/json_output.h"
#include "metrics/grounding_recall.h"
#include "reports/text_table.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

CommandLine make_command_line() {
  CommandLine cl(
      "ovbench eval flickr30k",
      "ovbench eval flickr30k --root DIR --split val|test --pred PRED.json [options]",
      "Scores phrase grounding predictions on Flickr30K Entities with MDETR's evaluator\n"
      "(datasets/flickr_eval.py, ea09acc; GLIP ships the same file): Recall@1/5/10 and the upper\n"
      "bound (all predicted boxes), overall and per phrase type, IoU >= 0.5.\n"
      "DIR is the original Flickr30K Entities tree: DIR/<split>.txt (image ids),\n"
      "DIR/Annotations/<id>.xml and DIR/Sentences/<id>.txt. PRED.json is MDETR's format: a list\n"
      "of {image_id, sentence_id, boxes}, boxes holding one ranked list of [x1, y1, x2, y2] per\n"
      "phrase that has a gt box, in sentence order. --protocol any-box (MDETR's default): a\n"
      "prediction may match any gt box of the phrase; merged-box: the phrase's boxes are\n"
      "replaced by their enclosing box.",
      "  ovbench eval flickr30k --root flickr30k_entities --split test --pred flickr_test.json\n"
      "  ovbench eval flickr30k --root flickr30k_entities --split val --pred val.json "
      "--protocol merged-box --json -\n");
  cl.add_options()
      ("root", po::value<std::string>()->value_name("DIR"), "Flickr30K Entities tree: <split>.txt, Annotations/, Sentences/")
      ("split", po::value<std::string>()->value_name("val|test"), "which image list to evaluate (DIR/<split>.txt)")
      ("pred", po::value<std::string>()->value_name("PRED.json"), "predictions: a list of {image_id, sentence_id, boxes}")
      ("protocol", po::value<std::string>()->default_value("any-box")->value_name("any-box|merged-box"), "any-box: any gt box of the phrase counts; merged-box: their enclosing box")
      ("json", po::value<std::string>()->value_name("PATH|-"), "write every number as JSON to PATH, or '-' for stdout (the table then goes to stderr)")
      ("bootstrap", po::value<int>()->default_value(0)->value_name("N"), "also give 95% confidence intervals from N sentence-level bootstrap replicates, e.g. 1000")
      ("seed", po::value<std::uint64_t>()->default_value(0)->value_name("S"), "bootstrap seed: the same seed resamples the same sentences, so runs pair up in `ovbench compare`")
      ("db", po::value<std::string>()->value_name("PATH"), "also store the result as a run in this SQLite results store (created if missing)")
      ("tag", po::value<std::string>()->value_name("NAME"), "with --db: a name for the stored run")
      ("threads", po::value<unsigned>()->default_value(0)->value_name("N"), "worker threads (0: all cores, or $OVBENCH_THREADS)");
  return cl;
}

std::string row_name(int k) { return k < 0 ? "Upper_bound" : "Recall@" + std::to_string(k); }

// MDETR prints a PrettyTable: one row per k, one column per category in sorted order.
void print_table(std::ostream& out, const GroundingRecallReport& report) {
  std::vector<std::string> header = {"Recall@k"};
  header.insert(header.end(), report.categories.begin(), report.categories.end());
  TextTable table(header);
  for (std::size_t ki = 0; ki < report.top_k.size(); ++ki) {
    std::vector<std::string> row = {row_name(report.top_k[ki])};
    for (std::size_t c = 0; c < report.categories.size(); ++c) {
      row.push_back(format_metric(report.recall(ki, c), 4));
    }
    table.add_row(row);
  }
  const std::string text = table.render();
  out << text;
  if (text.empty() || text.back() != '\n') out << '\n';
}

nlohmann::ordered_json report_json(const GroundingRecallReport& report, const std::string& root,
                                   const std::string& split, const std::string& pred,
                                   const std::string& protocol_key, std::size_t images) {
  nlohmann::ordered_json j;
  j["benchmark"] = "flickr30k";
  j["root"] = root;
  j["split"] = split;
  j["pred"] = pred;
  nlohmann::ordered_json by_k = nlohmann::ordered_json::object();
  for (std::size_t ki = 0; ki < report.top_k.size(); ++ki) {
    nlohmann::ordered_json by_category = nlohmann::ordered_json::object();
    // "all" first, then the phrase types in MDETR's (sorted) order.
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t c = 0; c < report.categories.size(); ++c) {
        if ((report.categories[c] == "all") == (pass == 0)) {
          by_category[report.categories[c]] = report.recall(ki, c);
        }
      }
    }
    by_k[std::to_string(report.top_k[ki])] = by_category;
  }
  j["recall"][protocol_key] = by_k;
  nlohmann::ordered_json counts;
  counts["images"] = images;
  counts["sentences"] = report.sentences;
  counts["phrases"] = report.phrases;
  counts["predictions"] = report.predictions;
  counts["ignored_predictions"] = report.ignored_predictions;
  counts["duplicate_predictions"] = report.duplicate_predictions;
  nlohmann::ordered_json phrases = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < report.categories.size(); ++c) {
    phrases[report.categories[c]] = report.totals[c];
  }
  counts["phrases_per_category"] = phrases;
  j["counts"] = counts;
  j["warnings"] = report.warnings;
  return j;
}

}  // namespace

int eval_flickr30k_command(const Args& args) {
  CommandLine cl = make_command_line();
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("root")) cl.fail("--root DIR is required");
  if (!cl.has("split")) cl.fail("--split val|test is required");
  if (!cl.has("pred")) cl.fail("--pred PRED.json is required");
  const std::string split = cl.get<std::string>("split");
  if (split != "val" && split != "test") cl.fail("--split must be val or test, not '" + split + "'");
  const std::string protocol = cl.get<std::string>("protocol");
  GroundingRecallOptions options;
  if (protocol == "any-box") {
    options.protocol = GroundingProtocol::kAnyBox;
  } else if (protocol == "merged-box") {
    options.protocol = GroundingProtocol::kMergedBox;
  } else {
    cl.fail("--protocol must be any-box or merged-box, not '" + protocol + "'");
  }
  const std::string root = cl.get<std::string>("root");
  const std::string pred_path = cl.get<std::string>("pred");
  options.threads = cl.get<unsigned>("threads");
  options.predictions_name = pred_path;
  const int bootstrap = cl.get<int>("bootstrap");
  if (bootstrap < 0 || bootstrap > 1000000 || bootstrap == 1) cl.fail("--bootstrap must be 0 or between 2 and 1000000 replicates");
  const std::string tag = cl.has("tag") ? cl.get<std::string>("tag") : "";
  if (const auto problem = eval_tag_problem(tag, cl.has("db")); !problem.empty()) cl.fail(problem);
  const std::string json_target = cl.has("json") ? cl.get<std::string>("json") : "";
  std::ostream& human = json_target == "-" ? std::cerr : std::cout;

  require_json_reader_cpu();
  const FlickrEntitiesSplit tree = read_flickr_entities_split(root, split, options.threads);
  const GroundingGroundTruth gt = flickr_grounding_ground_truth(tree);
  const GroundingPredictions predictions = read_grounding_predictions(pred_path);
  const GroundingRecallReport report = evaluate_grounding_recall(gt, predictions, options);
  for (const auto& w : report.warnings) std::cerr << "ovbench: warning: " << w << "\n";

  human << "Flickr30K Entities " << split << " (" << protocol << "): " << report.phrases
        << " phrases in " << report.sentences << " sentences of " << tree.images.size()
        << " images\n";
  print_table(human, report);
  nlohmann::ordered_json intervals;
  if (bootstrap > 0) {
    intervals = grounding_recall_intervals(report, BootstrapOptions{bootstrap, cl.get<std::uint64_t>("seed"), options.threads});
    human << "95% intervals (" << bootstrap << " sentence-level bootstrap replicates):";
    for (const auto& [key, v] : intervals["metrics"].items())
      human << "  " << key << " [" << v["low"].get<double>() * 100 << ", " << v["high"].get<double>() * 100 << "]";
    human << "\n";
  }
  human.flush();
  if (!json_target.empty()) {
    auto j = report_json(report, root, split, pred_path, protocol == "any-box" ? "any_box" : "merged_box",
                         tree.images.size());
    if (!intervals.is_null()) j["intervals"] = intervals;
    write_json_output(json_target, j);
  }
  if (cl.has("db")) {
    auto stored = grounding_metric_report(report, options, split);
    stored.intervals = intervals;
    store_eval_run(cl.get<std::string>("db"),
                   EvalRunRecord{"flickr30k", tag, {{"root", root}, {"pred", pred_path}}, "flickr30k-" + split, pred_path},
                   stored);
  }
  return kExitOk;
}

}  // namespace ovbench
