// `ovbench fewshot` and `ovbench eval odinw` end to end on tiny synthetic files whose expected
// values are derived by hand in the comments.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;
namespace fs = std::filesystem;

std::string write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

nlohmann::json read_json(const std::string& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

// Images 1..4, categories 1 and 2. Image 4's only box is 1 px wide, so GLIP's
// has_valid_annotation drops it before sampling.
const char* kTrain = R"({"info": {"v": 1}, "images": [
    {"id": 3, "width": 10, "height": 10}, {"id": 1, "width": 10, "height": 10},
    {"id": 2, "width": 10, "height": 10}, {"id": 4, "width": 10, "height": 10}],
  "categories": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}],
  "annotations": [
    {"id": 10, "image_id": 1, "category_id": 1, "bbox": [0, 0, 5, 5], "area": 25, "iscrowd": 0},
    {"id": 11, "image_id": 2, "category_id": 1, "bbox": [0, 0, 5, 5], "area": 25, "iscrowd": 0},
    {"id": 12, "image_id": 2, "category_id": 2, "bbox": [0, 0, 5, 5], "area": 25, "iscrowd": 0},
    {"id": 13, "image_id": 3, "category_id": 2, "bbox": [0, 0, 5, 5], "area": 25, "iscrowd": 0},
    {"id": 14, "image_id": 4, "category_id": 1, "bbox": [0, 0, 1, 5], "area": 5, "iscrowd": 0}]})";

std::vector<std::int64_t> ids_of(const nlohmann::json& section, const char* key) {
  std::vector<std::int64_t> out;
  for (const auto& r : section) out.push_back(r.at(key).get<std::int64_t>());
  return out;
}

