#pragma once
// What `ovbench eval coco|lvis` print and write: the reference tools' summary lines, the
// group and per-category tables, and the --json object.

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "metrics/metric_report.h"

namespace ovbench {

// pycocotools COCOeval.summarize() lines, e.g.
// " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.372".
void print_coco_summary(std::ostream& out, const MetricValues& metrics);
// lvis-api LVISEval.print_results() lines ("... maxDets=300 catIds=all] = 0.264").
void print_lvis_summary(std::ostream& out, const MetricValues& metrics, int max_dets);

// "AP      0.4013  [0.3952, 0.4071]  se 0.0031" per bootstrapped metric.
void print_intervals(std::ostream& out, const MetricReport& report);

// The "error_analysis" object (metrics/detection_errors.h) as two short tables: TIDE's dAP and
// count per error type, and the novel/base confusion with its top `pairs` pairs.
void print_error_analysis(std::ostream& out, const nlohmann::ordered_json& error_analysis,
                          std::size_t pairs = 5);

// One row per group, one column per metric.
void print_group_table(std::ostream& out, const MetricReport& report);
// One row per category: id, name, its metrics.
void print_category_table(std::ostream& out, const MetricReport& report);

// {"benchmark", "gt", "pred", "metrics", "groups", "per_category", "params", "counts",
//  "intervals"?, "error_analysis"?, "warnings"}; per_category keyed by category id (as a string: JSON keys are strings).
nlohmann::ordered_json detection_report_json(const MetricReport& report, const std::string& gt,
                                             const std::string& pred);

}  // namespace ovbench
