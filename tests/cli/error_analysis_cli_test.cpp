// `ovbench eval coco|lvis --errors` end to end: the "error_analysis" object (TIDE's numbers on
// the bundled example, as tidecv 1.0.1 gives them; a tiny OV-COCO case worked out by hand), the
// human tables, and the object stored with --db and given back by `ovbench show`.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

const std::string kExampleGt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_gt.json";
const std::string kExampleDt =
    std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_results.json";

std::string write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// OV-COCO categories: person (1) and bird (16) are base, cat (17) and dog (18) novel.
// Image 1: cat A [0,0] seen as a bird (.9), cat B [50,50] seen as a cat (.8), dog [0,50] seen as a
// person (.7), person [20,20] seen as a person (.6). Image 2: a cat [0,0] seen as a bird (.5).
const char* kOvGt = R"({"images": [{"id": 1, "width": 100, "height": 100}, {"id": 2, "width": 100, "height": 100}],
 "categories": [{"id": 1, "name": "person"}, {"id": 16, "name": "bird"}, {"id": 17, "name": "cat"}, {"id": 18, "name": "dog"}],
 "annotations": [
  {"id": 1, "image_id": 1, "category_id": 17, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
  {"id": 2, "image_id": 1, "category_id": 17, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0},
  {"id": 3, "image_id": 1, "category_id": 18, "bbox": [0, 50, 10, 10], "area": 100, "iscrowd": 0},
  {"id": 4, "image_id": 1, "category_id": 1, "bbox": [20, 20, 10, 10], "area": 100, "iscrowd": 0},
  {"id": 5, "image_id": 2, "category_id": 17, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0}]})";
const char* kOvDt = R"([{"image_id": 1, "category_id": 16, "bbox": [0, 0, 10, 10], "score": 0.9},
 {"image_id": 1, "category_id": 17, "bbox": [50, 50, 10, 10], "score": 0.8},
 {"image_id": 1, "category_id": 1, "bbox": [0, 50, 10, 10], "score": 0.7},
 {"image_id": 1, "category_id": 1, "bbox": [20, 20, 10, 10], "score": 0.6},
 {"image_id": 2, "category_id": 16, "bbox": [0, 0, 10, 10], "score": 0.5}])";

