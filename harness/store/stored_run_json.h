#pragma once
// Stored runs as JSON and as tables: what `ovbench runs` and `ovbench show` print, and what
// compare/report read.

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "harness/store/results_store.h"

namespace ovbench {

nlohmann::ordered_json run_json(const StoredRun& run);
// {"dataset", "benchmark", "predictions", "metrics", "groups", "per_category", "params",
//  "counts", "intervals"?, "error_analysis"?}; per_category keyed by category id, with its
//  curves.
nlohmann::ordered_json result_json(const StoredResult& result);

void print_run_header(std::ostream& out, const StoredRun& run);

}  // namespace ovbench
