#include "reports/leaderboard.h"

#include <algorithm>
#include <set>

#include "reports/metric_tables.h"

namespace ovbench {
namespace {

const MetricValues* group_values(const MetricReport& report, const std::string& group) {
  if (group.empty()) return &report.summary;
  for (const auto& [name, values] : report.groups)
    if (name == group) return &values;
  return nullptr;
}

const ReportResult* find_result(const ReportRun& run, const std::string& dataset) {
  for (const ReportResult& r : run.results)
    if (r.dataset == dataset) return &r;
  return nullptr;
}

}  // namespace

std::vector<HeadlineMetric> headline_metrics(const ReportResult& result) {
  const MetricReport& report = result.report;
  std::vector<std::string> summary_keys, group_keys;
  if (result.benchmark == "coco" || report.kind == "coco") {
    summary_keys = {"AP", "AP50", "AP75"};
    group_keys = {"AP50"};
  } else if (result.benchmark == "lvis" || report.kind == "lvis") {
    summary_keys = {"AP", "APr", "APc", "APf"};
    group_keys = {"AP"};
  } else {
    for (const auto& [key, value] : report.summary.items()) {
      if (summary_keys.size() < 4) summary_keys.push_back(key);
    }
  }
  std::vector<HeadlineMetric> out;
  for (const std::string& key : summary_keys) {
    if (report.summary.get(key)) out.push_back({result.dataset, "", key});
  }
  for (const auto& [group, values] : report.groups) {
    if (group_keys.empty()) {
      if (!values.items().empty())
        out.push_back({result.dataset, group, values.items().front().first});
      continue;
    }
    for (const std::string& key : group_keys) {
      if (values.get(key)) out.push_back({result.dataset, group, key});
    }
  }
  return out;
}

Table leaderboard_table(const std::string& suite, const std::vector<const ReportRun*>& runs) {
  std::vector<HeadlineMetric> metrics;
  std::set<std::string> datasets;
  for (const ReportRun* run : runs) {
    for (const ReportResult& result : run->results) {
      datasets.insert(result.dataset);
      for (const HeadlineMetric& m : headline_metrics(result)) {
        const bool seen = std::any_of(metrics.begin(), metrics.end(), [&](const HeadlineMetric& x) {
          return x.dataset == m.dataset && x.group == m.group && x.key == m.key;
        });
        if (!seen) metrics.push_back(m);
      }
    }
  }
  Table t("leaderboard-" + suite, "Leaderboard: " + suite);
  t.row_key_attribute = "data-run";
  t.add_column("run");
  t.add_column("started");
  for (const HeadlineMetric& m : metrics) {
    std::string name = m.group.empty() ? m.key : m.group + " " + m.key;
    if (datasets.size() > 1) name = m.dataset + " " + name;
    t.add_column(name, true);
  }
  for (const ReportRun* run : runs) {
    std::vector<TableCell> row;
    TableCell label = TableCell::of_text(run->label);
    label.link = "#run-" + std::to_string(run->id);
    row.push_back(label);
    row.push_back(TableCell::of_text(run->started_at));
    for (const HeadlineMetric& m : metrics) {
      const ReportResult* result = find_result(*run, m.dataset);
      const MetricValues* values = result ? group_values(result->report, m.group) : nullptr;
      const auto value = values ? values->get(m.key) : std::nullopt;
      if (!value) {
        row.push_back(TableCell::empty());
        continue;
      }
      double low = 0, high = 0;
      row.push_back(stored_interval(result->report, m.group, m.key, &low, &high)
                        ? TableCell::of_interval(*value, low, high)
                        : TableCell::of_number(*value));
    }
    t.add_row(std::move(row), std::to_string(run->id));
  }
  return t;
}

}  // namespace ovbench
