// `--format table|md|csv|json` on runs/show/compare, and `ovbench report`'s usage and edges,
// through the real binary.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

const std::string kGt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_gt.json";
const std::string kDt =
    std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_results.json";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string store_two_runs(const std::filesystem::path& dir) {
  const auto db = (dir / "runs.db").string();
  std::ofstream(dir / "groups.json") << R"({"base": [1, 2], "novel": [3, 4]})";
  for (const char* tag : {"a", "b"}) {
    const auto r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--groups",
                                (dir / "groups.json").string(), "--bootstrap", "20", "--db", db,
                                "--tag", tag});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  return db;
}

TEST(FormatCli, EveryTableCommandSpeaksEveryFormat) {
  const auto dir = fresh_test_dir();
  const auto db = store_two_runs(dir);
  const auto show =
      nlohmann::ordered_json::parse(run_ovbench({"show", "a", "--db", db, "--json"}).out);
  const double ap = show["results"][0]["metrics"]["AP"].get<double>();

  auto r = run_ovbench({"runs", "--db", db, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("\r\n")),
            "id,status,suite,tag,started,dataset,metric,value");
  EXPECT_NE(r.out.find(",coco_small_gt.json,AP," + nlohmann::json(ap).dump() + "\r\n"),
            std::string::npos)
      << r.out;

  r = run_ovbench({"show", "a", "--db", db, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto tables = nlohmann::json::parse(r.out)["tables"];
  ASSERT_GE(tables.size(), 2u);
  EXPECT_EQ(tables[0]["id"], "run");
  const auto& metrics = tables[1];
  EXPECT_EQ(metrics["id"], "metrics coco_small_gt.json");
  EXPECT_EQ(metrics["rows"][0]["group"], "all");
  EXPECT_EQ(metrics["rows"][0]["AP"].get<double>(), ap);  // every digit
  EXPECT_EQ(metrics["rows"][0]["AP low"].get<double>(),
            show["results"][0]["intervals"]["metrics"]["AP"]["low"].get<double>());
  EXPECT_EQ(metrics["rows"][2]["group"], "novel");
  EXPECT_EQ(metrics["rows"][2]["AP50"].get<double>(),
            show["results"][0]["groups"]["novel"]["AP50"].get<double>());

  r = run_ovbench({"show", "a", "--db", db, "--per-category", "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("### coco\\_small\\_gt.json per category\n\n| id | name | AP |"),
            std::string::npos)
      << r.out;

  r = run_ovbench({"compare", "a", "b", "--db", db, "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("| group | metric | A | B | B - A | p | significant |"), std::string::npos)
      << r.out;
  // The same predictions twice: every difference is zero.
  EXPECT_NE(r.out.find("| all | AP | 0.0980 | 0.0980 | +0.0000 [+0.0000, +0.0000] |"),
            std::string::npos)
      << r.out;

  // --json keeps its own shape; it and a non-table --format exclude each other.
  r = run_ovbench({"runs", "--db", db, "--json"});
  EXPECT_TRUE(nlohmann::json::parse(r.out).is_array());
  r = run_ovbench({"runs", "--db", db, "--json", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give one"), std::string::npos) << r.err;
  r = run_ovbench({"show", "a", "--db", db, "--format", "html"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format must be table, md, csv or json"), std::string::npos) << r.err;
}

TEST(ReportCli, UsageEmptyStoresAndSelection) {
  const auto dir = fresh_test_dir();
  auto r = run_ovbench(
      {"report", "--db", (dir / "none.db").string(), "--out", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, 2);  // a missing store is an error, and is not created
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
  r = run_ovbench({"report", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--out report.html is required"), std::string::npos) << r.err;

  // A store that exists but holds no run (a failed evaluation stores nothing): a page saying so.
  const auto empty = (dir / "empty.db").string();
  r = run_ovbench(
      {"eval", "coco", "--gt", kGt, "--pred", (dir / "missing.json").string(), "--db", empty});
  ASSERT_EQ(r.exit_code, 2);
  r = run_ovbench({"report", "--db", empty, "--out", (dir / "empty.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(dir / "empty.html").find("id=\"empty-report\""), std::string::npos);

  const auto db = store_two_runs(dir);
  r = run_ovbench({"report", "--db", db, "--run", "b", "--out", (dir / "b.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string b = slurp(dir / "b.html");
  EXPECT_NE(b.find("id=\"run-2\""), std::string::npos);
  EXPECT_EQ(b.find("id=\"run-1\""), std::string::npos);
  r = run_ovbench({"report", "--db", db, "--run", "nope", "--out", (dir / "x.html").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "x.html"));
  r = run_ovbench({"report", "--db", db, "--suite", "lvis", "--out", (dir / "lvis.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(dir / "lvis.html").find("id=\"empty-report\""), std::string::npos);
  r = run_ovbench(
      {"report", "--db", db, "--run", "a", "--suite", "lvis", "--out", (dir / "x.html").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("which --suite leaves out"), std::string::npos) << r.err;
  r = run_ovbench({"report", "--db", db, "--baseline", "b", "--out", (dir / "ba.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(dir / "ba.html").find("<section class=\"comparison\" data-a=\"2\" data-b=\"1\">"),
            std::string::npos);
  r = run_ovbench({"report", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--baseline"), std::string::npos);
}

}  // namespace
}  // namespace ovbench
