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

}  // namespace ovbench
