// The results store: what goes in comes back (order, -1, NaN, curves), interrupted runs never
// look complete, a failed write leaves nothing behind, schema versions are checked, and several
// processes can write one store at once.

#include "harness/store/results_store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

namespace ovbench {
namespace {

std::filesystem::path fresh_db(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "ovbench-store-test" /
                   (name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir / "ovbench.db";
}

RunProvenance eval_run(const std::string& tag = "") {
  RunProvenance p;
  p.kind = "eval";
  p.suite = "coco";
  p.tag = tag;
  p.params = {{"iou_type", "bbox"}};
  p.inputs = {{"gt", {{"path", "/data/gt.json"}, {"hash", "fnv1a64:0123456789abcdef"}}}};
  return p;
}

StoredResult sample_result(const std::string& dataset) {
  StoredResult r;
  r.dataset = dataset;
  r.benchmark = "coco";
  r.predictions_path = "/data/pred.json";
  // Keys deliberately out of alphabetical order: the stored order is the report's.
  r.report.summary.set("AP", 0.372);
  r.report.summary.set("AP50", 0.5781234567890123);
  r.report.summary.set("APs", -1.0);
  r.report.groups.push_back({"novel", {}});
  r.report.groups.back().second.set("AP50", 0.25);
  r.report.groups.push_back({"base", {}});
  r.report.groups.back().second.set("AP50", 0.5);
  CategoryResult c;
  c.id = 18;
  c.name = "dog";
  c.metrics.set("AP", std::nan(""));
  c.metrics.set("AP50", 0.125);
  c.curves.push_back({"IoU=0.50 area=all maxDets=100", {0.0, 0.5, 1.0}, {1.0, 0.75, -1.0}});
  r.report.per_category.push_back(c);
  r.report.params = {{"max_dets", {1, 10, 100}}};
  r.report.counts = {{"images", 5}, {"gt", 7}};
  r.report.intervals = {{"replicates", 100}, {"metrics", {{"AP", {{"low", 0.3}, {"high", 0.4}, {"se", 0.01}}}}}};
  r.report.error_analysis = {{"tide", {{"AP", 52.25}, {"dAP", {{"cls", 3.0500000000000003}, {"loc", 6.71}}}}},
                             {"novel_base_confusion", {{"novel_gt", 12}, {"pairs", {{{"novel", "cake"}, {"base", "donut"}, {"count", 3}}}}}}};
  return r;
}

TEST(ResultsStore, RoundTripKeepsOrderMinusOneNanAndCurves) {
  ResultsStore store(fresh_db("roundtrip"));
  const std::int64_t id = store.store_complete_run(eval_run("ckpt-a"), sample_result("val2017"));
  const auto run = store.find_run(std::to_string(id));
  ASSERT_TRUE(run);
  EXPECT_EQ(run->status, "complete");
  EXPECT_FALSE(run->finished_at.empty());
  EXPECT_EQ(run->provenance.inputs["gt"]["hash"], "fnv1a64:0123456789abcdef");
  const auto results = store.load_results(id);
  ASSERT_EQ(results.size(), 1u);
  const MetricReport& r = results[0].report;
  ASSERT_EQ(r.summary.items().size(), 3u);
  EXPECT_EQ(r.summary.items()[1].first, "AP50");
  EXPECT_EQ(r.summary.at("AP50"), 0.5781234567890123);  // doubles stored exactly
  EXPECT_EQ(r.summary.at("APs"), -1.0);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].first, "novel");
  EXPECT_EQ(r.groups[1].second.at("AP50"), 0.5);
  ASSERT_EQ(r.per_category.size(), 1u);
  EXPECT_EQ(r.per_category[0].name, "dog");
  EXPECT_TRUE(std::isnan(r.per_category[0].metrics.at("AP")));
  ASSERT_EQ(r.per_category[0].curves.size(), 1u);
  EXPECT_EQ(r.per_category[0].curves[0].precision, (std::vector<double>{1.0, 0.75, -1.0}));
  EXPECT_EQ(r.counts["gt"], 7);
  EXPECT_EQ(results[0].predictions_path, "/data/pred.json");
  EXPECT_EQ(r.intervals["metrics"]["AP"]["high"], 0.4);
  EXPECT_EQ(r.error_analysis["tide"]["dAP"]["cls"], 3.0500000000000003);
  EXPECT_EQ(r.error_analysis["novel_base_confusion"]["pairs"][0]["base"], "donut");
  EXPECT_EQ(r.error_analysis, sample_result("x").report.error_analysis);
}

TEST(ResultsStore, InterruptedRunStaysRunningAndIsNotComplete) {
  ResultsStore store(fresh_db("interrupted"));
  const std::int64_t id = store.begin_run(eval_run());
  store.add_result(id, sample_result("a"));
  // The process dies here: no finish_run.
  EXPECT_EQ(store.find_run(std::to_string(id))->status, "running");
  EXPECT_TRUE(store.list_runs({"", "", "complete"}).empty());
  EXPECT_EQ(store.list_runs({"", "", "running"}).size(), 1u);
  store.finish_run(id, false);
  EXPECT_EQ(store.find_run(std::to_string(id))->status, "failed");
  EXPECT_THROW(store.add_result(id, sample_result("b")), StoreError);  // closed runs stay closed
}

TEST(ResultsStore, FailedWriteLeavesNothingBehind) {
  ResultsStore store(fresh_db("rollback"));
  const std::int64_t id = store.begin_run(eval_run());
  store.add_result(id, sample_result("a"));
  auto count = [&](const char* table) {
    Statement s(store.db(), std::string("SELECT COUNT(*) FROM ") + table);
    s.step();
    return s.column_int(0);
  };
  const auto metrics_before = count("metrics"), results_before = count("results");
  // A category listed twice violates category_metrics' primary key after the result row and
  // its summary metrics were written: the whole dataset must roll back.
  StoredResult broken = sample_result("b");
  broken.report.per_category.push_back(broken.report.per_category.front());
  EXPECT_THROW(store.add_result(id, broken), StoreError);
  EXPECT_EQ(count("metrics"), metrics_before);
  EXPECT_EQ(count("results"), results_before);
  // The same dataset twice is refused too (UNIQUE (run_id, dataset)).
  EXPECT_THROW(store.add_result(id, sample_result("a")), StoreError);
  EXPECT_EQ(count("results"), results_before);
  store.add_result(id, sample_result("b"));  // and the store is still usable
  EXPECT_EQ(count("results"), results_before + 1);
}

TEST(ResultsStore, ReopenKeepsDataAndNewerSchemaIsRefused) {
  const auto path = fresh_db("schema");
  {
    ResultsStore store(path);
    store.store_complete_run(eval_run(), sample_result("a"));
  }
  {
    ResultsStore again(path);  // no second migration, data intact
    EXPECT_EQ(again.list_runs({}).size(), 1u);
    again.db().exec("PRAGMA user_version = " + std::to_string(ResultsStore::schema_version() + 1));
  }
  try {
    ResultsStore newer(path);
    FAIL() << "a store from a newer ovbench was opened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer than this ovbench"), std::string::npos) << e.what();
  }
}

