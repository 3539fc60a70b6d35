#pragma once
// What the HTML report is drawn from: plain structs the `report` command fills from the results
// store (harness/commands/report_command.cpp), so that reports/ needs neither SQLite nor torch.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "metrics/metric_report.h"

namespace ovbench {

struct ReportResult {
  std::string dataset, benchmark, predictions;
  MetricReport report;  // summary, groups, per category with curves, intervals
  // Optional error analysis of a detection run, drawn when it is an object:
  // {"tide": {"dAP": {"cls", "loc", "both", "dupe", "bkg", "miss"}, "counts": {same keys}},
  //  "novel_base_confusion": {"novel_gt", "detected_as_base", "pairs": [{"novel", "base",
  //  "count"}]}}. The report command takes it from the stored result's JSON ("error_analysis")
  // when the store has one; nothing here computes it.
  nlohmann::ordered_json error_analysis;
};

struct ReportRun {
  std::int64_t id = 0;
  std::string label;  // the tag, or "run N" for an untagged run
  std::string suite, kind, status, started_at;
  std::vector<std::pair<std::string, std::string>> provenance;  // field -> text, in display order
  std::vector<ReportResult> results;
};

// B against its baseline A, as harness/compare/run_comparison.h's compare_runs gives it.
struct ReportComparison {
  std::int64_t a = 0, b = 0;
  nlohmann::ordered_json comparison;  // compare_runs' JSON; null when the runs were refused
  std::string refusal;                // why they cannot be compared, when refused
};

struct ReportInput {
  std::string title = "ovbench report";
  std::string source;           // the results store it was read from
  std::string generated_at;     // ISO 8601 UTC
  std::vector<ReportRun> runs;  // oldest first
  std::vector<ReportComparison> comparisons;
  std::vector<std::string> notes;  // said at the top (runs left out, filters)
};

}  // namespace ovbench
