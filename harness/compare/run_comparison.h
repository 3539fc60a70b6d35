#pragma once
// `ovbench compare`: is run B better than run A, or is the difference noise? Per dataset, per
// metric and per group: B - A with a paired bootstrap interval and p-value (both runs must have
// been bootstrapped with the same seed and replicate count on the same ground truth, so their
// replicates saw the same images), and the categories that gained or lost most.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/store/results_store.h"

namespace ovbench {

// Throws InputError naming the first difference that makes the runs incomparable: a dataset in
// one run only, a different benchmark, ground truth (by content hash) or protocol parameters.
// {"a": id, "b": id, "datasets": [{"dataset", "paired": bool, "note"?, "metrics": {key: {"a",
//  "b", "diff", "low", "high", "p_value"}}, "groups": {name: {key: {...}}}, "per_category":
//  {"improved": [...], "regressed": [...]}}]}
nlohmann::ordered_json compare_runs(const RunWithResults& a, const RunWithResults& b,
                                    int top_categories = 5);

// The comparison as tables (any --format): reports/comparison_tables.h comparison_document.

}  // namespace ovbench
