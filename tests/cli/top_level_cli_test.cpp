// The executable's outer contract: help, version, usage errors and their exit codes.

#include <gtest/gtest.h>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::run_ovbench;

TEST(TopLevelCli, HelpListsCommandsAndExitsZero) {
  const auto r = run_ovbench({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("usage: ovbench <command>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("eval"), std::string::npos) << r.out;
}

TEST(TopLevelCli, NoArgumentsPrintsHelpToStderrAndExitsTwo) {
  const auto r = run_ovbench({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: ovbench"), std::string::npos) << r.err;
}

TEST(TopLevelCli, UnknownCommandIsAUsageError) {
  const auto r = run_ovbench({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'frobnicate' is not a command"), std::string::npos) << r.err;
}

TEST(TopLevelCli, VersionNamesTheCommit) {
  const auto r = run_ovbench({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("ovbench 0.", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("("), std::string::npos);
}

TEST(TopLevelCli, EvalHelpExitsZero) {
  const auto r = run_ovbench({"eval", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("usage: ovbench eval"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ovbench
