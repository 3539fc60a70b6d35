// `ovbench runs` and `ovbench show`: reading the results store.
#include <iostream>

#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/commands/detection_eval_output.h"
#include "harness/compare/run_comparison.h"
#include "harness/json_output.h"
#include "harness/store/results_store.h"
#include "harness/store/stored_run_json.h"
#include "harness/store/stored_run_tables.h"
#include "harness/table_format_option.h"
#include "reports/comparison_tables.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

constexpr const char* kDefaultDb = "ovbench.db";

}  // namespace

int runs_command(const Args& args) {
  CommandLine cl("ovbench runs", "ovbench runs [--db PATH] [--suite NAME] [--tag NAME] [--status S] [--format F | --json]",
                 "Lists the runs in a results store, oldest first: id, status, suite, tag, start\n"
                 "time and the headline metric of each dataset (one row per run and dataset). A run\n"
                 "that is 'running' long after it started was interrupted; its partial results are\n"
                 "never shown as complete.",
                 "  ovbench runs\n  ovbench runs --db results/ovbench.db --suite coco --json\n"
                 "  ovbench runs --format csv > runs.csv\n  ovbench runs --format md   # for a pull-request comment\n");
  cl.add_options()
      ("db", po::value<std::string>()->default_value(kDefaultDb)->value_name("PATH"), "the results store")
      ("suite", po::value<std::string>()->default_value("")->value_name("NAME"), "only runs of this suite (for eval runs: coco, lvis, ...)")
      ("tag", po::value<std::string>()->default_value("")->value_name("NAME"), "only runs with this tag")
      ("status", po::value<std::string>()->default_value("")->value_name("running|complete|failed"), "only runs with this status")
      ("json", po::bool_switch(), "print a JSON array of runs with their summary metrics");
  add_table_format_option(cl);
  if (!cl.parse(args)) return kExitOk;
  const TableFormat format = chosen_table_format(cl);
  const std::string status = cl.get<std::string>("status");
  if (!status.empty() && status != "running" && status != "complete" && status != "failed") {
    cl.fail("--status must be running, complete or failed, not '" + status + "'");
  }
  ResultsStore store = ResultsStore::open_existing(cl.get<std::string>("db"));
  const auto runs = store.list_runs({cl.get<std::string>("suite"), cl.get<std::string>("tag"), status});
  if (cl.get<bool>("json")) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const StoredRun& r : runs) {
      nlohmann::ordered_json j = run_json(r);
      nlohmann::ordered_json results = nlohmann::ordered_json::array();
      for (const StoredResult& res : store.load_results(r.id)) {
        results.push_back({{"dataset", res.dataset}, {"benchmark", res.benchmark},
                           {"metrics", res.report.summary.to_json()}});
      }
      j["results"] = results;
      out.push_back(j);
    }
    write_json_output("-", out);
    return kExitOk;
  }
  if (runs.empty() && format == TableFormat::kConsole) {
    std::cout << "no runs" << (cl.get<std::string>("suite").empty() && cl.get<std::string>("tag").empty() && status.empty() ? "" : " match") << "\n";
    return kExitOk;
  }
  std::vector<RunListing> listings;
  for (const StoredRun& r : runs) listings.push_back({r, store.load_results(r.id)});
  print_table_document(runs_document(listings), format);
  return kExitOk;
}

