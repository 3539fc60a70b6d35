// `ovbench gate`: fail CI on a regression. Exit 0 when every rule passes, 1 on a regression,
// 2 on bad input (rules, runs, baseline).
#include <filesystem>
#include <iostream>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/file_reader.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/compare/run_comparison.h"
#include "harness/gate/gate_check.h"
#include "harness/store/results_store.h"
#include "harness/store/stored_run_json.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

GateSide side_of(const RunWithResults& r) {
  GateSide side;
  for (const StoredResult& res : r.results) side.emplace_back(res.dataset, result_json(res));
  return side;
}

// A baseline file: `ovbench eval ... --json` output (one result, for every dataset) or
// `ovbench show --json` output (per dataset).
GateSide baseline_file(const std::string& path) {
  const std::string text = read_file(path);
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) throw InputError(path + ": baseline is not a JSON object");
  GateSide side;
  if (doc.contains("results") && doc["results"].is_array()) {
    for (std::size_t i = 0; i < doc["results"].size(); ++i) {
      const auto& r = doc["results"][i];
      if (!r.is_object() || !r.contains("dataset") || !r["dataset"].is_string() || !r.contains("metrics")) {
        throw InputError(describe_location(path + " results", static_cast<long long>(i), "dataset") +
                         ": expected {\"dataset\", \"metrics\", ...} as `ovbench show --json` writes");
      }
      side.emplace_back(r["dataset"].get<std::string>(), r);
    }
  } else if (doc.contains("metrics") && doc["metrics"].is_object()) {
    side.emplace_back("*", doc);
  } else {
    throw InputError(path + ": baseline must be `ovbench eval --json` output ({\"metrics\", ...}) or "
                            "`ovbench show --json` output ({\"run\", \"results\"})");
  }
  return side;
}

}  // namespace

int gate_command(const Args& args) {
  CommandLine cl("ovbench gate",
                 "ovbench gate --run RUN --baseline RUN|TAG|FILE --rules RULES.json [--junit PATH] [--markdown PATH]",
                 "Checks a stored run against a baseline with regression rules (docs/gate.md):\n"
                 "floors (\"min\") and allowed drops (\"max_drop\", as fractions), a drop optionally\n"
                 "forgiven when its paired 95% bootstrap interval reaches 0 (\"unless_within_interval\").\n"
                 "Exit 0: all rules pass; 1: a regression; 2: bad rules, runs or baseline. The baseline\n"
                 "is a stored run (id or tag) or a JSON file from `ovbench eval --json` / `ovbench show --json`.",
                 "  ovbench gate --run candidate --baseline main --rules ci/gate.json --junit gate.xml --markdown gate.md\n");
  cl.add_options()
      ("run", po::value<std::string>()->value_name("RUN"), "the run to check (id or tag)")
      ("baseline", po::value<std::string>()->value_name("RUN|TAG|FILE"), "what it must not regress from")
      ("rules", po::value<std::string>()->value_name("RULES.json"), "the rules")
      ("db", po::value<std::string>()->default_value("ovbench.db")->value_name("PATH"), "the results store")
      ("junit", po::value<std::string>()->value_name("PATH"), "also write a JUnit XML report (one test case per rule and dataset)")
      ("markdown", po::value<std::string>()->value_name("PATH"), "also write a Markdown summary (for a pull-request comment)");
  if (!cl.parse(args)) return kExitOk;
  for (const char* required : {"run", "baseline", "rules"}) {
    if (!cl.has(required)) cl.fail(std::string("--") + required + " is required");
  }
  const auto rules = read_gate_rules(cl.get<std::string>("rules"));
  const std::string db = cl.get<std::string>("db");
  ResultsStore store = ResultsStore::open_existing(db);
  const RunWithResults run = store.load_complete_run(cl.get<std::string>("run"));
  const std::string baseline_name = cl.get<std::string>("baseline");
  GateSide baseline;
  if (std::filesystem::is_regular_file(baseline_name)) {
    baseline = baseline_file(baseline_name);
  } else {
    const RunWithResults base = store.load_complete_run(baseline_name);
    compare_runs(base, run);  // refuses, naming the difference, when the runs are not comparable
    baseline = side_of(base);
  }
  GateOutcome outcome;
  outcome.run = cl.get<std::string>("run");
  outcome.baseline = baseline_name;
  outcome.checks = check_gate_rules(rules, side_of(run), baseline);
  for (const GateCheck& c : outcome.checks) {
    std::cout << (c.passed ? "PASS  " : "FAIL  ") << c.name << "\n      " << c.message << "\n";
  }
  std::size_t failed = 0;
  for (const GateCheck& c : outcome.checks) failed += !c.passed;
  std::cout << (failed ? std::to_string(failed) + " of " + std::to_string(outcome.checks.size()) + " checks failed: regression\n"
                       : "all " + std::to_string(outcome.checks.size()) + " checks passed\n");
  if (cl.has("junit")) write_file_atomically(cl.get<std::string>("junit"), gate_junit_xml(outcome));
  if (cl.has("markdown")) write_file_atomically(cl.get<std::string>("markdown"), gate_markdown(outcome));
  return failed ? kExitRegression : kExitOk;
}

}  // namespace ovbench
