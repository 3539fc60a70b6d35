#pragma once
// `ovbench eval ... --db PATH [--tag NAME]`: one scored prediction file stored as a complete
// run of kind "eval", with the inputs' absolute paths and content hashes, so that compare and
// gate see when two runs scored different files. Shared by every eval subcommand.

#include <string>
#include <utility>
#include <vector>

#include "metrics/metric_report.h"

namespace ovbench {

struct EvalRunRecord {
  std::string benchmark;  // "coco", "lvis", "flickr30k", "miou", ...
  std::string tag;
  std::vector<std::pair<std::string, std::string>> inputs;  // role -> path ("gt", "pred")
  std::string dataset;       // the result's dataset name
  std::string predictions;   // the prediction file or folder
};

// Returns the run id; prints "ovbench: stored as run N in DB" on stderr.
std::int64_t store_eval_run(const std::string& db, const EvalRunRecord& record, const MetricReport& report);

// The --tag rules: needs --db, must not read as a run id. Returns "" or the problem.
std::string eval_tag_problem(const std::string& tag, bool has_db);

}  // namespace ovbench
