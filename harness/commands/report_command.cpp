// `ovbench report`: the results store as one self-contained HTML page (reports/html_report.h).

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/compare/run_comparison.h"
#include "harness/store/results_store.h"
#include "harness/store/stored_run_json.h"
#include "harness/store/stored_run_tables.h"
#include "reports/html_report.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

std::string gt_hash(const StoredRun& run) {
  const auto& inputs = run.provenance.inputs;
  if (inputs.contains("gt") && inputs["gt"].is_object() && inputs["gt"].contains("hash")) {
    return inputs["gt"]["hash"].get<std::string>();
  }
  return "";
}

ReportRun report_run(const RunWithResults& stored) {
  ReportRun r;
  r.id = stored.run.id;
  r.label = stored.run.provenance.tag.empty() ? "run " + std::to_string(stored.run.id) : stored.run.provenance.tag;
  r.suite = stored.run.provenance.suite;
  r.kind = stored.run.provenance.kind;
  r.status = stored.run.status;
  r.started_at = stored.run.started_at;
  r.provenance = provenance_fields(stored.run);
  for (const StoredResult& s : stored.results) {
    ReportResult result;
    result.dataset = s.dataset;
    result.benchmark = s.benchmark;
    result.predictions = s.predictions_path;
    result.report = s.report;
    // Hook for the error analysis: drawn when the stored result's JSON carries one.
    const nlohmann::ordered_json j = result_json(s);
    if (j.contains("error_analysis")) result.error_analysis = j["error_analysis"];
    r.results.push_back(std::move(result));
  }
  return r;
}

}  // namespace

