#pragma once
// What a suite reads from disk, and whether it is there: the preflight that `ovbench suites
// --data-root` shows and `ovbench run` requires before any inference.

#include <filesystem>
#include <string>
#include <vector>

#include "datasets/odinw_tasks.h"
#include "harness/suites/suite.h"

namespace ovbench {

struct RequiredInput {
  std::string dataset;     // the suite dataset that reads it
  std::string role;        // what it is: "gt", "images", "annotations", "Aquarium gt (val)", ...
  std::string path;        // relative to the data root ('/'-separated)
  bool directory = false;  // a folder, not a file
  bool present = false;    // found, as the right kind, under the data root (false unchecked)
};

// Every file and folder the datasets read, in suite order, unchecked.
std::vector<RequiredInput> suite_inputs(const Suite& suite);
// The same, each checked under `data_root`.
std::vector<RequiredInput> check_suite_inputs(const Suite& suite,
                                              const std::filesystem::path& data_root);
// Preflight: throws InputError naming the suite, the data root and every missing input.
void require_suite_inputs(const Suite& suite, const std::filesystem::path& data_root);

// The split an ODinW task is scored on: the suite's, or with "auto" GLIP's DATASETS.TEST for a
// zero-shot run and "test" for a k-shot one (GLIP reports few-shot numbers on test).
std::string odinw_split_of(const OdinwSuiteProtocol& protocol, const OdinwTask& task);

}  // namespace ovbench