TEST(FewshotCli, SeedZeroKeepsSortedOrder) {
  // Sorted valid ids [1, 2, 3], quota [1, 1]: 1 {a} kept -> [0, 1]; 2 {a, b} kept (b still
  // needed) -> [-1, 0]; 3 {b} not needed. Output: images 1 and 2 in file order, annots 10-12.
  const fs::path dir = fresh_test_dir();
  const std::string gt = write(dir / "train.json", kTrain);
  const std::string out = (dir / "out.json").string();
  const auto r = run_ovbench({"fewshot", "--gt", gt, "--shots", "1", "--seed", "0", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = read_json(out);
  EXPECT_EQ(ids_of(j.at("images"), "id"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(ids_of(j.at("annotations"), "id"), (std::vector<std::int64_t>{10, 11, 12}));
  EXPECT_EQ(j.at("categories").size(), 2U);
  EXPECT_EQ(j.at("info").at("v"), 1);  // other keys copied unchanged
}

TEST(FewshotCli, NonZeroSeedShufflesLikeCPython) {
  // random.Random(3).shuffle([1, 2, 3]) gives [2, 3, 1] (printed by CPython 3.11.2 here, an
  // independent derivation of the MT19937 stream). Scan: 2 {a, b} kept -> quota [0, 0]; 3 and
  // 1 no longer needed. Only image 2 remains.
  const fs::path dir = fresh_test_dir();
  const std::string gt = write(dir / "train.json", kTrain);
  const std::string out = (dir / "out.json").string();
  const auto r = run_ovbench(
      {"fewshot", "--gt", gt, "--shots", "1", "--seed", "3", "--out", out, "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("image_ids"), (std::vector<std::int64_t>{2}));
  const auto j = read_json(out);
  EXPECT_EQ(ids_of(j.at("images"), "id"), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(ids_of(j.at("annotations"), "id"), (std::vector<std::int64_t>{11, 12}));
}

TEST(FewshotCli, BadInputWritesNothing) {
  const fs::path dir = fresh_test_dir();
  const std::string gt = write(dir / "train.json", R"({"images": [}")");
  const std::string out = (dir / "out.json").string();
  const auto r = run_ovbench({"fewshot", "--gt", gt, "--shots", "1", "--seed", "0", "--out", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("train.json"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  const auto u = run_ovbench({"fewshot", "--gt", gt, "--shots", "0", "--seed", "0", "--out", out});
  EXPECT_EQ(u.exit_code, 2);
}

// Roboflow export: an unannotated supercategory with id 0 and an image with id 0. Two 10x10
// gts; a perfect detection (0.9) and a miss (0.8). At every IoU threshold recall reaches 0.5 with
// precision 1 and never more, so 51 of pycocotools' 101 recall points have precision 1:
// AP = AP50 = 51/101. Category 0 has neither gts nor detections: pycocotools scores it -1 and
// leaves it out of the mean, so it does not change AP.
const char* kRoboflowGt = R"({"images": [{"id": 0, "width": 100, "height": 100}],
  "categories": [{"id": 0, "name": "potholes", "supercategory": "none"},
                 {"id": 1, "name": "pothole", "supercategory": "potholes"}],
  "annotations": [
    {"id": 1, "image_id": 0, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
    {"id": 2, "image_id": 0, "category_id": 1, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0}]})";
const char* kRoboflowDt =
    R"([{"image_id": 0, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
  {"image_id": 0, "category_id": 1, "bbox": [80, 80, 10, 10], "score": 0.8}])";

// One gt box; the detection either hits it (AP = AP50 = 1) or misses it (0).
const char* kOneGt = R"({"images": [{"id": 5, "width": 100, "height": 100}],
  "categories": [{"id": 1, "name": "fish"}],
  "annotations": [
    {"id": 1, "image_id": 5, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 0}]})";
const char* kHit = R"([{"image_id": 5, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.5}])";
const char* kMiss =
    R"([{"image_id": 5, "category_id": 1, "bbox": [60, 60, 20, 20], "score": 0.5}])";

TEST(EvalOdinwCli, RoboflowQuirksAndMeanOverTasks) {
  const fs::path dir = fresh_test_dir();
  const std::string a = write(dir / "a_gt.json", kRoboflowGt);
  const std::string ap = write(dir / "a_dt.json", kRoboflowDt);
  const std::string b = write(dir / "b_gt.json", kOneGt);
  const std::string bp = write(dir / "b_dt.json", kHit);
  const auto r = run_ovbench({"eval", "odinw", "--task", "pothole=" + a + ":" + ap, "--task",
                              "fish=" + b + ":" + bp, "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["per_task"]["pothole"]["AP"].get<double>(), 51.0 / 101, 1e-12);
  EXPECT_NEAR(j["per_task"]["pothole"]["AP50"].get<double>(), 51.0 / 101, 1e-12);
  EXPECT_NEAR(j["per_task"]["fish"]["AP"].get<double>(), 1.0, 1e-12);
  // Plain mean over tasks: (51/101 + 1) / 2 = 152/202.
  EXPECT_NEAR(j["mean_AP"].get<double>(), 152.0 / 202, 1e-12);
  EXPECT_NEAR(j["mean_AP50"].get<double>(), 152.0 / 202, 1e-12);
  EXPECT_FALSE(j.contains("per_seed"));
}

TEST(EvalOdinwCli, RoboflowAnnotationIdZeroCountsAsUnmatchedLikePycocotools) {
  // Roboflow numbers annotations from 0. pycocotools records a match as the gt's id and tests
  // it with > 0, so the detection matched to gt id 0 counts as a false positive (and that gt is
  // used up); the other detection misses: no true positive at any IoU, AP = AP50 = 0.
  std::string gt_text = kRoboflowGt;
  gt_text.replace(gt_text.find(R"("id": 1, "image_id")"), 7, R"("id": 0)");
  const fs::path dir = fresh_test_dir();
  const std::string a = write(dir / "a_gt.json", gt_text);
  const std::string ap = write(dir / "a_dt.json", kRoboflowDt);
  const auto r = run_ovbench({"eval", "odinw", "--task", "pothole=" + a + ":" + ap, "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["per_task"]["pothole"]["AP"].get<double>(), 0.0);
  EXPECT_EQ(j["per_task"]["pothole"]["AP50"].get<double>(), 0.0);
}

TEST(EvalOdinwCli, SeedsGiveMeanAndPopulationStd) {
  // Seed 3 hits (AP 1), seed 30 misses (AP 0): mean 0.5, np.std (ddof 0) 0.5.
  const fs::path dir = fresh_test_dir();
  const std::string gt = write(dir / "gt.json", kOneGt);
  write(dir / "fish_seed3.json", kHit);
  write(dir / "fish_seed30.json", kMiss);
  const auto r = run_ovbench({"eval", "odinw", "--task",
                              "fish=" + gt + ":" + (dir / "fish_seed{seed}.json").string(),
                              "--shots", "1", "--seeds", "3,30", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["per_task"]["fish"]["AP"].get<double>(), 0.5, 1e-12);
  EXPECT_NEAR(j["per_task"]["fish"]["std_AP"].get<double>(), 0.5, 1e-12);
  EXPECT_NEAR(j["per_task"]["fish"]["per_seed"]["3"]["AP"].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(j["per_task"]["fish"]["per_seed"]["30"]["AP"].get<double>(), 0.0, 1e-12);
  EXPECT_NEAR(j["per_seed"]["3"]["mean_AP"].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(j["per_seed"]["30"]["mean_AP"].get<double>(), 0.0, 1e-12);
  EXPECT_NEAR(j["mean_AP"].get<double>(), 0.5, 1e-12);
  EXPECT_NEAR(j["std_AP"].get<double>(), 0.5, 1e-12);
}

TEST(EvalOdinwCli, RootLayoutUsesGlipConfigPaths) {
  // pothole (ODinW-13) is scored on its config's DATASETS.TEST, pothole/valid/...
  const fs::path dir = fresh_test_dir();
  write(dir / "odinw/pothole/valid/annotations_without_background.json", kRoboflowGt);
  write(dir / "preds/pothole.json", kRoboflowDt);
  const auto r = run_ovbench({"eval", "odinw", "--root", (dir / "odinw").string(), "--pred-dir",
                              (dir / "preds").string(), "--tasks", "pothole", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["per_task"]["pothole"]["AP"].get<double>(), 51.0 / 101, 1e-12);
  EXPECT_NEAR(j["mean_AP"].get<double>(), 51.0 / 101, 1e-12);
}

TEST(EvalOdinwCli, MissingFilesNameTaskAndPath) {
  const fs::path dir = fresh_test_dir();
  write(dir / "preds/pothole.json", kRoboflowDt);
  const auto r = run_ovbench({"eval", "odinw", "--root", (dir / "odinw").string(), "--pred-dir",
                              (dir / "preds").string(), "--tasks", "pothole"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pothole/valid/annotations_without_background.json"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("task 'pothole'"), std::string::npos) << r.err;

  const std::string gt = write(dir / "gt.json", kOneGt);
  const auto p =
      run_ovbench({"eval", "odinw", "--task", "fish=" + gt + ":" + (dir / "nope.json").string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.err.find("nope.json: missing: the predictions of ODinW task 'fish'"),
            std::string::npos)
      << p.err;
}

}  // namespace
}  // namespace ovbench
