#include "harness/gate/gate_rules.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "core/errors.h"
#include "core/file_reader.h"

namespace ovbench {

std::string GateRule::describe() const {
  std::string s = (group.empty() ? "" : group + " ") + metric + ":";
  char buf[64];
  if (min) {
    std::snprintf(buf, sizeof buf, " >= %.4g", *min);
    s += buf;
  }
  if (max_drop) {
    std::snprintf(buf, sizeof buf, "%s drop <= %.4g", min ? "," : "", *max_drop);
    s += buf;
    if (unless_within_interval) s += " unless within the 95% interval";
  }
  return s;
}

std::vector<GateRule> parse_gate_rules(const std::string& text, const std::string& name) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(name + ": not valid JSON at byte " + std::to_string(e.byte));
  }
  if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array() || doc["rules"].empty()) {
    throw InputError(name + ": expected {\"rules\": [{\"metric\": ..., \"max_drop\"|\"min\": ...}, ...]}");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "rules") throw InputError(describe_location(name, -1, key) + ": unknown field (only \"rules\")");
  }
  std::vector<GateRule> rules;
  for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
    const auto& r = doc["rules"][i];
    const long long rec = static_cast<long long>(i);
    auto bad = [&](const std::string& field, const std::string& why) {
      throw InputError(describe_location(name + " rules", rec, field) + ": " + why);
    };
    if (!r.is_object()) bad("", "expected an object");
    GateRule g;
    for (const auto& [key, value] : r.items()) {
      if (key == "metric" || key == "group" || key == "dataset") {
        if (!value.is_string() || value.get<std::string>().empty()) bad(key, "expected a non-empty string");
        (key == "metric" ? g.metric : key == "group" ? g.group : g.dataset) = value.get<std::string>();
      } else if (key == "max_drop" || key == "min") {
        if (!value.is_number()) bad(key, "expected a number (a fraction: 0.005 is half a point)");
        const double v = value.get<double>();
        if (!(v >= 0 && v <= 1)) bad(key, "expected a fraction in [0, 1], found " + value.dump());
        (key == "max_drop" ? g.max_drop : g.min) = v;
      } else if (key == "unless_within_interval") {
        if (!value.is_boolean()) bad(key, "expected true or false");
        g.unless_within_interval = value.get<bool>();
      } else {
        bad(key, "unknown field (metric, group, dataset, max_drop, min, unless_within_interval)");
      }
    }
    if (g.metric.empty()) bad("metric", "missing");
    if (!g.max_drop && !g.min) bad("max_drop", "a rule needs max_drop, min or both");
    if (g.unless_within_interval && !g.max_drop) bad("unless_within_interval", "only applies to max_drop");
    rules.push_back(std::move(g));
  }
  return rules;
}

std::vector<GateRule> read_gate_rules(const std::string& path) { return parse_gate_rules(read_file(path), path); }

}  // namespace ovbench