TEST(ErrorAnalysisCli, BundledExampleGivesTidecvNumbers) {
  const auto r = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--errors", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("error_analysis"));
  const auto& ea = j["error_analysis"];
  EXPECT_FALSE(ea.contains("novel_base_confusion"));  // no base/novel groups given
  EXPECT_EQ(ea["params"]["max_dets_per_image"], 100);
  const auto& t = ea["tide"];
  // tidecv 1.0.1 (TIDE().evaluate(..., mode=TIDE.BOX); the 12 results of unknown categories left
  // out, as pycocotools and ovbench leave them out), printed with repr().
  EXPECT_NEAR(t["AP"].get<double>(), 21.070990358790343, 1e-9);
  const std::pair<const char*, double> dap[] = {{"cls", 0.0},   {"loc", 7.525609663672004}, {"both", 0.173392321235891},
                                                {"dupe", 1.0666629669817915}, {"bkg", 15.91535734430293},
                                                {"miss", 9.420927572282789}};
  for (const auto& [key, value] : dap) EXPECT_NEAR(t["dAP"][key].get<double>(), value, 1e-9) << key;
  const std::pair<const char*, int> counts[] = {{"cls", 1}, {"loc", 30}, {"both", 15}, {"dupe", 47}, {"bkg", 155}, {"miss", 14}};
  for (const auto& [key, value] : counts) EXPECT_EQ(t["counts"][key], value) << key;
  EXPECT_NEAR(t["special_dAP"]["false_pos"].get<double>(), 35.859702710516586, 1e-9);
  EXPECT_NEAR(t["special_dAP"]["false_neg"].get<double>(), 15.188481177947029, 1e-9);
  // The table went to stderr with the summary.
  EXPECT_NE(r.err.find("TIDE errors at IoU 0.50 (dAP in AP points; TIDE's AP 21.07)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("count     1    30    15    47    155    14"), std::string::npos) << r.err;

  const auto plain = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--json", "-"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("error_analysis"));
  EXPECT_EQ(plain.err.find("TIDE errors"), std::string::npos);
}

TEST(ErrorAnalysisCli, NovelBaseConfusionOnOvCoco) {
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"eval", "coco", "--gt", write(dir / "gt.json", kOvGt), "--pred",
                              write(dir / "dt.json", kOvDt), "--groups", "ov-coco", "--errors", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto ea = nlohmann::json::parse(r.out).at("error_analysis");
  const auto& c = ea.at("novel_base_confusion");
  EXPECT_EQ(c["novel_gt"], 4);            // three cats and a dog
  EXPECT_EQ(c["detected_own_label"], 1);  // cat B
  EXPECT_EQ(c["detected_as_base"], 3);
  EXPECT_EQ(c["distinct_pairs"], 2);
  ASSERT_EQ(c["pairs"].size(), 2u);
  EXPECT_EQ(c["pairs"][0], (nlohmann::json{{"novel", "cat"}, {"novel_id", 17}, {"base", "bird"}, {"base_id", 16}, {"count", 2}}));
  EXPECT_EQ(c["pairs"][1]["novel"], "dog");
  EXPECT_EQ(c["pairs"][1]["base"], "person");
  EXPECT_EQ(c["pairs"][1]["count"], 1);
  // TIDE: the three confusions are Cls errors. As it is: person 50 (FP .7 before its TP),
  // bird 0 (FPs, no gt), cat 100 * 34/101 (one TP of three gts), dog 0. Fixing Cls makes every
  // category perfect and empties bird: 100.
  const auto& t = ea.at("tide");
  const double base = (50 + 3400.0 / 101) / 4;
  EXPECT_NEAR(t["AP"].get<double>(), base, 1e-9);
  EXPECT_EQ(t["counts"]["cls"], 3);
  EXPECT_NEAR(t["dAP"]["cls"].get<double>(), 100 - base, 1e-9);
  EXPECT_EQ(t["counts"]["miss"], 0);  // every unmatched gt is claimed by a Cls error
  EXPECT_NE(r.err.find("3 of 4 novel ground truths (75.0%)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cat    bird                    2"), std::string::npos) << r.err;
}

TEST(ErrorAnalysisCli, StoredWithTheRunAndShownBack) {
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  const auto eval = run_ovbench({"eval", "coco", "--gt", write(dir / "gt.json", kOvGt), "--pred",
                                 write(dir / "dt.json", kOvDt), "--groups", "ov-coco", "--errors", "--json", "-",
                                 "--db", db, "--tag", "ov"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const auto direct = nlohmann::json::parse(eval.out).at("error_analysis");
  const auto show = run_ovbench({"show", "ov", "--db", db, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["results"][0]["error_analysis"], direct);  // bit for bit
  const auto table = run_ovbench({"show", "ov", "--db", db});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("TIDE errors at IoU 0.50"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("dog    person"), std::string::npos) << table.out;
  // A run without --errors stores none.
  ASSERT_EQ(run_ovbench({"eval", "coco", "--gt", (dir / "gt.json").string(), "--pred", (dir / "dt.json").string(),
                         "--db", db, "--tag", "plain"})
                .exit_code,
            0);
  const auto plain = run_ovbench({"show", "plain", "--db", db, "--json"});
  EXPECT_FALSE(nlohmann::json::parse(plain.out)["results"][0].contains("error_analysis"));
}

// --iou-type segm: TIDE's mask mode. The detection's box equals the gt's, but its mask is the
// other half of the square: a true positive by box, a false positive by mask.
TEST(ErrorAnalysisCli, SegmMatchesMasks) {
  const auto dir = fresh_test_dir();
  const char* gt = R"({"images": [{"id": 1, "width": 40, "height": 40}],
   "categories": [{"id": 1, "name": "a"}],
   "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 20, 20], "area": 200,
                    "iscrowd": 0, "segmentation": [[0, 0, 20, 0, 0, 20]]}]})";
  const char* dt = R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 20, 20], "score": 0.9,
                        "segmentation": [[20, 20, 20, 0, 0, 20]]}])";
  const auto gt_path = write(dir / "gt.json", gt), dt_path = write(dir / "dt.json", dt);
  for (const std::string type : {"bbox", "segm"}) {
    const auto r = run_ovbench({"eval", "coco", "--gt", gt_path, "--pred", dt_path, "--iou-type", type, "--errors", "--json", "-"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto ea = nlohmann::json::parse(r.out).at("error_analysis");
    EXPECT_EQ(ea["params"]["iou_type"], type);
    const auto& c = ea["tide"]["counts"];
    const int false_positives = c["cls"].get<int>() + c["loc"].get<int>() + c["both"].get<int>() +
                                c["dupe"].get<int>() + c["bkg"].get<int>();
    EXPECT_NEAR(ea["tide"]["AP"].get<double>(), type == "bbox" ? 100.0 : 0.0, 1e-9) << type;
    EXPECT_EQ(false_positives, type == "bbox" ? 0 : 1) << type;
  }
}

TEST(ErrorAnalysisCli, LvisUsesItsPerImageCap) {
  const auto dir = fresh_test_dir();
  const char* gt = R"({"images": [{"id": 1, "width": 100, "height": 100, "neg_category_ids": [2],
    "not_exhaustive_category_ids": []}],
   "categories": [{"id": 1, "name": "a", "frequency": "r"}, {"id": 2, "name": "b", "frequency": "f"},
                  {"id": 3, "name": "c", "frequency": "c"}],
   "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100}]})";
  // A TP, a negative-category FP (Bkg, counted), an unverified-category one (Bkg, ignored).
  const char* dt = R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5},
    {"image_id": 1, "category_id": 2, "bbox": [50, 50, 10, 10], "score": 0.9},
    {"image_id": 1, "category_id": 3, "bbox": [80, 80, 10, 10], "score": 0.95}])";
  const auto gt_path = write(dir / "gt.json", gt), dt_path = write(dir / "dt.json", dt);
  auto r = run_ovbench({"eval", "lvis", "--gt", gt_path, "--pred", dt_path, "--errors", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ea = nlohmann::json::parse(r.out).at("error_analysis");
  EXPECT_EQ(ea["params"]["max_dets_per_image"], 300);
  EXPECT_EQ(ea["tide"]["counts"]["bkg"], 2);
  // a: 100; b: an FP and no gt, 0; c is ignored everywhere, so never in the mean: 50.
  EXPECT_NEAR(ea["tide"]["AP"].get<double>(), 50.0, 1e-9);
  EXPECT_NEAR(ea["tide"]["dAP"]["bkg"].get<double>(), 50.0, 1e-9);
  r = run_ovbench({"eval", "lvis", "--gt", gt_path, "--pred", dt_path, "--protocol", "fixed", "--errors", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["error_analysis"]["params"]["max_dets_per_image"], -1);
}

}  // namespace
}  // namespace ovbench