int report_command(const Args& args) {
  CommandLine cl("ovbench report", "ovbench report --out report.html [--db PATH] [--suite NAME]... [--run RUN]... [--baseline RUN]",
                 "Writes the results store as one self-contained HTML page (inline CSS, script and SVG:\n"
                 "it opens offline, and can be mailed or kept as a CI artifact): a sortable leaderboard\n"
                 "per suite (best value per column marked, bootstrap intervals where stored); per run its\n"
                 "provenance, per-dataset metrics with the category-group (base/novel, any --groups) and\n"
                 "LVIS rare/common/frequent breakdowns, a per-category table, PR curves and per-category\n"
                 "AP bars; and each run compared with the oldest run of its suite on the same ground\n"
                 "truth (paired bootstrap differences, as `ovbench compare`). Only complete runs are\n"
                 "shown. A store with no matching runs gives a page that says so. See docs/report.md.",
                 "  ovbench report --out report.html\n"
                 "  ovbench report --db results/ovbench.db --suite coco --out coco.html\n"
                 "  ovbench report --run ckpt-a --run ckpt-b --baseline ckpt-a --out ab.html\n");
  cl.add_options()
      ("out", po::value<std::string>()->value_name("report.html"), "the page to write (atomically: a reader never sees half of it)")
      ("db", po::value<std::string>()->default_value("ovbench.db")->value_name("PATH"), "the results store")
      ("suite", po::value<std::vector<std::string>>()->value_name("NAME"), "only runs of this suite (repeatable; for eval runs: coco, lvis, ...)")
      ("run", po::value<std::vector<std::string>>()->value_name("RUN"), "only this run, by id or tag (repeatable); default: every complete run")
      ("baseline", po::value<std::string>()->value_name("RUN"), "compare runs with this one (id or tag) instead of with the oldest run of their suite and ground truth")
      ("title", po::value<std::string>()->default_value("ovbench report")->value_name("TEXT"), "the page's title");
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("out")) cl.fail("--out report.html is required");
  const std::string db = cl.get<std::string>("db");
  const std::vector<std::string> suites = cl.has("suite") ? cl.get<std::vector<std::string>>("suite") : std::vector<std::string>{};
  const std::set<std::string> suite_set(suites.begin(), suites.end());
  ResultsStore store = ResultsStore::open_existing(db);

  ReportInput input;
  input.title = cl.get<std::string>("title");
  input.source = db;
  input.generated_at = utc_timestamp_now();
  std::vector<RunWithResults> stored;
  if (cl.has("run")) {
    std::set<std::int64_t> seen;
    for (const std::string& name : cl.get<std::vector<std::string>>("run")) {
      RunWithResults r = store.load_complete_run(name);
      if (!suite_set.empty() && !suite_set.count(r.run.provenance.suite)) {
        cl.fail("run '" + name + "' is of suite '" + r.run.provenance.suite + "', which --suite leaves out");
      }
      if (seen.insert(r.run.id).second) stored.push_back(std::move(r));
    }
    std::sort(stored.begin(), stored.end(), [](const RunWithResults& a, const RunWithResults& b) { return a.run.id < b.run.id; });
  } else {
    std::size_t incomplete = 0;
    for (const StoredRun& r : store.list_runs({})) {
      if (!suite_set.empty() && !suite_set.count(r.provenance.suite)) continue;
      if (r.status != "complete") {
        ++incomplete;
        continue;
      }
      stored.push_back(store.load_complete_run(std::to_string(r.id)));
    }
    if (incomplete) {
      input.notes.push_back(std::to_string(incomplete) + (incomplete == 1 ? " run is" : " runs are") +
                            " not complete (running or failed) and not shown.");
    }
  }
  if (!suites.empty()) {
    std::string list;
    for (const std::string& s : suites) list += (list.empty() ? "" : ", ") + s;
    input.notes.push_back("Suites: " + list + ".");
  }
  for (const RunWithResults& r : stored) input.runs.push_back(report_run(r));

  // Comparisons: every run against the baseline of its suite and ground truth.
  std::optional<std::int64_t> baseline_id;
  if (cl.has("baseline")) {
    const auto b = store.find_run(cl.get<std::string>("baseline"));
    if (!b) throw InputError(db + ": no run with id or tag '" + cl.get<std::string>("baseline") + "' (--baseline)");
    baseline_id = b->id;
    const bool shown = std::any_of(stored.begin(), stored.end(), [&](const RunWithResults& r) { return r.run.id == b->id; });
    if (!shown) cl.fail("--baseline " + cl.get<std::string>("baseline") + " is not among the runs in the report");
  }
  std::map<std::pair<std::string, std::string>, std::vector<const RunWithResults*>> families;
  std::vector<std::pair<std::string, std::string>> family_order;
  for (const RunWithResults& r : stored) {
    const auto key = std::make_pair(r.run.provenance.suite, gt_hash(r.run));
    if (!families.count(key)) family_order.push_back(key);
    families[key].push_back(&r);
  }
  for (const auto& key : family_order) {
    const auto& members = families[key];
    const RunWithResults* base = members.front();
    if (baseline_id) {
      const auto it = std::find_if(members.begin(), members.end(), [&](const RunWithResults* r) { return r->run.id == *baseline_id; });
      if (it == members.end()) continue;  // --baseline belongs to another suite or ground truth
      base = *it;
    }
    for (const RunWithResults* r : members) {
      if (r == base) continue;
      ReportComparison c;
      c.a = base->run.id;
      c.b = r->run.id;
      try {
        c.comparison = compare_runs(*base, *r, 5);
      } catch (const InputError& e) {
        c.refusal = e.what();
      }
      input.comparisons.push_back(std::move(c));
    }
  }

  const std::string out = cl.get<std::string>("out");
  write_file_atomically(out, render_html_report(input));
  std::cout << "ovbench: wrote " << out << ": " << input.runs.size() << (input.runs.size() == 1 ? " run" : " runs") << ", "
            << input.comparisons.size() << (input.comparisons.size() == 1 ? " comparison" : " comparisons") << "\n";
  if (input.runs.empty()) std::cerr << "ovbench: note: no complete runs match; the page says so\n";
  return kExitOk;
}

}  // namespace ovbench
