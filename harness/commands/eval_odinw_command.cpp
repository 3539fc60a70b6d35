// `ovbench eval odinw`: COCO bbox AP per ODinW task (pycocotools, through the COCO evaluator),
// the ODinW average, and for few-shot runs mean and population std over the seeds.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/errors.h"
#include "datasets/cpu_features.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "datasets/odinw_tasks.h"
#include "harness/command_line.h"
#include "harness/commands/eval_commands.h"
#include "harness/json_output.h"
#include "metrics/coco_evaluator.h"
#include "metrics/seed_aggregate.h"
#include "reports/text_table.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace ovbench {
namespace {

struct TaskFiles {
  std::string name;
  std::string gt;
  std::vector<std::string> preds;  // one per seed; one for a zero-shot / full-data run
};

CommandLine make_command_line() {
  CommandLine cl(
      "ovbench eval odinw",
      "ovbench eval odinw --root DIR --pred-dir DIR [--tasks odinw13|odinw35|NAMES] [--shots K "
      "--seeds 3,30,300]\n"
      "       ovbench eval odinw --task NAME=GT.json:PRED.json [--task ...] [--shots K --seeds "
      "...]",
      "Scores ODinW (Object Detection in the Wild) as GLIP reports it: COCO bbox AP of every task\n"
      "(pycocotools COCOeval, results['bbox']['AP'] = AP@[.50:.95]) and the ODinW number, the "
      "plain\n"
      "mean over tasks of AP (and of AP50). With --shots, every task is scored once per seed; "
      "each\n"
      "task and the ODinW mean get mean and population standard deviation (ddof=0) over seeds.\n"
      "Layout: --root is the ODinW download (GLIP's DATASET/odinw); the ground truth of a task is\n"
      "the split's annotations_without_background.json at GLIP's config path. --pred-dir holds\n"
      "<task>.json (zero-shot / full data) or <task>_shot<K>_seed<S>.json (few-shot), COCO\n"
      "results (.json.gz also read). The split is the config's DATASETS.TEST (val or minival)\n"
      "without --shots, and test with --shots (GLIP reports few-shot numbers on test).\n"
      "With --task, PRED may contain {seed} and {shots}, replaced for each seed.",
      "  ovbench eval odinw --root DATASET/odinw --pred-dir preds/ --tasks odinw13\n"
      "  ovbench eval odinw --root DATASET/odinw --pred-dir preds/ --tasks odinw35 --shots 5 "
      "--json -\n"
      "  ovbench eval odinw --tasks Aquarium,pothole --root DATASET/odinw --pred-dir preds/\n"
      "  ovbench eval odinw --task pothole=pothole/valid/gt.json:pothole.json --task ...\n"
      "  ovbench eval odinw --task pothole=test.json:pothole_seed{seed}.json --shots 3\n");
  cl.add_options()("root", po::value<std::string>()->value_name("DIR"),
                   "ODinW download root (GLIP's DATASET/odinw)")(
      "pred-dir", po::value<std::string>()->value_name("DIR"),
      "folder of <task>.json or <task>_shot<K>_seed<S>.json results")(
      "tasks",
      po::value<std::string>()->default_value("odinw13")->value_name("odinw13|odinw35|NAMES"),
      "task list, or comma-separated GLIP config names / ODinW-13 paper names")(
      "split",
      po::value<std::string>()->default_value("auto")->value_name("auto|val|minival|test|train"),
      "auto: the config's DATASETS.TEST without --shots, test with --shots")(
      "task", po::value<std::vector<std::string>>()->value_name("NAME=GT:PRED"),
      "one task given by its files (repeatable; the GT path must not contain ':')")(
      "shots", po::value<int>()->value_name("K"), "few-shot run: K shots, scored once per seed")(
      "seeds", po::value<std::string>()->value_name("S,S,..."),
      "few-shot seeds (default 3,30,300, GLIP's)")(
      "json", po::value<std::string>()->value_name("PATH|-"),
      "write every number as JSON to PATH, or '-' for stdout (the table then goes to stderr)")(
      "drop-unknown-images", po::bool_switch(),
      "drop results on image ids absent from the ground truth instead of failing")(
      "threads", po::value<unsigned>()->default_value(0)->value_name("N"),
      "worker threads (0: all cores, or $OVBENCH_THREADS)");
  return cl;
}

std::vector<std::int64_t> parse_seeds(const CommandLine& cl, const std::string& text) {
  std::vector<std::int64_t> seeds;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string item = text.substr(start, comma - start);
    start = comma + 1;
    std::size_t used = 0;
    long long value = 0;
    try {
      value = std::stoll(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (item.empty() || used != item.size()) cl.fail("--seeds: '" + item + "' is not an integer");
    if (std::find(seeds.begin(), seeds.end(), value) != seeds.end()) {
      cl.fail("--seeds: seed " + item + " is listed twice");
    }
    seeds.push_back(value);
  }
  return seeds;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// <pred-dir>/<stem>.json, or <stem>.json.gz when only that exists.
std::string prediction_file(const fs::path& dir, const std::string& task, const std::string& stem) {
  const fs::path json = dir / (stem + ".json");
  const fs::path gz = dir / (stem + ".json.gz");
  if (fs::exists(json)) return json.string();
  if (fs::exists(gz)) return gz.string();
  throw InputError(json.string() + ": missing: the predictions of ODinW task '" + task +
                   "' (expected <pred-dir>/" + stem + ".json or .json.gz; see docs/odinw.md)");
}

// Checked up front so that a missing file names its task before any scoring starts.
void require_file(const std::string& path, const std::string& task, const char* what) {
  if (!fs::is_regular_file(path)) {
    throw InputError(path + ": missing: the " + what + " of ODinW task '" + task + "'");
  }
}

std::vector<TaskFiles> tasks_from_specs(const CommandLine& cl, const std::optional<int>& shots,
                                        const std::vector<std::int64_t>& seeds) {
  std::vector<TaskFiles> out;
  std::set<std::string> names;
  for (const std::string& spec : cl.get<std::vector<std::string>>("task")) {
    const std::size_t eq = spec.find('=');
    const std::size_t colon = eq == std::string::npos ? std::string::npos : spec.find(':', eq + 1);
    if (eq == std::string::npos || eq == 0 || colon == std::string::npos || colon == eq + 1 ||
        colon + 1 == spec.size()) {
      cl.fail("--task expects NAME=GT.json:PRED.json, not '" + spec + "'");
    }
    TaskFiles t;
    t.name = spec.substr(0, eq);
    if (!names.insert(t.name).second) cl.fail("--task: task '" + t.name + "' is given twice");
    t.gt = spec.substr(eq + 1, colon - eq - 1);
    const std::string pred = spec.substr(colon + 1);
    if (!shots) {
      t.preds.push_back(pred);
    } else {
      if (pred.find("{seed}") == std::string::npos) {
        cl.fail("--task " + t.name +
                ": with --shots, PRED must contain {seed} (one file per seed)");
      }
      for (const auto seed : seeds) {
        t.preds.push_back(replace_all(replace_all(pred, "{seed}", std::to_string(seed)), "{shots}",
                                      std::to_string(*shots)));
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<TaskFiles> tasks_from_root(const CommandLine& cl, const std::optional<int>& shots,
                                       const std::vector<std::int64_t>& seeds) {
  const fs::path root = cl.get<std::string>("root");
  const fs::path pred_dir = cl.get<std::string>("pred-dir");
  const std::string split = cl.get<std::string>("split");
  std::vector<TaskFiles> out;
  for (const OdinwTask& task : odinw_tasks(cl.get<std::string>("tasks"))) {
    TaskFiles t;
    t.name = task.name;
    // GLIP's zero-shot evaluation scores DATASETS.TEST; its few-shot numbers are the test split
    // of the best checkpoint (tools/eval_all.py --evaluate_only_best_on_test).
    const std::string s = split != "auto" ? split : shots ? "test" : task.eval_split;
    t.gt = odinw_split_file(task, root, s).string();
    if (!shots) {
      t.preds.push_back(prediction_file(pred_dir, task.name, task.name));
    } else {
      for (const auto seed : seeds) {
        const std::string stem =
            task.name + "_shot" + std::to_string(*shots) + "_seed" + std::to_string(seed);
        t.preds.push_back(prediction_file(pred_dir, task.name, stem));
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string percent(double fraction) {
  return fraction == -1 ? "-" : format_metric(100 * fraction, 1);
}

std::string percent_pm(const MeanStd& m) {
  return m.mean == -1 ? "-"
                      : format_metric(100 * m.mean, 1) + " +- " + format_metric(100 * m.std, 1);
}

}  // namespace

int eval_odinw_command(const Args& args) {
  CommandLine cl = make_command_line();
  if (!cl.parse(args)) return kExitOk;
  const bool by_spec = cl.has("task");
  if (by_spec && (cl.has("root") || cl.has("pred-dir"))) {
    cl.fail("give either --task NAME=GT:PRED or --root DIR --pred-dir DIR, not both");
  }
  if (!by_spec && !cl.has("root")) cl.fail("--root DIR (or --task NAME=GT:PRED) is required");
  if (!by_spec && !cl.has("pred-dir")) cl.fail("--pred-dir DIR is required with --root");
  if (by_spec && !cl.values()["tasks"].defaulted())
    cl.fail("--tasks selects tasks under --root; --task names its own");
  const std::string split = cl.get<std::string>("split");
  if (split != "auto" && split != "val" && split != "minival" && split != "test" &&
      split != "train") {
    cl.fail("--split must be auto, val, minival, test or train, not '" + split + "'");
  }
  std::optional<int> shots;
  if (cl.has("shots")) {
    shots = cl.get<int>("shots");
    if (*shots < 1) cl.fail("--shots must be at least 1, not " + std::to_string(*shots));
  }
  if (cl.has("seeds") && !shots) cl.fail("--seeds needs --shots K (seeds select few-shot runs)");
  const std::vector<std::int64_t> seeds =
      shots ? parse_seeds(cl, cl.has("seeds") ? cl.get<std::string>("seeds") : "3,30,300")
            : std::vector<std::int64_t>{};
  const std::vector<TaskFiles> tasks =
      by_spec ? tasks_from_specs(cl, shots, seeds) : tasks_from_root(cl, shots, seeds);

  for (const TaskFiles& t : tasks) {
    require_file(t.gt, t.name, "ground truth");
    for (const std::string& p : t.preds) require_file(p, t.name, "predictions");
  }

  const std::string json_target = cl.has("json") ? cl.get<std::string>("json") : "";
  std::ostream& human = json_target == "-" ? std::cerr : std::cout;
  require_json_reader_cpu();

  const std::size_t runs = shots ? seeds.size() : 1;
  std::vector<double> ap(tasks.size() * runs), ap50(tasks.size() * runs);
  std::vector<std::vector<MetricValues>> summaries(tasks.size());
  std::vector<std::string> warnings;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    DatasetReadOptions gt_options;
    gt_options.keep_segmentation = false;
    const DetectionDataset gt = read_detection_dataset(tasks[t].gt, gt_options);
    for (std::size_t s = 0; s < runs; ++s) {
      ResultsReadOptions dt_options;
      dt_options.keep_segmentation = false;
      dt_options.threads = cl.get<unsigned>("threads");
      const Detections dt = read_detection_results(tasks[t].preds[s], dt_options);
      DetectionEvalOptions options;
      options.drop_unknown_images = cl.get<bool>("drop-unknown-images");
      options.threads = dt_options.threads;
      options.gt_name = tasks[t].gt;
      options.results_name = tasks[t].preds[s];
      const MetricReport report = evaluate_coco(gt, dt, options);
      for (const auto& w : report.warnings) warnings.push_back(tasks[t].name + ": " + w);
      ap[t * runs + s] = report.summary.at("AP");
      ap50[t * runs + s] = report.summary.at("AP50");
      if (ap[t * runs + s] == -1) {
        warnings.push_back(tasks[t].name + ": " + tasks[t].gt +
                           " has no ground truth boxes: AP is -1 and left out of the means");
      }
      summaries[t].push_back(report.summary);
    }
  }
  const SeedAggregate agg_ap = aggregate_tasks_and_seeds(ap, tasks.size(), runs);
  const SeedAggregate agg_ap50 = aggregate_tasks_and_seeds(ap50, tasks.size(), runs);
  for (const auto& w : warnings) std::cerr << "ovbench: warning: " << w << "\n";

  nlohmann::ordered_json j;
  j["benchmark"] = "odinw";
  j["tasks"] = by_spec ? "custom" : cl.get<std::string>("tasks");
  if (shots) {
    j["shots"] = *shots;
    j["seeds"] = seeds;
    j["std"] = "population (ddof=0) over seeds";
  }
  j["per_task"] = nlohmann::ordered_json::object();
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    nlohmann::ordered_json entry;
    entry["gt"] = tasks[t].gt;
    if (!shots) {
      entry["pred"] = tasks[t].preds[0];
      const nlohmann::ordered_json values = summaries[t][0].to_json();
      for (const auto& [k, v] : values.items()) entry[k] = v;
    } else {
      entry["AP"] = agg_ap.per_task[t].mean;
      entry["AP50"] = agg_ap50.per_task[t].mean;
      entry["std_AP"] = agg_ap.per_task[t].std;
      entry["std_AP50"] = agg_ap50.per_task[t].std;
      entry["per_seed"] = nlohmann::ordered_json::object();
      for (std::size_t s = 0; s < runs; ++s) {
        nlohmann::ordered_json run = summaries[t][s].to_json();
        run["pred"] = tasks[t].preds[s];
        entry["per_seed"][std::to_string(seeds[s])] = run;
      }
    }
    j["per_task"][tasks[t].name] = entry;
  }
  j["mean_AP"] = agg_ap.overall.mean;
  j["mean_AP50"] = agg_ap50.overall.mean;
  if (shots) {
    j["std_AP"] = agg_ap.overall.std;
    j["std_AP50"] = agg_ap50.overall.std;
    j["per_seed"] = nlohmann::ordered_json::object();
    for (std::size_t s = 0; s < runs; ++s) {
      nlohmann::ordered_json seed;
      seed["mean_AP"] = agg_ap.per_seed_mean[s];
      seed["mean_AP50"] = agg_ap50.per_seed_mean[s];
      j["per_seed"][std::to_string(seeds[s])] = seed;
    }
  }
  j["warnings"] = warnings;

  // People read ODinW numbers in percent, one decimal, as the GLIP paper prints them.
  TextTable table({"task", "AP", "AP50"});
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    if (shots) {
      table.add_row(
          {tasks[t].name, percent_pm(agg_ap.per_task[t]), percent_pm(agg_ap50.per_task[t])});
    } else {
      table.add_row({tasks[t].name, percent(ap[t]), percent(ap50[t])});
    }
  }
  if (shots) {
    table.add_row({"mean of " + std::to_string(tasks.size()) + " tasks", percent_pm(agg_ap.overall),
                   percent_pm(agg_ap50.overall)});
  } else {
    table.add_row({"mean of " + std::to_string(tasks.size()) + " tasks",
                   percent(agg_ap.overall.mean), percent(agg_ap50.overall.mean)});
  }
  human << "ODinW COCO bbox AP (x100)";
  if (shots) human << ", " << *shots << "-shot, mean +- population std over " << runs << " seeds";
  human << "\n" << table.render();
  human.flush();
  if (!json_target.empty()) write_json_output(json_target, j);
  return kExitOk;
}

}  // namespace ovbench
