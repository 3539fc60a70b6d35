#pragma once
// Applies gate rules to a run against a baseline. Both sides are lists of (dataset, result
// JSON) in the shape of `ovbench show --json`'s "results" entries: {"metrics", "groups",
// "intervals"?}. A dataset named "*" (a baseline from an `ovbench eval --json` file) stands
// for every dataset.

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "harness/gate/gate_rules.h"
#include "reports/gate_report.h"

namespace ovbench {

using GateSide = std::vector<std::pair<std::string, nlohmann::ordered_json>>;

// Rules naming a metric, group or dataset the run does not have are bad input (InputError):
// a typo must not pass silently.
std::vector<GateCheck> check_gate_rules(const std::vector<GateRule>& rules, const GateSide& run,
                                        const GateSide& baseline);

}  // namespace ovbench
