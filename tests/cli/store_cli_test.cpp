// `ovbench eval ... --db/--tag`, `ovbench runs` and `ovbench show` through the real binary.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

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
  EXPECT_NE(table.out.find("coco_small_gt.json  AP      0.0980"), std::string::npos) << table.out;
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

std::string write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// Two checkpoints on one ground truth: B finds both cats, A only one. Paired intervals appear
// when both were bootstrapped with one seed; other ground truth or protocol is refused.
TEST(StoreCli, CompareGivesPairedDifferencesAndRefusesMismatches) {
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  // 20 images with one cat each; B finds all 20, A the 10 odd ones.
  std::string images, annotations, a_text, b_text;
  for (int i = 1; i <= 20; ++i) {
    const std::string img = std::to_string(i);
    const std::string sep = i > 1 ? "," : "";
    images += sep;
    images += R"({"id": )" + img + R"(, "width": 100, "height": 100})";
    annotations += sep;
    annotations += R"({"id": )" + img + R"(, "image_id": )" + img +
                   R"(, "category_id": 1, "bbox": [10, 10, 40, 40], "area": 1600, "iscrowd": 0, )"
                   R"("segmentation": [[10, 10, 50, 10, 50, 50, 10, 50]]})";
    const std::string hit = R"({"image_id": )" + img + R"(, "category_id": 1, "bbox": [10, 10, 40, 40], "score": 0.9})";
    b_text += sep;
    b_text += hit;
    if (i % 2) {
      if (!a_text.empty()) a_text += ",";
      a_text += hit;
    }
  }
  const std::string gt_text = R"({"images": [)" + images +
                              R"(], "categories": [{"id": 1, "name": "cat"}], "annotations": [)" +
                              annotations + "]}";
  a_text = "[" + a_text;
  b_text = "[" + b_text;
  const auto gt = write_file(dir / "gt.json", gt_text);
  const auto a = write_file(dir / "a.json", a_text + "]");
  const auto b = write_file(dir / "b.json", b_text + "]");
  for (const auto& [pred, tag] : {std::pair{a, "a"}, std::pair{b, "b"}}) {
    const auto r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", pred, "--bootstrap", "300", "--seed", "5",
                                "--db", db, "--tag", tag});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const auto r = run_ovbench({"compare", "a", "b", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto c = nlohmann::json::parse(r.out);
  const auto& ap50 = c["datasets"][0]["metrics"]["AP50"];
  EXPECT_TRUE(c["datasets"][0]["paired"].get<bool>());
  // A: 10 of 20 found, all at the top: AP50 = 51/101 (recall thresholds 0..0.5 at precision ~1).
  EXPECT_NEAR(ap50["a"].get<double>(), 51.0 / 101, 1e-12);
  EXPECT_NEAR(ap50["b"].get<double>(), 1.0, 1e-12);
  EXPECT_GT(ap50["low"].get<double>(), 0.0);  // a gain that no resampling erases
  EXPECT_LT(ap50["p_value"].get<double>(), 0.05);
  const auto text = run_ovbench({"compare", "a", "b", "--db", db});
  EXPECT_NE(text.out.find("significant"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("all    AP50    0.5050  1.0000"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("better"), std::string::npos) << text.out;

  // Another ground truth under the same file name: refused by content hash.
  std::filesystem::create_directories(dir / "other");
  std::string other_text = gt_text;
  other_text.replace(other_text.find(R"("name": "cat")"), 13, R"("name": "dog")");
  const auto gt2 = write_file(dir / "other" / "gt.json", other_text);
  auto s = run_ovbench({"eval", "coco", "--gt", gt2, "--pred", a, "--db", db, "--tag", "other-gt"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  s = run_ovbench({"compare", "a", "other-gt", "--db", db});
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("ground truth files differ"), std::string::npos) << s.err;
  // A different protocol: the same files scored as segm are refused, naming the parameter.
  s = run_ovbench({"eval", "coco", "--gt", gt, "--pred", b, "--iou-type", "segm", "--db", db, "--tag", "segm"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  s = run_ovbench({"compare", "a", "segm", "--db", db});
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("protocol parameter 'iou_type'"), std::string::npos) << s.err;
  // Different seeds: differences without intervals, and a note saying why.
  s = run_ovbench({"eval", "coco", "--gt", gt, "--pred", b, "--bootstrap", "300", "--seed", "6", "--db", db, "--tag", "b6"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  s = run_ovbench({"compare", "a", "b6", "--db", db, "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto unpaired = nlohmann::json::parse(s.out)["datasets"][0];
  EXPECT_FALSE(unpaired["paired"].get<bool>());
  EXPECT_TRUE(unpaired["metrics"]["AP50"]["p_value"].is_null());
  EXPECT_NE(unpaired["note"].get<std::string>().find("different seeds"), std::string::npos);
}

}  // namespace
}  // namespace ovbench
