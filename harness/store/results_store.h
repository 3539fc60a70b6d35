#pragma once
// The results store: every evaluation, with its provenance, in one SQLite file that several
// processes may write at once (WAL, IMMEDIATE transactions, a busy timeout). Schema versions
// are migrated forward on open (PRAGMA user_version). A run's results are written in one
// transaction each and the run is marked "complete" only at the end, so an interrupted run is
// never mistaken for a finished one: it stays "running" (or "failed") with whatever datasets
// completed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/store/sqlite_db.h"
#include "metrics/metric_report.h"

namespace ovbench {

// What produced a run. Free-form JSON fields keep the schema stable as adapters grow.
struct RunProvenance {
  std::string kind;   // "eval" (scored prediction files) or "run" (inference + scoring)
  std::string suite;  // suite name; for eval, the benchmark ("coco", "lvis", ...)
  std::string tag;    // --tag, "" for none
  std::string model_card;       // path, "" for eval
  std::string model_card_hash;  // content hash of the card, "" for eval
  nlohmann::ordered_json checkpoint_hashes = nlohmann::ordered_json::object();
  nlohmann::ordered_json params = nlohmann::ordered_json::object();  // protocol parameters
  nlohmann::ordered_json inputs = nlohmann::ordered_json::object();  // files and their hashes
  std::string device = "cpu";
  std::string libtorch_version, cuda_version;  // "" when not involved
};

struct StoredRun {
  std::int64_t id = 0;
  RunProvenance provenance;
  std::string ovbench_version, git_commit, host;
  std::string started_at, finished_at;  // ISO 8601 UTC; finished_at "" while running
  std::string status;                   // "running", "complete", "failed"
};

struct StoredResult {
  std::string dataset;
  std::string benchmark;
  MetricReport report;  // summary, groups, per_category (with curves), params, counts,
                        // intervals, error_analysis
  std::string predictions_path;
};

struct RunWithResults {
  StoredRun run;
  std::vector<StoredResult> results;
};

struct RunFilter {
  std::string suite, tag;
  std::string status;  // "" for any
};

class ResultsStore {
 public:
  explicit ResultsStore(const std::string& path);
  // For reading commands, which must not create a store: a mistyped path is an InputError.
  static ResultsStore open_existing(const std::string& path);

  // The schema version this build writes; older stores are migrated on open, newer ones are
  // refused (an older ovbench must not write a store it does not understand).
  static int schema_version();

  std::int64_t begin_run(const RunProvenance& provenance);
  // One dataset's results, atomically. Throws if the run is not "running".
  void add_result(std::int64_t run, const StoredResult& result);
  void finish_run(std::int64_t run, bool ok);

  // A whole run with one dataset in one transaction: what `ovbench eval --db` does.
  std::int64_t store_complete_run(const RunProvenance& provenance, const StoredResult& result);

  std::vector<StoredRun> list_runs(const RunFilter& filter);
  // A run by id ("12") or by tag (the latest run with that tag). nullopt if none.
  std::optional<StoredRun> find_run(const std::string& id_or_tag);
  std::vector<StoredResult> load_results(std::int64_t run);
  // A run (id or tag) with its results; InputError naming the store when it does not exist or
  // is not complete (compare and gate never read half-written runs).
  RunWithResults load_complete_run(const std::string& id_or_tag);

  SqliteDb& db() { return db_; }

 private:
  void migrate();
  std::int64_t insert_run(const RunProvenance& provenance, const std::string& status);
  void insert_result(std::int64_t run, const StoredResult& result);
  StoredRun read_run(Statement& s);
  SqliteDb db_;
};

// "2026-12-06T18:30:00Z"
std::string utc_timestamp_now();

}  // namespace ovbench
