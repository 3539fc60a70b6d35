// `ovbench eval ... --db/--tag`, `ovbench runs` and `ovbench show` through the real binary.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

const std::string kGt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_gt.json";
const std::string kDt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_results.json";

TEST(StoreCli, EvalStoresARunThatShowGivesBackExactly) {
  const auto db = (fresh_test_dir() / "runs.db").string();
  const auto eval = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--groups", "ov-coco",
                                 "--json", "-", "--db", db, "--tag", "ckpt-a"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  EXPECT_NE(eval.err.find("stored as run 1"), std::string::npos) << eval.err;
  const auto direct = nlohmann::json::parse(eval.out);

  const auto show = run_ovbench({"show", "ckpt-a", "--db", db, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const auto stored = nlohmann::json::parse(show.out);
  EXPECT_EQ(stored["run"]["status"], "complete");
  EXPECT_EQ(stored["run"]["suite"], "coco");
  EXPECT_EQ(stored["run"]["inputs"]["gt"]["path"], kGt);
  EXPECT_EQ(stored["run"]["inputs"]["gt"]["hash"].get<std::string>().rfind("fnv1a64:", 0), 0u);
  const auto& result = stored["results"][0];
  EXPECT_EQ(result["metrics"], direct["metrics"]);  // every value, bit for bit through JSON
  EXPECT_EQ(result["groups"], direct["groups"]);
  EXPECT_EQ(result["per_category"]["1"]["AP"], direct["per_category"]["1"]["AP"]);
  EXPECT_EQ(result["per_category"]["1"]["curves"].size(), 2u);  // IoU=.50 and .75 curves

  const auto second = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--db", db});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto runs = run_ovbench({"runs", "--db", db, "--json"});
  ASSERT_EQ(runs.exit_code, 0) << runs.err;
  const auto list = nlohmann::json::parse(runs.out);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["tag"], "ckpt-a");
  EXPECT_EQ(list[1]["tag"], "");
  EXPECT_EQ(list[1]["results"][0]["metrics"]["AP"], direct["metrics"]["AP"]);
  const auto table = run_ovbench({"runs", "--db", db, "--tag", "ckpt-a"});
  EXPECT_NE(table.out.find("ckpt-a"), std::string::npos);
  EXPECT_NE(table.out.find("AP=0.0980"), std::string::npos) << table.out;
}

TEST(StoreCli, BadUsageAndMissingStores) {
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  auto r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--tag", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("needs --db"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--db", db, "--tag", "42"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("must not be a number"), std::string::npos) << r.err;
  r = run_ovbench({"runs", "--db", (dir / "absent.db").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no results store here"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "absent.db"));  // reading never creates a store
  r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_ovbench({"show", "7", "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no run with id or tag '7'"), std::string::npos) << r.err;
  // A failed evaluation stores nothing.
  r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", (dir / "missing.json").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  r = run_ovbench({"runs", "--db", db, "--json"});
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);
  r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", kDt, "--db", (dir / "no/such/dir.db").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot open the results store"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ovbench
