#pragma once
// Runs the real `ovbench` binary (the one this build made) and captures what a user
// would see: exit code, stdout and stderr.

#include <filesystem>
#include <string>
#include <vector>

namespace ovbench::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CliResult run_ovbench(const std::vector<std::string>& args, const std::string& stdin_text = "");

// A fresh, empty directory for one test (removed at the start of the next run, kept for
// inspection after a failure).
std::filesystem::path fresh_test_dir();

}  // namespace ovbench::testing
