#include "metrics/detection_intervals.h"

namespace ovbench {
namespace {

nlohmann::ordered_json interval_json(const PercentileInterval& i) {
  return {{"low", i.low}, {"high", i.high}, {"se", i.se}};
}

}  // namespace

nlohmann::ordered_json bootstrap_intervals(const std::vector<CategoryMatches>& matches,
                                           std::size_t num_images, const EvalRules& rules,
                                           const BootstrapTargets& targets,
                                           const BootstrapOptions& options, double confidence) {
  const BootstrapCategoryAp b = bootstrap_category_ap(matches, num_images, rules, options);
  auto replicate_values = [&](const BootstrapMetric& m) {
    std::vector<double> v(b.replicates);
    for (std::size_t r = 0; r < b.replicates; ++r) v[r] = bootstrap_mean_ap(b, r, m.threshold, m.categories);
    return v;
  };
  nlohmann::ordered_json out;
  out["method"] = "image-level bootstrap, re-centred percentile";
  out["replicates"] = options.replicates;
  out["seed"] = options.seed;
  out["confidence"] = confidence;
  out["metrics"] = nlohmann::ordered_json::object();
  out["replicate_values"] = nlohmann::ordered_json::object();
  for (const BootstrapMetric& m : targets.summary) {
    const auto values = replicate_values(m);
    out["metrics"][m.key] = interval_json(percentile_interval(values, confidence, m.estimate));
    out["replicate_values"][m.key] = values;
  }
  out["groups"] = nlohmann::ordered_json::object();
  out["group_replicate_values"] = nlohmann::ordered_json::object();
  for (const auto& [name, metrics] : targets.groups) {
    nlohmann::ordered_json g = nlohmann::ordered_json::object(), values = nlohmann::ordered_json::object();
    for (const BootstrapMetric& m : metrics) {
      const auto v = replicate_values(m);
      g[m.key] = interval_json(percentile_interval(v, confidence, m.estimate));
      values[m.key] = v;
    }
    out["groups"][name] = g;
    out["group_replicate_values"][name] = values;
  }
  return out;
}

}  // namespace ovbench
