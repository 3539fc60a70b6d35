#pragma once
// `ovbench run` and `ovbench merge`: a suite against a model card. Preflight first (suite,
// card, data root, device: nothing is written before all pass), then each dataset the card's
// adapter can do is predicted through the prediction journal (resumable, shardable), and once
// every dataset has all its images — in this process or, sharded, in whichever shard finishes
// last, or in `ovbench merge` — the predictions are assembled in dataset order, scored exactly
// as `ovbench eval` scores the same files, and stored as one run (one transaction per dataset;
// the run is marked complete only at the end).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/run/shard_spec.h"
#include "models/runtime/device_spec.h"

namespace ovbench {

struct SuiteRunOptions {
  std::string suite;          // name or path
  std::filesystem::path model_card;
  std::filesystem::path data_root = ".";
  std::filesystem::path db = "ovbench.db";
  std::filesystem::path work_dir;  // default: <db directory>/ovbench-work
  std::filesystem::path text_cache;
  DeviceSpec device;
  ShardSpec shard;
  long long limit = 0;
  std::string tag;
  std::vector<std::string> datasets;  // only these (all when empty)
  bool skip_bad_images = false;
  int threads = 0;
  bool predict = true;  // false: `ovbench merge` (score and store what the shards wrote)
};

struct SuiteRunOutcome {
  std::optional<std::int64_t> stored_run;  // set when this process stored the run
  std::string summary;                     // the table printed at the end
};

SuiteRunOutcome run_suite(const SuiteRunOptions& options);

}  // namespace ovbench
