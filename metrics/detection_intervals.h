#pragma once
// Confidence intervals for the AP-type numbers of a COCO/LVIS report ("intervals" in the JSON
// and the store): image-level bootstrap (metrics/detection_bootstrap.h) of AP, AP50, AP75 and,
// for LVIS, APr/APc/APf, overall and per category group.

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "metrics/detection_bootstrap.h"

namespace ovbench {

// One bootstrapped number: its key, the IoU threshold index (-1: all), its categories, and its
// value on the full data (the interval's centre).
struct BootstrapMetric {
  std::string key;
  int threshold = -1;
  std::vector<std::size_t> categories;
  double estimate = -1;
};

struct BootstrapTargets {
  std::vector<BootstrapMetric> summary;
  std::vector<std::pair<std::string, std::vector<BootstrapMetric>>> groups;
};

// {"method", "replicates", "seed", "confidence", "metrics": {key: {"low", "high", "se"}},
//  "groups": {name: {key: {...}}}, "replicate_values": {key: [...]},
//  "group_replicate_values": {name: {key: [...]}}} — the replicate values are kept so that two
// runs bootstrapped with the same seed on the same images can be compared pairwise.
nlohmann::ordered_json bootstrap_intervals(const std::vector<CategoryMatches>& matches,
                                           std::size_t num_images, const EvalRules& rules,
                                           const BootstrapTargets& targets,
                                           const BootstrapOptions& options, double confidence = 0.95);

}  // namespace ovbench
