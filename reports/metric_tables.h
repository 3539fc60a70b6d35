#pragma once
// The tables of one evaluation result, shared by `ovbench show` (any --format) and the HTML
// report: the summary with its category-group breakdown, LVIS's rare/common/frequent split, and
// the per-category metrics.

#include <string>

#include "metrics/metric_report.h"
#include "reports/table_model.h"

namespace ovbench {

// Rows "all" (the summary) and one per stored group ("base", "novel", ...; data-group on each
// row), columns "group" then the summary's keys (and any key only a group has); bootstrap
// intervals in the cells where the report stored them.
Table metric_breakdown_table(const MetricReport& report, const std::string& id,
                             const std::string& title);

// LVIS's APr/APc/APf as rows "rare (APr)", "common (APc)", "frequent (APf)" with intervals;
// only when the summary has all three.
bool has_frequency_split(const MetricReport& report);
Table frequency_split_table(const MetricReport& report, const std::string& id,
                            const std::string& title);

// Columns id, name and every per-category metric key (first seen first); data-category on rows.
Table category_metrics_table(const MetricReport& report, const std::string& id,
                             const std::string& title, bool mark_best);

// The stored interval of a summary (group "") or group metric, if any.
bool stored_interval(const MetricReport& report, const std::string& group, const std::string& key,
                     double* low, double* high);

}  // namespace ovbench
