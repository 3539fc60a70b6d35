#include "harness/store/eval_run_storage.h"

#include <filesystem>
#include <iostream>

#include "core/content_hash.h"
#include "harness/store/results_store.h"

namespace ovbench {

std::int64_t store_eval_run(const std::string& db, const EvalRunRecord& record, const MetricReport& report) {
  RunProvenance run;
  run.kind = "eval";
  run.suite = record.benchmark;
  run.tag = record.tag;
  run.params = report.params;
  for (const auto& [role, path] : record.inputs) {
    // A directory (label maps, a Flickr tree) is recorded by path; files also by content hash.
    nlohmann::ordered_json input{{"path", std::filesystem::absolute(path).string()}};
    if (std::filesystem::is_regular_file(path)) input["hash"] = file_content_hash(path);
    run.inputs[role] = input;
  }
  StoredResult result;
  result.dataset = record.dataset;
  result.benchmark = record.benchmark;
  result.report = report;
  result.predictions_path = record.predictions;
  ResultsStore store(db);
  const std::int64_t id = store.store_complete_run(run, result);
  std::cerr << "ovbench: stored as run " << id << " in " << db << "\n";
  return id;
}

std::string eval_tag_problem(const std::string& tag, bool has_db) {
  if (tag.empty()) return "";
  if (!has_db) return "--tag names a stored run: it needs --db PATH";
  if (tag.find_first_not_of("0123456789") == std::string::npos)
    return "--tag must not be a number ('" + tag + "' would read as a run id)";
  return "";
}

}  // namespace ovbench
