// `ovbench eval coco|lvis` end to end: reference numbers on the bundled example, values derived
// by hand on tiny cases, and every bad input with its message and exit code.

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

std::string write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

nlohmann::json metrics_of(const testing::CliResult& r) {
  return nlohmann::json::parse(r.out).at("metrics");
}

const std::string kExampleGt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_gt.json";
const std::string kExampleDt =
    std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_results.json";

// One image, one category, two 10x10 gts; a perfect detection (0.9) and a miss (0.8).
const char* kTinyGt = R"({"images": [{"id": 7, "width": 100, "height": 100}],
  "categories": [{"id": 1, "name": "cat", "frequency": "f"}],
  "annotations": [
    {"id": 1, "image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
    {"id": 2, "image_id": 7, "category_id": 1, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0}],
  "images_extra": null})";
const char* kTinyDt = R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
  {"image_id": 7, "category_id": 1, "bbox": [80, 80, 10, 10], "score": 0.8}])";

TEST(EvalCocoCli, BundledExampleGivesPycocotoolsNumbers) {
  const auto r = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = metrics_of(r);
  // Expected from pycocotools 8c9bcc3 COCOeval on the same two files.
  const std::pair<const char*, double> expected[] = {
      {"AP", 0.09797120908581174},  {"AP50", 0.21298463368207107}, {"AP75", 0.08023684154806246},
      {"APs", 0.06966355522713537}, {"APm", 0.3200044512633298},   {"APl", 0.6999999999999998},
      {"AR1", 0.14586538461538462}, {"AR10", 0.36},                {"AR100", 0.3678125},
      {"ARs", 0.2852272727272727},  {"ARm", 0.6297619047619047},   {"ARl", 0.7}};
  for (const auto& [key, value] : expected) EXPECT_NEAR(m.at(key).get<double>(), value, 1e-12) << key;
  // The summary went to stderr because stdout carries the JSON.
  EXPECT_NE(r.err.find(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.098"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("dropped 12 detection(s) whose category_id is not a ground truth category"),
            std::string::npos);
}

TEST(EvalCocoCli, TinyCaseByHand) {
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"eval", "coco", "--gt", write(dir / "gt.json", kTinyGt), "--pred",
                              write(dir / "dt.json", kTinyDt), "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto m = j.at("metrics");
  // Sorted by score: TP then FP -> (recall, precision) = (0.5, 1), (0.5, 0.5). Interpolated
  // precision is 1 at recall thresholds 0.00..0.50 (51 of 101) and 0 beyond, at every IoU.
  EXPECT_DOUBLE_EQ(m.at("AP").get<double>(), 51.0 / 101.0);
  EXPECT_DOUBLE_EQ(m.at("AP50").get<double>(), 51.0 / 101.0);
  EXPECT_DOUBLE_EQ(m.at("APs").get<double>(), 51.0 / 101.0);  // area 100 <= 32^2
  EXPECT_EQ(m.at("APm").get<double>(), -1.0);                 // no gt in the range
  EXPECT_EQ(m.at("APl").get<double>(), -1.0);
  EXPECT_DOUBLE_EQ(m.at("AR1").get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(m.at("AR100").get<double>(), 0.5);
  EXPECT_EQ(j.at("per_category").at("1").at("name"), "cat");
  EXPECT_EQ(j.at("counts").at("detections_kept"), 2);
}

TEST(EvalCocoCli, EmptyResultsScoreZeroWhereGtExists) {
  const auto dir = fresh_test_dir();
  // pycocotools crashes on []; the model simply found nothing.
  const auto r = run_ovbench({"eval", "coco", "--gt", write(dir / "gt.json", kTinyGt), "--pred",
                              write(dir / "dt.json", "[]"), "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(metrics_of(r).at("AP").get<double>(), 0.0);
  EXPECT_EQ(metrics_of(r).at("APl").get<double>(), -1.0);
}

TEST(EvalCocoCli, GroupsRestrictCategories) {
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--groups",
                              write(dir / "g.json", R"({"one": [1], "all": [1, 2, 3, 4]})"), "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // A one-category group is that category's own AP; the group of all is the summary.
  EXPECT_DOUBLE_EQ(j["groups"]["one"]["AP"].get<double>(), j["per_category"]["1"]["AP"].get<double>());
  EXPECT_DOUBLE_EQ(j["groups"]["all"]["AP"].get<double>(), j["metrics"]["AP"].get<double>());
}

// The built-in OV-COCO split: person (1) is base, airplane (5) novel, traffic light (10) one of
// the 15 classes outside the 65. Each category has one gt; person is found (AP 1 up to
// pycocotools' eps), airplane missed (AP 0), traffic light found but must count in no group.
TEST(EvalCocoCli, BuiltinOvCocoGroups) {
  const auto dir = fresh_test_dir();
  const auto gt = write(dir / "gt.json", R"({"images": [{"id": 1, "width": 100, "height": 100}],
    "categories": [{"id": 1, "name": "person"}, {"id": 5, "name": "airplane"},
                   {"id": 10, "name": "traffic light"}],
    "annotations": [
      {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 40, 40], "area": 1600, "iscrowd": 0},
      {"id": 2, "image_id": 1, "category_id": 5, "bbox": [50, 50, 40, 40], "area": 1600, "iscrowd": 0},
      {"id": 3, "image_id": 1, "category_id": 10, "bbox": [0, 50, 40, 40], "area": 1600, "iscrowd": 0}]})");
  const auto dt = write(dir / "dt.json", R"([
    {"image_id": 1, "category_id": 1, "bbox": [0, 0, 40, 40], "score": 0.9},
    {"image_id": 1, "category_id": 10, "bbox": [0, 50, 40, 40], "score": 0.9}])");
  const auto r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", dt, "--groups", "ov-coco", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto groups = nlohmann::json::parse(r.out).at("groups");
  const double one = 1.0 / (1.0 + 2.220446049250313e-16);  // pycocotools' tp / (tp + eps)
  EXPECT_DOUBLE_EQ(groups["base"]["AP50"].get<double>(), one);
  EXPECT_EQ(groups["novel"]["AP50"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(groups["all"]["AP50"].get<double>(), one / 2);  // person and airplane only
}

// --bootstrap: intervals in the JSON that bracket the point value, reproducible by seed.
TEST(EvalCocoCli, BootstrapIntervalsAreSeeded) {
  auto run = [](const std::string& seed) {
    const auto r = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--bootstrap",
                                "200", "--seed", seed, "--groups", "ov-coco", "--json", "-"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  const auto a = run("3"), b = run("3"), c = run("4");
  const auto& ap = a["intervals"]["metrics"]["AP"];
  EXPECT_EQ(a["intervals"]["replicates"], 200);
  EXPECT_LT(ap["low"].get<double>(), a["metrics"]["AP"].get<double>());
  EXPECT_GT(ap["high"].get<double>(), a["metrics"]["AP"].get<double>());
  EXPECT_GT(ap["se"].get<double>(), 0.0);
  EXPECT_EQ(a["intervals"], b["intervals"]);
  EXPECT_NE(a["intervals"]["metrics"], c["intervals"]["metrics"]);
  EXPECT_EQ(a["intervals"]["replicate_values"]["AP50"].size(), 200u);
  EXPECT_TRUE(a["intervals"]["groups"].contains("novel"));
  const auto bad = run_ovbench({"eval", "coco", "--gt", kExampleGt, "--pred", kExampleDt, "--bootstrap", "1"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(EvalCocoCli, UnknownImagesAreAnErrorUnlessDropped) {
  const auto dir = fresh_test_dir();
  const std::string gt = write(dir / "gt.json", kTinyGt);
  const std::string dt = write(dir / "dt.json", R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
    {"image_id": 99, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5},
    {"image_id": 98, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5}])");
  auto r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", dt});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2 detections on 2 image ids not in"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(first: 99, 98)"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", dt, "--drop-unknown-images", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos);
  EXPECT_DOUBLE_EQ(metrics_of(r).at("AP50").get<double>(), 51.0 / 101.0);
}

struct BadInput {
  const char* name;
  const char* results;
  const char* message;
};

class EvalCocoBadResults : public ::testing::TestWithParam<BadInput> {};

TEST_P(EvalCocoBadResults, ExitTwoWithLocation) {
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"eval", "coco", "--gt", write(dir / "gt.json", kTinyGt), "--pred",
                              write(dir / "dt.json", GetParam().results)});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");  // nothing half-printed
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EvalCocoBadResults,
    ::testing::Values(
        BadInput{"Truncated", R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5})",
                 "malformed JSON"},
        BadInput{"SyntaxLine", "[\n{\"image_id\": 7,, \"score\": 1}]", "malformed JSON at byte 17 (line 2, column 16)"},
        BadInput{"MissingScore", R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 1, 1]}])",
                 "record 0: field 'score': missing"},
        BadInput{"MistypedBbox",
                 R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5},
                     {"image_id": 7, "category_id": 1, "bbox": [0, 0, "1", 1], "score": 0.5}])",
                 "record 1: field 'bbox'"},
        BadInput{"ShortBbox", R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 1], "score": 0.5}])",
                 "expected 4 numbers"},
        BadInput{"NaNScore", R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, 1, 1], "score": NaN}])",
                 "NaN and Infinity are not JSON numbers"},
        BadInput{"InfinityCoordinate",
                 R"([{"image_id": 7, "category_id": 1, "bbox": [0, 0, Infinity, 1], "score": 0.5}])",
                 "NaN and Infinity are not JSON numbers"},
        BadInput{"StringImageId", R"([{"image_id": "7", "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5}])",
                 "field 'image_id': expected an integer"},
        BadInput{"NotAnArray", R"({"images": []})", "expected a JSON array of results"},
        BadInput{"BadRle",
                 R"([{"image_id": 7, "category_id": 1, "score": 0.5, "segmentation": {"size": [4, 4], "counts": "~~"}}])",
                 "not a valid compressed RLE string"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(EvalCocoCli, BadGroundTruthNamesSectionRecordField) {
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"eval", "coco", "--gt",
                              write(dir / "gt.json", R"({"images": [{"id": 1, "width": 5, "height": 5}],
                                "categories": [{"id": 1, "name": "a"}],
                                "annotations": [{"id": 1, "image_id": 2, "category_id": 1, "bbox": [0,0,1,1], "area": 1}]})"),
                              "--pred", write(dir / "dt.json", "[]")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("annotations: record 0: field 'image_id': 2 is not in 'images'"), std::string::npos) << r.err;
}