int show_command(const Args& args) {
  CommandLine cl("ovbench show", "ovbench show RUN [--db PATH] [--per-category] [--format F | --json]",
                 "Prints one stored run: its provenance (inputs and their hashes, protocol\n"
                 "parameters, ovbench version and commit, device, host) and, per dataset, the summary\n"
                 "and group metrics (with their bootstrap intervals when stored) and the error analysis when\n"
                 "the run had one (eval --errors). RUN is a run id or a\n"
                 "tag (the latest run with that tag).",
                 "  ovbench show 3\n  ovbench show my-checkpoint --json\n"
                 "  ovbench show my-checkpoint --per-category --format csv > categories.csv\n");
  cl.add_options()
      ("run", po::value<std::string>()->value_name("RUN"), "run id or tag")
      ("db", po::value<std::string>()->default_value(kDefaultDb)->value_name("PATH"), "the results store")
      ("per-category", po::bool_switch(), "also print each category's metrics")
      ("json", po::bool_switch(), "print {\"run\", \"results\"} as JSON (per-category metrics and PR curves included)");
  add_table_format_option(cl);
  cl.add_positional("run", 1);
  if (!cl.parse(args)) return kExitOk;
  const TableFormat format = chosen_table_format(cl);
  if (!cl.has("run")) cl.fail("which run? give a run id or a tag");
  const std::string db = cl.get<std::string>("db");
  ResultsStore store = ResultsStore::open_existing(db);
  const auto run = store.find_run(cl.get<std::string>("run"));
  if (!run) throw InputError(db + ": no run with id or tag '" + cl.get<std::string>("run") + "'");
  const auto results = store.load_results(run->id);
  if (cl.get<bool>("json")) {
    nlohmann::ordered_json out;
    out["run"] = run_json(*run);
    nlohmann::ordered_json rs = nlohmann::ordered_json::array();
    for (const StoredResult& r : results) rs.push_back(result_json(r));
    out["results"] = rs;
    write_json_output("-", out);
    return kExitOk;
  }
  print_table_document(show_document(*run, results, cl.get<bool>("per-category")), format);
  if (format == TableFormat::kConsole) {
    for (const StoredResult& r : results) {
      if (r.report.error_analysis.is_null()) continue;
      std::cout << "\n" << r.dataset << ": error analysis\n";
      print_error_analysis(std::cout, r.report.error_analysis);
    }
  }
  if (run->status == "running") {
    std::cerr << "ovbench: note: run " << run->id << " is still marked running: it is in progress or was interrupted\n";
  }
  return kExitOk;
}

int compare_command(const Args& args) {
  CommandLine cl("ovbench compare", "ovbench compare RUN_A RUN_B [--db PATH] [--format F | --json]",
                 "Is run B better than run A, or is the difference noise? For every dataset, metric\n"
                 "and category group: B - A, with a 95% paired bootstrap interval and a p-value when\n"
                 "both runs were evaluated with the same --bootstrap N --seed S (their replicates then\n"
                 "resampled the same images); and the categories that gained or lost most AP. Runs on\n"
                 "different ground truth or protocol parameters are refused, naming the difference.",
                 "  ovbench eval coco --gt gt.json --pred a.json --bootstrap 1000 --db ovbench.db --tag a\n"
                 "  ovbench eval coco --gt gt.json --pred b.json --bootstrap 1000 --db ovbench.db --tag b\n"
                 "  ovbench compare a b\n  ovbench compare a b --format md   # for a pull-request comment\n");
  cl.add_options()
      ("runs", po::value<std::vector<std::string>>()->value_name("RUN"), "two run ids or tags")
      ("db", po::value<std::string>()->default_value(kDefaultDb)->value_name("PATH"), "the results store")
      ("top", po::value<int>()->default_value(5)->value_name("K"), "list the K categories that gained and lost most")
      ("json", po::bool_switch(), "print the comparison as JSON");
  add_table_format_option(cl);
  cl.add_positional("runs", 2);
  if (!cl.parse(args)) return kExitOk;
  const TableFormat format = chosen_table_format(cl);
  if (!cl.has("runs") || cl.get<std::vector<std::string>>("runs").size() != 2) cl.fail("give two runs: RUN_A RUN_B");
  const auto names = cl.get<std::vector<std::string>>("runs");
  const std::string db = cl.get<std::string>("db");
  ResultsStore store = ResultsStore::open_existing(db);
  const RunWithResults a = store.load_complete_run(names[0]);
  const RunWithResults b = store.load_complete_run(names[1]);
  const auto comparison = compare_runs(a, b, cl.get<int>("top"));
  if (cl.get<bool>("json")) {
    write_json_output("-", comparison);
  } else {
    print_table_document(comparison_document(comparison), format);
  }
  return kExitOk;
}

}  // namespace ovbench
