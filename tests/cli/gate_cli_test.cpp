// `ovbench gate` end to end: a planted regression fails (exit 1) with JUnit and Markdown
// reports, the same detector on other random draws (noise) passes, and bad rules are exit 2.

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

std::string write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::uint64_t next(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
double uniform(std::uint64_t& s) { return static_cast<double>(next(s) >> 11) * 0x1.0p-53; }

// 300 images, one 40x40 object each (category 1 "base") plus, on even images, one of
// category 2 ("novel"). A detector finds each object with probability `recall` (score in
// [0.4, 1)) and adds one false positive per image (score in [0, 0.7)).
std::string ground_truth() {
  nlohmann::json gt{{"images", nlohmann::json::array()}, {"annotations", nlohmann::json::array()},
                    {"categories", {{{"id", 1}, {"name", "base"}}, {{"id", 2}, {"name", "novel"}}}}};
  int id = 1;
  for (int i = 1; i <= 300; ++i) {
    gt["images"].push_back({{"id", i}, {"width", 100}, {"height", 100}});
    for (int c = 1; c <= (i % 2 ? 1 : 2); ++c) {
      gt["annotations"].push_back({{"id", id++}, {"image_id", i}, {"category_id", c},
                                   {"bbox", {10 + 45 * (c - 1), 10, 40, 40}}, {"area", 1600}, {"iscrowd", 0}});
    }
  }
  return gt.dump();
}

std::string detections(std::uint64_t seed, double recall_base, double recall_novel) {
  nlohmann::json dt = nlohmann::json::array();
  for (int i = 1; i <= 300; ++i) {
    for (int c = 1; c <= (i % 2 ? 1 : 2); ++c) {
      if (uniform(seed) < (c == 1 ? recall_base : recall_novel)) {
        dt.push_back({{"image_id", i}, {"category_id", c}, {"bbox", {10 + 45 * (c - 1), 10, 40, 40}},
                      {"score", 0.4 + 0.6 * uniform(seed)}});
      }
    }
    dt.push_back({{"image_id", i}, {"category_id", 1 + (i % 2)}, {"bbox", {10, 60, 30, 30}}, {"score", 0.7 * uniform(seed)}});
  }
  return dt.dump();
}

TEST(GateCli, PlantedRegressionFailsNoisePasses) {
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  const auto gt = write_file(dir / "gt.json", ground_truth());
  const auto groups = write_file(dir / "groups.json", R"({"novel": [2], "base": [1]})");
  auto eval = [&](const std::string& tag, const std::string& pred_text) {
    const auto pred = write_file(dir / (tag + ".json"), pred_text);
    const auto r = run_ovbench({"eval", "coco", "--gt", gt, "--pred", pred, "--groups", groups, "--bootstrap", "300",
                                "--seed", "1", "--db", db, "--tag", tag});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  };
  eval("main", detections(1, 0.7, 0.7));
  eval("noise", detections(2, 0.7, 0.7));       // same detector, other draws
  eval("broken", detections(3, 0.7, 0.35));     // novel recall halved: a real regression
  const auto rules = write_file(dir / "rules.json", R"({"rules": [
      {"metric": "AP50", "group": "novel", "max_drop": 0.0, "unless_within_interval": true},
      {"metric": "AP50", "min": 0.2}]})");

  const auto noise = run_ovbench({"gate", "--run", "noise", "--baseline", "main", "--rules", rules, "--db", db});
  EXPECT_EQ(noise.exit_code, 0) << noise.out << noise.err;
  // With these draws the noise run is 0.0096 lower: forgiven because the interval reaches 0.
  EXPECT_NE(noise.out.find("within noise"), std::string::npos) << noise.out;

  const auto junit = dir / "gate.xml", md = dir / "gate.md";
  const auto broken = run_ovbench({"gate", "--run", "broken", "--baseline", "main", "--rules", rules, "--db", db,
                                   "--junit", junit.string(), "--markdown", md.string()});
  EXPECT_EQ(broken.exit_code, 1) << broken.out << broken.err;
  EXPECT_NE(broken.out.find("FAIL  gt.json: novel AP50"), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("excludes 0"), std::string::npos) << broken.out;
  const std::string xml = read_text(junit);
  EXPECT_NE(xml.find("tests=\"2\" failures=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure message=\""), std::string::npos);
  const std::string markdown = read_text(md);
  EXPECT_NE(markdown.find("1 regression(s)"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("| ❌ | gt.json: novel AP50"), std::string::npos) << markdown;

  // A floor above the value fails.
  const auto floor = write_file(dir / "floor.json", R"({"rules": [{"metric": "AP50", "min": 0.99}]})");
  EXPECT_EQ(run_ovbench({"gate", "--run", "noise", "--baseline", "main", "--rules", floor, "--db", db}).exit_code, 1);

  // A baseline file (`ovbench show --json` output) works too.
  const auto base_json = run_ovbench({"show", "main", "--db", db, "--json"});
  const auto base_file = write_file(dir / "baseline.json", base_json.out);
  const auto loose = write_file(dir / "loose.json", R"({"rules": [{"metric": "AP", "max_drop": 0.5}]})");
  EXPECT_EQ(run_ovbench({"gate", "--run", "broken", "--baseline", base_file, "--rules", loose, "--db", db}).exit_code, 0);
}

TEST(GateCli, BadRulesAreExitTwoNamingTheField) {
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  const auto gt = write_file(dir / "gt.json", ground_truth());
  const auto pred = write_file(dir / "p.json", detections(1, 0.7, 0.7));
  ASSERT_EQ(run_ovbench({"eval", "coco", "--gt", gt, "--pred", pred, "--db", db, "--tag", "x"}).exit_code, 0);
  struct Case {
    const char* rules;
    const char* message;
  };
  for (const Case& c : {Case{R"({"rules": [{"metric": "AP", "max_drop": "half"}]})", "record 0: field 'max_drop'"},
                        Case{R"({"rules": [{"metric": "AP"}]})", "needs max_drop, min or both"},
                        Case{R"({"rules": [{"metric": "AP", "min": 0.1, "colour": 1}]})", "field 'colour': unknown field"},
                        Case{R"({"rules": [{"metric": "AP5O", "min": 0.1}]})", "has no metric 'AP5O'"},
                        Case{R"({"rules": []})", "expected {\"rules\""},
                        Case{R"({"rules": [{"metric": "AP", "min": 0.1, "dataset": "other.json"}]})", "no dataset 'other.json'"}}) {
    const auto rules = write_file(dir / "rules.json", c.rules);
    const auto r = run_ovbench({"gate", "--run", "x", "--baseline", "x", "--rules", rules, "--db", db});
    EXPECT_EQ(r.exit_code, 2) << c.rules;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.rules << "\n" << r.err;
  }
}

}  // namespace
}  // namespace ovbench
