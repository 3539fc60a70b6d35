#pragma once
// `ovbench report`: one self-contained HTML page (inline CSS, inline script, inline SVG; no
// network needed to view it) with a leaderboard per suite, a section per run (provenance,
// per-dataset metrics with group and frequency breakdowns, per-category tables, PR curves and
// per-category AP bars) and comparisons of runs on the same ground truth. docs/report.md
// describes the page and the hooks its markup gives to scripts and tests.

#include <string>

#include "reports/report_model.h"

namespace ovbench {

// The whole page. With no runs it is a page that says so (id="empty-report").
std::string render_html_report(const ReportInput& input);

// How many categories get their own PR curve and every bar in the AP chart; beyond this the
// curves show only the mean over categories and the bars the best and worst halves.
inline constexpr std::size_t kMaxCategoriesDrawn = 10;
inline constexpr std::size_t kMaxBarsDrawn = 40;

// The PR curve drawn for "mean over categories": at each recall threshold the mean precision of
// the categories whose precision is defined there (>= 0), -1 where none is. Its area is the
// AP of that curve's IoU threshold over categories.
std::vector<double> mean_precision_curve(const MetricReport& report, const std::string& curve_label,
                                         std::vector<double>* recall);

}  // namespace ovbench
