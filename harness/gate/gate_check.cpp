#include "harness/gate/gate_check.h"

#include <cstdio>

#include "core/errors.h"
#include "metrics/paired_bootstrap.h"

namespace ovbench {
namespace {

const nlohmann::ordered_json* find(const GateSide& side, const std::string& dataset) {
  for (const auto& [name, result] : side)
    if (name == dataset) return &result;
  for (const auto& [name, result] : side)
    if (name == "*") return &result;
  return nullptr;
}

std::optional<double> value_of(const nlohmann::ordered_json& result, const GateRule& rule) {
  const nlohmann::ordered_json* values = nullptr;
  if (rule.group.empty()) {
    if (result.contains("metrics")) values = &result["metrics"];
  } else if (result.contains("groups") && result["groups"].contains(rule.group)) {
    values = &result["groups"][rule.group];
  }
  if (!values || !values->contains(rule.metric) || !(*values)[rule.metric].is_number()) return std::nullopt;
  return (*values)[rule.metric].get<double>();
}

std::vector<double> replicates_of(const nlohmann::ordered_json& result, const GateRule& rule) {
  if (!result.contains("intervals") || result["intervals"].is_null()) return {};
  const auto& iv = result["intervals"];
  const char* section = rule.group.empty() ? "replicate_values" : "group_replicate_values";
  if (!iv.contains(section)) return {};
  const auto& values = rule.group.empty() ? iv[section] : iv[section].value(rule.group, nlohmann::ordered_json::object());
  if (!values.contains(rule.metric)) return {};
  return values[rule.metric].get<std::vector<double>>();
}

bool same_draws(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b) {
  if (!a.contains("intervals") || !b.contains("intervals") || a["intervals"].is_null() || b["intervals"].is_null()) return false;
  return a["intervals"]["seed"] == b["intervals"]["seed"] && a["intervals"]["replicates"] == b["intervals"]["replicates"];
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

}  // namespace

std::vector<GateCheck> check_gate_rules(const std::vector<GateRule>& rules, const GateSide& run,
                                        const GateSide& baseline) {
  std::vector<GateCheck> checks;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const GateRule& rule = rules[i];
    std::vector<std::string> datasets;
    if (!rule.dataset.empty()) {
      bool named = false;
      for (const auto& [name, result] : run) named |= name == rule.dataset;
      if (!named) throw InputError("gate rule " + std::to_string(i) + ": the run has no dataset '" + rule.dataset + "'");
      datasets.push_back(rule.dataset);
    } else {
      for (const auto& [name, result] : run) datasets.push_back(name);
    }
    for (const std::string& dataset : datasets) {
      const nlohmann::ordered_json& r = *find(run, dataset);
      GateCheck c;
      c.name = dataset + ": " + rule.describe();
      const auto value = value_of(r, rule);
      if (!value) {
        throw InputError("gate rule " + std::to_string(i) + ": dataset '" + dataset + "' has no metric '" +
                         (rule.group.empty() ? "" : rule.group + " ") + rule.metric + "'");
      }
      std::vector<std::string> notes;
      if (*value <= -1) {
        c.passed = false;
        notes.push_back("the run has nothing to score for it (-1)");
      }
      if (c.passed && rule.min && *value < *rule.min) {
        c.passed = false;
        notes.push_back(fmt(*value) + " is below the floor " + fmt(*rule.min));
      }
      if (c.passed && rule.max_drop) {
        const nlohmann::ordered_json* b = find(baseline, dataset);
        const auto base = b ? value_of(*b, rule) : std::nullopt;
        if (!base || *base <= -1) {
          throw InputError("gate rule " + std::to_string(i) + ": the baseline has no value of '" +
                           (rule.group.empty() ? "" : rule.group + " ") + rule.metric + "' for dataset '" + dataset + "'");
        }
        const double drop = *base - *value;
        std::string line = fmt(*value) + " vs baseline " + fmt(*base) + " (drop " + fmt(drop) + ", allowed " + fmt(*rule.max_drop) + ")";
        if (drop > *rule.max_drop) {
          c.passed = false;
          if (rule.unless_within_interval) {
            const auto rr = replicates_of(r, rule), rb = replicates_of(*b, rule);
            if (same_draws(r, *b) && !rr.empty() && rr.size() == rb.size()) {
              const PairedDifference d = paired_difference(*base, *value, rb, rr);
              line += "; paired 95% interval of the change [" + fmt(d.low) + ", " + fmt(d.high) + "]";
              if (d.high >= 0) {
                c.passed = true;
                line += " reaches 0: within noise";
              } else {
                line += " excludes 0";
              }
            } else {
              line += "; no paired interval (evaluate both with --bootstrap N and the same --seed)";
            }
          }
        }
        notes.push_back(line);
      }
      if (notes.empty()) notes.push_back(fmt(*value) + " meets the floor");
      for (std::size_t n = 0; n < notes.size(); ++n) c.message += (n ? "; " : "") + notes[n];
      checks.push_back(std::move(c));
    }
  }
  return checks;
}

}  // namespace ovbench