TEST(EvalCocoCli, GzipResultsAndCorruptGzip) {
  const auto dir = fresh_test_dir();
  const std::string gt = write(dir / "gt.json", kTinyGt);
  const std::string plain(kTinyDt);
  gzFile f = gzopen((dir / "dt.json.gz").c_str(), "wb");
  gzwrite(f, plain.data(), static_cast<unsigned>(plain.size()));
  gzclose(f);
  auto r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", (dir / "dt.json.gz").string(), "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_DOUBLE_EQ(metrics_of(r).at("AP").get<double>(), 51.0 / 101.0);
  // Flip bytes in the middle of the deflate stream.
  std::ifstream in(dir / "dt.json.gz", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  bytes.resize(bytes.size() - 12);
  r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", write(dir / "cut.json.gz", bytes)});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("gzip"), std::string::npos) << r.err;
}

TEST(EvalCocoCli, MissingFileAndUsageErrors) {
  auto r = run_ovbench({"eval", "coco", "--gt", "/nonexistent/gt.json", "--pred", "/nonexistent/dt.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/gt.json: cannot open"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "coco", "--gt", "x.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--pred RESULTS.json is required"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "coco", "--gt", "a", "--pred", "b", "--iou-type", "keypoints"});
  EXPECT_EQ(r.exit_code, 2);
}

// LVIS by hand: the federated rules decide which detections count.
TEST(EvalLvisCli, FederatedFiltersByHand) {
  const auto dir = fresh_test_dir();
  const std::string gt = write(dir / "gt.json", R"({
    "images": [{"id": 1, "width": 100, "height": 100, "neg_category_ids": [3], "not_exhaustive_category_ids": [1]}],
    "categories": [{"id": 1, "name": "a", "frequency": "r"}, {"id": 2, "name": "b", "frequency": "c"},
                   {"id": 3, "name": "c", "frequency": "f"}],
    "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100},
                    {"id": 2, "image_id": 1, "category_id": 2, "bbox": [0, 0, 10, 10], "area": 100}]})");
  // cat 1: a miss (0.9, ignored: not exhaustive) then a hit (0.8) -> AP 1.
  // cat 2: a hit (0.5) -> AP 1. cat 3 (negative): a false positive, but no gt -> AP -1.
  const std::string dt = write(dir / "dt.json", R"([
    {"image_id": 1, "category_id": 1, "bbox": [60, 60, 10, 10], "score": 0.9},
    {"image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.8},
    {"image_id": 1, "category_id": 2, "bbox": [0, 0, 10, 10], "score": 0.5},
    {"image_id": 1, "category_id": 3, "bbox": [0, 0, 10, 10], "score": 0.5}])");
  const auto r = run_ovbench({"eval", "lvis", "--gt", gt, "--pred", dt, "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto m = j.at("metrics");
  EXPECT_DOUBLE_EQ(m.at("AP").get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(m.at("APr").get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(m.at("APc").get<double>(), 1.0);
  EXPECT_EQ(m.at("APf").get<double>(), -1.0);
  EXPECT_DOUBLE_EQ(m.at("AR@300").get<double>(), 1.0);
  EXPECT_EQ(j.at("counts").at("detections_kept"), 4);
  EXPECT_EQ(j.at("params").at("max_dets_per_image"), 300);
}

TEST(EvalLvisCli, FixedProtocolAndMissingFrequency) {
  const auto dir = fresh_test_dir();
  auto r = run_ovbench({"eval", "lvis", "--gt", write(dir / "gt.json", kTinyGt), "--pred",
                        write(dir / "dt.json", kTinyDt), "--protocol", "fixed", "--json", "-"});
  EXPECT_EQ(r.exit_code, 2);  // kTinyGt's image lacks neg_category_ids
  EXPECT_NE(r.err.find("images: record 0: field 'neg_category_ids': missing (LVIS)"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "lvis", "--gt", kExampleGt, "--pred", kExampleDt, "--protocol", "sometimes"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--protocol must be standard or fixed"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ovbench
