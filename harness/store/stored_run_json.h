#pragma once
// Stored runs as JSON: what `ovbench runs --json` and `ovbench show --json` print (the tables
// are in harness/store/stored_run_tables.h).

#include <nlohmann/json.hpp>
#include <vector>

#include "harness/store/results_store.h"

namespace ovbench {

nlohmann::ordered_json run_json(const StoredRun& run);
// {"dataset", "benchmark", "predictions", "metrics", "groups", "per_category", "params",
//  "counts", "intervals"?, "error_analysis"?}; per_category keyed by category id, with its
//  curves.
nlohmann::ordered_json result_json(const StoredResult& result);

}  // namespace ovbench