// A store written by the first schema (no intervals column) is migrated on open and its runs
// read back with no intervals.
TEST(ResultsStore, VersionOneStoreIsMigrated) {
  const auto path = fresh_db("migrate");
  {
    ResultsStore store(path);
    store.store_complete_run(eval_run("old"), sample_result("a"));
    store.db().exec("ALTER TABLE results DROP COLUMN intervals; ALTER TABLE results DROP COLUMN error_analysis; "
                    "PRAGMA user_version = 1;");
  }
  ResultsStore migrated(path);
  Statement v(migrated.db(), "PRAGMA user_version");
  v.step();
  EXPECT_EQ(v.column_int(0), ResultsStore::schema_version());
  const auto results = migrated.load_results(migrated.find_run("old")->id);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].report.intervals.is_null());
  EXPECT_TRUE(results[0].report.error_analysis.is_null());
  EXPECT_EQ(results[0].report.summary.at("AP"), 0.372);
}

// A store written by schema 2 (intervals, no error_analysis column) is migrated on open: its
// runs read back without an error analysis, and new runs store one.
TEST(ResultsStore, VersionTwoStoreIsMigrated) {
  const auto path = fresh_db("migrate2");
  {
    ResultsStore store(path);
    store.store_complete_run(eval_run("v2"), sample_result("a"));
    store.db().exec("ALTER TABLE results DROP COLUMN error_analysis; PRAGMA user_version = 2;");
  }
  ResultsStore migrated(path);
  Statement v(migrated.db(), "PRAGMA user_version");
  v.step();
  EXPECT_EQ(v.column_int(0), 3);
  EXPECT_EQ(ResultsStore::schema_version(), 3);
  const auto old = migrated.load_results(migrated.find_run("v2")->id);
  ASSERT_EQ(old.size(), 1u);
  EXPECT_TRUE(old[0].report.error_analysis.is_null());
  EXPECT_EQ(old[0].report.intervals["metrics"]["AP"]["high"], 0.4);  // schema 2's data intact
  const std::int64_t id = migrated.store_complete_run(eval_run("v3"), sample_result("a"));
  EXPECT_EQ(migrated.load_results(id)[0].report.error_analysis["tide"]["AP"], 52.25);
}

TEST(ResultsStore, TagFindsLatestRunAndFiltersApply) {
  ResultsStore store(fresh_db("tags"));
  store.store_complete_run(eval_run("ckpt"), sample_result("a"));
  const std::int64_t second = store.store_complete_run(eval_run("ckpt"), sample_result("a"));
  store.store_complete_run(eval_run("other"), sample_result("a"));
  EXPECT_EQ(store.find_run("ckpt")->id, second);
  EXPECT_FALSE(store.find_run("missing"));
  EXPECT_FALSE(store.find_run("999"));
  EXPECT_EQ(store.list_runs({"coco", "ckpt", ""}).size(), 2u);
  EXPECT_EQ(store.list_runs({"lvis", "", ""}).size(), 0u);
}

// Three processes each store 15 runs at once; WAL + IMMEDIATE transactions + the busy timeout
// must serialise them without losing one.
TEST(ResultsStore, ConcurrentWritersFromSeveralProcesses) {
  const auto path = fresh_db("concurrent");
  { ResultsStore init(path); }
  std::vector<pid_t> children;
  for (int c = 0; c < 3; ++c) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        ResultsStore store(path);
        for (int i = 0; i < 15; ++i) store.store_complete_run(eval_run("p" + std::to_string(c)), sample_result("a"));
      } catch (...) {
        code = 1;
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  ResultsStore store(path);
  EXPECT_EQ(store.list_runs({"", "", "complete"}).size(), 45u);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(store.list_runs({"", "p" + std::to_string(c), ""}).size(), 15u);
}

}  // namespace
}  // namespace ovbench
