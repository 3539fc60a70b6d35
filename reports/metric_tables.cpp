#include "reports/metric_tables.h"

#include <algorithm>

namespace ovbench {

bool stored_interval(const MetricReport& report, const std::string& group, const std::string& key,
                     double* low, double* high) {
  const auto& iv = report.intervals;
  if (!iv.is_object()) return false;
  const nlohmann::ordered_json* metrics = nullptr;
  if (group.empty()) {
    if (iv.contains("metrics")) metrics = &iv["metrics"];
  } else if (iv.contains("groups") && iv["groups"].contains(group)) {
    metrics = &iv["groups"][group];
  }
  if (!metrics || !metrics->contains(key)) return false;
  const auto& m = (*metrics)[key];
  if (!m.contains("low") || !m.contains("high") || !m["low"].is_number() || !m["high"].is_number())
    return false;
  *low = m["low"].get<double>();
  *high = m["high"].get<double>();
  return true;
}

Table metric_breakdown_table(const MetricReport& report, const std::string& id,
                             const std::string& title) {
  std::vector<std::string> keys;
  for (const auto& [key, v] : report.summary.items()) keys.push_back(key);
  for (const auto& [group, values] : report.groups)
    for (const auto& [key, v] : values.items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  Table t(id, title);
  t.row_key_attribute = "data-group";
  t.add_column("group");
  for (const std::string& key : keys) t.add_column(key);
  auto add = [&](const std::string& group, const MetricValues& values) {
    std::vector<TableCell> row{TableCell::of_text(group.empty() ? "all" : group)};
    for (const std::string& key : keys) {
      const auto v = values.get(key);
      double low = 0, high = 0;
      if (!v) {
        row.push_back(TableCell::empty());
      } else if (stored_interval(report, group, key, &low, &high)) {
        row.push_back(TableCell::of_interval(*v, low, high));
      } else {
        row.push_back(TableCell::of_number(*v));
      }
    }
    t.add_row(std::move(row), group.empty() ? "all" : group);
  };
  add("", report.summary);
  for (const auto& [group, values] : report.groups) add(group, values);
  return t;
}

bool has_frequency_split(const MetricReport& report) {
  return report.summary.get("APr") && report.summary.get("APc") && report.summary.get("APf");
}

Table frequency_split_table(const MetricReport& report, const std::string& id,
                            const std::string& title) {
  Table t(id, title);
  t.row_key_attribute = "data-frequency";
  t.add_column("frequency");
  t.add_column("AP");
  for (const auto& [name, key] :
       {std::pair{"rare", "APr"}, std::pair{"common", "APc"}, std::pair{"frequent", "APf"}}) {
    const double v = report.summary.at(key);
    double low = 0, high = 0;
    t.add_row({TableCell::of_text(std::string(name) + " (" + key + ")"),
               stored_interval(report, "", key, &low, &high) ? TableCell::of_interval(v, low, high)
                                                             : TableCell::of_number(v)},
              key);
  }
  return t;
}

Table category_metrics_table(const MetricReport& report, const std::string& id,
                             const std::string& title, bool mark_best) {
  std::vector<std::string> keys;
  for (const CategoryResult& c : report.per_category)
    for (const auto& [key, v] : c.metrics.items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  Table t(id, title);
  t.row_key_attribute = "data-category";
  t.add_column("id");
  t.add_column("name");
  for (const std::string& key : keys) t.add_column(key, mark_best);
  for (const CategoryResult& c : report.per_category) {
    std::vector<TableCell> row{TableCell::of_integer(c.id), TableCell::of_text(c.name)};
    for (const std::string& key : keys) {
      const auto v = c.metrics.get(key);
      row.push_back(v ? TableCell::of_number(*v) : TableCell::empty());
    }
    t.add_row(std::move(row), std::to_string(c.id));
  }
  return t;
}

}  // namespace ovbench
