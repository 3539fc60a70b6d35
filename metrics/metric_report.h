#pragma once
// What every evaluator returns and what the results store keeps and the reports draw.
// Values are fractions in [0, 1]; -1 where the reference tool reports -1 (nothing to score).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ovbench {

// Named values in a fixed, meaningful order ("AP", "AP50", ...), which a std::map would lose.
class MetricValues {
 public:
  void set(const std::string& key, double value);
  std::optional<double> get(const std::string& key) const;
  double at(const std::string& key) const;  // throws std::out_of_range naming the key
  bool empty() const { return values_.empty(); }
  const std::vector<std::pair<std::string, double>>& items() const { return values_; }
  nlohmann::ordered_json to_json() const;  // -1 stays -1; NaN becomes null

 private:
  std::vector<std::pair<std::string, double>> values_;
};

// An interpolated precision curve at fixed recall thresholds (COCO: 101 points).
struct PrCurve {
  std::string label;                 // e.g. "IoU=0.50 area=all maxDets=100"
  std::vector<double> recall;        // thresholds
  std::vector<double> precision;     // same length; -1 where undefined
};

struct CategoryResult {
  std::int64_t id = 0;
  std::string name;
  MetricValues metrics;
  std::vector<PrCurve> curves;
};

struct MetricReport {
  std::string kind;                  // "coco", "lvis", "flickr30k", "miou", "odinw", ...
  MetricValues summary;              // "AP", "AP50", ..., "mIoU", "R@1", ...
  std::vector<std::pair<std::string, MetricValues>> groups;  // "novel" -> {"AP50": ...}
  std::vector<CategoryResult> per_category;
  nlohmann::ordered_json params;     // every protocol parameter used, for provenance
  nlohmann::ordered_json counts;     // images, gt, detections loaded/kept, ...
  // Bootstrap confidence intervals when asked for (metrics/detection_intervals.h), else null.
  nlohmann::ordered_json intervals;
  // TIDE error analysis and novel/base confusion when asked for (--errors;
  // metrics/detection_errors.h error_analysis_json), else null.
  nlohmann::ordered_json error_analysis;
  std::vector<std::string> warnings;  // said once on stderr by the command (dropped input, ...)
  // Seconds per phase of the evaluation, in order (--verbose and bench/ print them).
  std::vector<std::pair<std::string, double>> phase_seconds;
};

// {group: {key: value}} and {category id: {"name", key: value, ..., "curves"?}} as every
// report and stored run writes them (JSON keys are strings, so ids are too).
nlohmann::ordered_json groups_json(const MetricReport& report);
nlohmann::ordered_json per_category_json(const MetricReport& report, bool with_curves);

}  // namespace ovbench
