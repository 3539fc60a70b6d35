#pragma once
// The leaderboard of one suite: a row per run, a column per headline metric of each dataset,
// with bootstrap intervals where stored and the best value of each column marked.

#include <string>
#include <vector>

#include "reports/report_model.h"
#include "reports/table_model.h"

namespace ovbench {

// A leaderboard column: a summary metric (group "") or a group's metric of one dataset.
struct HeadlineMetric {
  std::string dataset, group, key;
};

// The numbers a benchmark is ranked by: COCO AP, AP50, AP75 and each group's AP50 (OV-COCO's
// novel AP50); LVIS AP, APr, APc, APf and each group's AP; otherwise the first four summary
// metrics and each group's first. Only those the report has.
std::vector<HeadlineMetric> headline_metrics(const ReportResult& result);

// The suite's runs (in the order given) against the union of their headline metrics (first
// seen first). Column 0 is the run (linked to its section, "data-run" on each row), column 1
// its start time; metrics follow, marked best-per-column. Column names are the metric ("AP",
// "novel AP50"), prefixed with the dataset when the suite has several ("val.json AP").
Table leaderboard_table(const std::string& suite, const std::vector<const ReportRun*>& runs);

// The index of the leaderboard's first metric column (what the page sorts by on load).
inline constexpr int kLeaderboardFirstMetricColumn = 2;

}  // namespace ovbench
