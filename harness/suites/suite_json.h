#pragma once
// A loaded suite written back in the schema of docs/suites.md with every default spelled out:
// what `ovbench suites --json` prints and what a stored run keeps as its protocol. Reading the
// output back with suite_from_json gives the same suite.

#include <nlohmann/json.hpp>
#include <string>

#include "harness/suites/suite.h"

namespace ovbench {

std::string suite_task_name(SuiteTask task);                 // "detect", "ground", "segment"
std::string suite_evaluator_name(SuiteEvaluator evaluator);  // "coco", "lvis", ...

nlohmann::ordered_json suite_dataset_to_json(const SuiteDataset& dataset);
nlohmann::ordered_json suite_to_json(const Suite& suite);

}  // namespace ovbench
