#pragma once
// Regression rules for `ovbench gate`, in the spirit of detectron2's verify_results: floors and
// allowed drops per metric, optionally forgiven when the drop is within bootstrap noise.
//
//   {"rules": [
//     {"metric": "AP50", "group": "novel", "max_drop": 0.005, "unless_within_interval": true},
//     {"metric": "AP", "min": 0.30},
//     {"metric": "APr", "dataset": "lvis_v1_val.json", "max_drop": 0.01}]}
//
// Values are fractions like every ovbench number (0.005 is half an AP point).

#include <optional>
#include <string>
#include <vector>

namespace ovbench {

struct GateRule {
  std::string metric;
  std::string group;    // "" for the overall numbers
  std::string dataset;  // "" for every dataset of the run
  std::optional<double> max_drop;  // baseline - run may not exceed this
  std::optional<double> min;       // run may not fall below this
  bool unless_within_interval = false;  // forgive a drop whose paired 95% interval reaches 0
  std::string describe() const;         // "novel AP50: drop <= 0.005 unless within interval"
};

// Throws InputError naming the file, rule index and field on any problem.
std::vector<GateRule> read_gate_rules(const std::string& path);
std::vector<GateRule> parse_gate_rules(const std::string& text, const std::string& name);

}  // namespace ovbench
