#pragma once
// `ovbench compare`'s result (harness/compare/run_comparison.h compare_runs' JSON) as tables:
// what `compare` prints in any --format and what the HTML report's comparison view shows.

#include <nlohmann/json.hpp>
#include <string>

#include "reports/table_model.h"

namespace ovbench {

// One dataset of a comparison: rows (group, metric) with A, B, "B - A" (with the paired 95%
// interval when there is one), p and "significant" ("better"/"worse" at p < 0.05, "no", or
// empty when unpaired); metrics nothing scored in either run (-1 both) are left out. The
// dataset's note (why there are no intervals) becomes the table's note.
// With only_paired, a paired dataset's table keeps only the metrics that have an interval.
Table comparison_difference_table(const nlohmann::ordered_json& dataset, const std::string& id,
                                  bool only_paired = false);
// The categories that gained and lost most AP: change ("improved"/"regressed"), id, category, A,
// B, B - A.
Table comparison_category_table(const nlohmann::ordered_json& dataset, const std::string& id);

// Both tables of every dataset, titled "run B (B) vs run A (A): B - A".
TableDocument comparison_document(const nlohmann::ordered_json& comparison);

}  // namespace ovbench
