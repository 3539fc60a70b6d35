#pragma once
// What built this binary: recorded with every stored run for provenance.

#include <string>

namespace ovbench {

std::string ovbench_version();     // "0.1.0"
std::string ovbench_git_commit();  // full hash, "-dirty" when built from a modified tree
std::string compiler_description();

}  // namespace ovbench
