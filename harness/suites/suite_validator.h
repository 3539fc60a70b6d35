#pragma once
// The suite schema (docs/suites.md), checked strictly: an unknown key, a wrong type, a missing
// field, a value outside its set or a combination that cannot be scored (a task the evaluator
// does not score, a headline metric the evaluator does not report, a group the dataset has no
// groups for) is an InputError naming the file and the JSON path.

#include <nlohmann/json.hpp>
#include <string>

#include "harness/suites/suite.h"

namespace ovbench {

// `file` names the document in messages ("suites/ov-coco.json"). Fills every optional field
// with its default; leaves Suite::source, embedded and content_hash to the caller.
Suite suite_from_json(const nlohmann::ordered_json& doc, const std::string& file);

// The metric keys a headline may name for an evaluator (summary and group metrics alike):
// coco and lvis their evaluators' summary keys; flickr30k R@1, R@5, R@10, upper_bound; miou
// mIoU, aAcc, mAcc; odinw AP, AP50 (means over tasks), and with shots std_AP, std_AP50.
std::vector<std::string> headline_metric_keys(SuiteEvaluator evaluator, bool few_shot);

// The groups a category-group source produces: base/novel/all or rare/common/frequent.
std::vector<std::string> category_group_names(GroupSource source);

}  // namespace ovbench
