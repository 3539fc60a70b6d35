#pragma once
// One `ovbench demo` per test process: its generated data, TorchScript model and cards are the
// fixtures of the predict/run/merge tests (generated, deterministic, a few seconds).

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench::testing {

struct DemoFiles {
  std::filesystem::path root, data, model, db;
  std::string demo_stdout;
};

inline const DemoFiles& demo_files() {
  static const DemoFiles files = [] {
    DemoFiles f;
    // ctest runs each test in its own process, possibly in parallel: one demo per process.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto dir = std::filesystem::temp_directory_path() / "ovbench_cli_tests" /
                     (std::string(info->test_suite_name()) + "." + info->name() + ".demo");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto r = run_ovbench({"demo", "--out", dir.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    f.root = dir / "ovbench-demo";
    f.data = f.root / "data";
    f.model = f.root / "model";
    f.db = f.root / "ovbench.db";
    f.demo_stdout = r.out;
    return f;
  }();
  return files;
}

inline nlohmann::json read_json_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

}  // namespace ovbench::testing
