#include "metrics/metric_report.h"

#include <cmath>
#include <stdexcept>

namespace ovbench {

void MetricValues::set(const std::string& key, double value) {
  for (auto& [k, v] : values_) {
    if (k == key) {
      v = value;
      return;
    }
  }
  values_.emplace_back(key, value);
}

std::optional<double> MetricValues::get(const std::string& key) const {
  for (const auto& [k, v] : values_) {
    if (k == key) return v;
  }
  return std::nullopt;
}

double MetricValues::at(const std::string& key) const {
  if (auto v = get(key)) return *v;
  throw std::out_of_range("no metric named '" + key + "'");
}

nlohmann::ordered_json MetricValues::to_json() const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [k, v] : values_) {
    if (std::isnan(v)) {
      out[k] = nullptr;
    } else {
      out[k] = v;
    }
  }
  return out;
}

nlohmann::ordered_json groups_json(const MetricReport& report) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [name, values] : report.groups) j[name] = values.to_json();
  return j;
}

nlohmann::ordered_json per_category_json(const MetricReport& report, bool with_curves) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const CategoryResult& c : report.per_category) {
    nlohmann::ordered_json entry;
    entry["name"] = c.name;
    const nlohmann::ordered_json values = c.metrics.to_json();
    for (auto it = values.begin(); it != values.end(); ++it) entry[it.key()] = it.value();
    if (with_curves && !c.curves.empty()) {
      nlohmann::ordered_json curves = nlohmann::ordered_json::array();
      for (const PrCurve& pc : c.curves) {
        curves.push_back({{"label", pc.label}, {"recall", pc.recall}, {"precision", pc.precision}});
      }
      entry["curves"] = curves;
    }
    j[std::to_string(c.id)] = entry;
  }
  return j;
}

}  // namespace ovbench
