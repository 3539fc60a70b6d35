// `ovbench suites` through the real binary: the listing, one suite in full, --data-root
// checks, --json, and errors for unknown names and broken suite files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;
using testing::fresh_test_dir;
using testing::run_ovbench;

void touch(const fs::path& path, const std::string& text = "{}") {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// The demo layout with lvis/instances.json and segmentation/classes.json left out.
fs::path partial_demo_root() {
  const fs::path root = fresh_test_dir() / "data";
  fs::create_directories(root / "images");
  touch(root / "detection/instances.json");
  touch(root / "detection/ov_split.json");
  touch(root / "flickr30k/val.txt");
  fs::create_directories(root / "flickr30k/Annotations");
  fs::create_directories(root / "flickr30k/Sentences");
  fs::create_directories(root / "segmentation/labels");
  return root;
}

TEST(SuitesCli, ListsEverySuiteWithItsDatasetsAndInputs) {
  const auto r = run_ovbench({"suites"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("13 suites (`ovbench suites SUITE` shows one in full)\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\nov-coco\n  Open-vocabulary COCO (OV-COCO): box AP50 on the 48 base and 17 novel classes"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  dataset ov-coco-val2017: detect / coco; headline novel AP50, base AP50, all AP50\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("gt      coco/zero-shot/instances_val2017_all_2.json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  dataset lvis-v1-val-fixed: detect / lvis; headline AP, APr, APc, APf\n"), std::string::npos);
  // ODinW datasets read two inputs per task: summarised, with a pointer to the full list.
  EXPECT_NE(r.out.find("    70 inputs under odinw/: `ovbench suites odinw-35` lists them\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("on disk"), std::string::npos);  // nothing is checked without --data-root
}

TEST(SuitesCli, DataRootMarksWhatIsThere) {
  const fs::path root = partial_demo_root();
  const auto r = run_ovbench({"suites", "--data-root", root.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\ndemo  [2 of 12 inputs missing]\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nov-coco  [2 of 2 inputs missing]\n"), std::string::npos) << r.out;

  const auto one = run_ovbench({"suites", "demo", "--data-root", root.string()});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("suite demo (built in, suites/demo.json, fnv1a64:"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("inputs under " + root.string() + ": 2 of 12 inputs missing\n"), std::string::npos) << one.out;
  // Columns are as wide as each dataset's widest cell.
  EXPECT_NE(one.out.find("    gt      lvis/instances.json  MISSING\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("    gt              detection/instances.json  ok\n"
                         "    images          images/                   ok\n"
                         "    category split  detection/ov_split.json   ok\n"),
            std::string::npos)
      << one.out;
  EXPECT_NE(one.out.find("  groups      from detection/ov_split.json (base, novel, all)\n"), std::string::npos);
  EXPECT_NE(one.out.find("  protocol    reduce_zero_label false, ignore_index 255\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("  vocabulary  classes from segmentation/classes.json, templates none\n"), std::string::npos);
  EXPECT_NE(one.out.find("  protocol    iou_type bbox, max_dets 100\n"), std::string::npos);
}

TEST(SuitesCli, JsonGivesTheSuiteWithDefaultsAndEachInput) {
  const fs::path root = partial_demo_root();
  const auto r = run_ovbench({"suites", "demo", "--data-root", root.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["name"], "demo");
  EXPECT_EQ(j["source"], "suites/demo.json");
  EXPECT_EQ(j["embedded"], true);
  EXPECT_EQ(j["data_root"], root.string());
  ASSERT_EQ(j["datasets"].size(), 4u);
  EXPECT_EQ(j["datasets"][2]["paths"]["image_suffix"], ".png");
  EXPECT_EQ(j["datasets"][2]["protocol"], nlohmann::json::parse(R"({"protocol": "any-box", "split": "val"})"));
  EXPECT_EQ(j["datasets"][0]["headline"][0], nlohmann::json::parse(R"({"group": "novel", "metric": "AP50"})"));
  ASSERT_EQ(j["inputs"].size(), 12u);
  EXPECT_EQ(j["missing"], 2);
  EXPECT_EQ(j["inputs"][3], nlohmann::json::parse(R"({"dataset": "demo-lvis", "role": "gt",
      "path": "lvis/instances.json", "kind": "file", "present": false})"));
  EXPECT_EQ(j["inputs"][1]["kind"], "dir");
  EXPECT_EQ(j["inputs"][1]["present"], true);

  const auto all = run_ovbench({"suites", "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const auto list = nlohmann::json::parse(all.out);
  EXPECT_TRUE(list["data_root"].is_null());
  ASSERT_EQ(list["suites"].size(), 13u);
  EXPECT_EQ(list["suites"][0]["name"], "ade20k-150");
  EXPECT_EQ(list["suites"][0]["datasets"][0]["protocol"]["num_classes"], 150);
  EXPECT_FALSE(list["suites"][0]["inputs"][0].contains("present"));
}

TEST(SuitesCli, AUserSuiteFileIsCheckedAndErrorsNameFileAndPath) {
  const fs::path dir = fresh_test_dir();
  touch(dir / "mine.json", R"({"name": "mine", "description": "d", "datasets": [{"name": "x",
    "task": "detect", "evaluator": "coco", "paths": {"gt": "gt.json", "images": "img"},
    "vocabulary": {"classes": "gt-categories"}, "protocol": {"iou_type": "mask"},
    "headline": [{"metric": "AP"}]}]})");
  const auto bad = run_ovbench({"suites", (dir / "mine.json").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find((dir / "mine.json").string() +
                         ": datasets[0].protocol.iou_type: expected one of \"bbox\", \"segm\", not \"mask\""),
            std::string::npos)
      << bad.err;

  touch(dir / "mine.json", R"({"name": "mine", "description": "d", "datasets": [{"name": "x",
    "task": "detect", "evaluator": "coco", "paths": {"gt": "gt.json", "images": "img"},
    "vocabulary": {"classes": "gt-categories"}, "headline": [{"metric": "AP"}]}]})");
  touch(dir / "root/gt.json");
  const auto ok = run_ovbench({"suites", (dir / "mine.json").string(), "--data-root", (dir / "root").string()});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("suite mine (" + (dir / "mine.json").string() + ", fnv1a64:"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("1 of 2 inputs missing"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("    input   path     on disk\n    ------------------------\n"
                        "    gt      gt.json  ok\n    images  img/     MISSING\n"),
            std::string::npos)
      << ok.out;
}

TEST(SuitesCli, UsageAndInputErrors) {
  const auto unknown = run_ovbench({"suites", "ov-cocoa"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown suite 'ov-cocoa' (embedded: ade20k-150,"), std::string::npos) << unknown.err;
  const auto no_root = run_ovbench({"suites", "--data-root", (fresh_test_dir() / "nowhere").string()});
  EXPECT_EQ(no_root.exit_code, 2);
  EXPECT_NE(no_root.err.find("nowhere: --data-root is not a directory"), std::string::npos) << no_root.err;
  const auto two = run_ovbench({"suites", "ov-coco", "demo"});
  EXPECT_EQ(two.exit_code, 2);
  const auto help = run_ovbench({"suites", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: ovbench suites [SUITE] [--data-root DIR] [--json]"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("ovbench suites ov-coco --data-root /data"), std::string::npos);
  EXPECT_NE(help.out.find("docs/suites.md"), std::string::npos);
}

}  // namespace
}  // namespace ovbench
