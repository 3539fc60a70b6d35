// The suites shipped in the binary load and say what their papers' protocols say; a name finds
// an embedded suite, a path a user's file; and a loaded suite written back reads the same.

#include "harness/suites/suite_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "datasets/odinw_tasks.h"
#include "harness/suites/suite_json.h"
#include "harness/suites/suite_validator.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "ovbench-suite-test" / (name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

TEST(SuiteLoader, EveryShippedSuiteIsListedAndLoads) {
  const std::vector<std::string> expected = {
      "ade20k-150",   "coco-stuff-171",  "coco-zeroshot", "demo",    "flickr30k-entities-test",
      "flickr30k-entities-val", "lvis-v1-minival", "lvis-v1-val", "odinw-13", "odinw-35",
      "ov-coco",      "ov-lvis",         "pascal-context-59"};
  ASSERT_EQ(list_suite_names(), expected);
  for (const auto& name : expected) {
    SCOPED_TRACE(name);
    const Suite s = load_suite(name);
    EXPECT_EQ(s.name, name);  // a suite's name is its file's
    EXPECT_EQ(s.source, "suites/" + name + ".json");
    EXPECT_TRUE(s.embedded);
    EXPECT_EQ(s.content_hash.rfind("fnv1a64:", 0), 0u);
    EXPECT_FALSE(s.description.empty());
    for (const auto& d : s.datasets) EXPECT_FALSE(d.headline.empty()) << d.name;
    // Written back (defaults spelled out) and read again, it is the same suite.
    const auto written = suite_to_json(s);
    EXPECT_EQ(suite_to_json(suite_from_json(written, "round trip")), written);
  }
}

TEST(SuiteLoader, OvCocoIsAp50OnTheOvSplit) {
  const Suite s = load_suite("ov-coco");
  ASSERT_EQ(s.datasets.size(), 1u);
  const SuiteDataset& d = s.datasets[0];
  EXPECT_EQ(d.evaluator, SuiteEvaluator::kCoco);
  EXPECT_EQ(d.paths.gt, "coco/zero-shot/instances_val2017_all_2.json");
  EXPECT_EQ(d.paths.images, "coco/val2017");
  EXPECT_EQ(d.category_groups.source, GroupSource::kOvCoco);
  EXPECT_FALSE(std::get<CocoSuiteProtocol>(d.protocol).segm);
  ASSERT_EQ(d.headline.size(), 3u);
  EXPECT_EQ(d.headline[0].label(), "novel AP50");
  EXPECT_EQ(d.headline[1].label(), "base AP50");
  EXPECT_EQ(d.headline[2].label(), "all AP50");
}

TEST(SuiteLoader, LvisSuitesScoreStandardAndFixedAp) {
  for (const std::string name : {"lvis-v1-val", "lvis-v1-minival"}) {
    const Suite s = load_suite(name);
    ASSERT_EQ(s.datasets.size(), 2u) << name;
    EXPECT_EQ(std::get<LvisSuiteProtocol>(s.datasets[0].protocol).protocol, LvisProtocol::kStandard);
    EXPECT_EQ(std::get<LvisSuiteProtocol>(s.datasets[1].protocol).protocol, LvisProtocol::kFixed);
    EXPECT_EQ(s.datasets[0].paths.gt, s.datasets[1].paths.gt);
    EXPECT_EQ(s.datasets[0].headline[1].metric, "APr");
  }
  const Suite ov = load_suite("ov-lvis");
  EXPECT_EQ(ov.datasets[0].category_groups.source, GroupSource::kOvLvis);
  EXPECT_EQ(ov.datasets[0].paths.gt, "lvis/lvis_v1_val.json");
}

TEST(SuiteLoader, OdinwSuitesHoldZeroShotAndGlipsKShotRuns) {
  const Suite s = load_suite("odinw-35");
  ASSERT_EQ(s.datasets.size(), 5u);
  const auto& zero = std::get<OdinwSuiteProtocol>(s.datasets[0].protocol);
  EXPECT_EQ(zero.shots, 0);
  EXPECT_EQ(zero.task_names, odinw_task_names("odinw35"));
  EXPECT_EQ(zero.task_names.size(), 35u);
  const int shots[] = {1, 3, 5, 10};
  for (int i = 0; i < 4; ++i) {
    const auto& p = std::get<OdinwSuiteProtocol>(s.datasets[i + 1].protocol);
    EXPECT_EQ(p.shots, shots[i]);
    EXPECT_EQ(p.seeds, (std::vector<std::int64_t>{3, 30, 300}));
    EXPECT_EQ(s.datasets[i + 1].name, "odinw-35-" + std::to_string(shots[i]) + "shot");
  }
  EXPECT_EQ(std::get<OdinwSuiteProtocol>(load_suite("odinw-13").datasets[0].protocol).task_names.size(), 13u);
}

TEST(SuiteLoader, SegmentationSuitesFollowMmseg) {
  struct Expect {
    const char* suite;
    int classes;
    bool reduce_zero_label;
    const char* label_suffix;
  };
  for (const Expect& e : {Expect{"ade20k-150", 150, true, ".png"}, Expect{"pascal-context-59", 59, true, ".png"},
                          Expect{"coco-stuff-171", 171, false, "_labelTrainIds.png"}}) {
    const SuiteDataset d = load_suite(e.suite).datasets.at(0);
    const auto& p = std::get<MiouSuiteProtocol>(d.protocol);
    EXPECT_EQ(p.num_classes, e.classes) << e.suite;
    EXPECT_EQ(p.reduce_zero_label, e.reduce_zero_label) << e.suite;
    EXPECT_EQ(p.ignore_index, 255) << e.suite;
    EXPECT_EQ(d.paths.label_suffix, e.label_suffix) << e.suite;
    EXPECT_EQ(d.vocabulary.list, e.suite) << e.suite;
  }
  EXPECT_EQ(load_suite("pascal-context-59").datasets[0].paths.split_file,
            "VOCdevkit/VOC2010/ImageSets/SegmentationContext/val.txt");
}

TEST(SuiteLoader, DemoSuiteMatchesTheDemoLayout) {
  const Suite s = load_suite("demo");
  ASSERT_EQ(s.datasets.size(), 4u);
  const SuiteDataset& det = s.datasets[0];
  EXPECT_EQ(det.name, "demo-ov-detection");
  EXPECT_EQ(det.evaluator, SuiteEvaluator::kCoco);
  EXPECT_EQ(det.paths.gt, "detection/instances.json");
  EXPECT_EQ(det.paths.images, "images");
  EXPECT_EQ(det.category_groups.source, GroupSource::kSplitFile);
  EXPECT_EQ(det.category_groups.file, "detection/ov_split.json");
  const SuiteDataset& lvis = s.datasets[1];
  EXPECT_EQ(lvis.name, "demo-lvis");
  EXPECT_EQ(lvis.evaluator, SuiteEvaluator::kLvis);
  EXPECT_EQ(lvis.paths.gt, "lvis/instances.json");
  const SuiteDataset& ground = s.datasets[2];
  EXPECT_EQ(ground.name, "demo-grounding");
  EXPECT_EQ(ground.paths.entities_root, "flickr30k");
  EXPECT_EQ(ground.paths.image_suffix, ".png");
  EXPECT_EQ(std::get<Flickr30kSuiteProtocol>(ground.protocol).split, "val");
  const SuiteDataset& seg = s.datasets[3];
  EXPECT_EQ(seg.name, "demo-segmentation");
  EXPECT_EQ(seg.paths.gt_labels, "segmentation/labels");
  EXPECT_EQ(seg.vocabulary.source, ClassSource::kFile);
  EXPECT_EQ(seg.vocabulary.list, "segmentation/classes.json");
  const auto& p = std::get<MiouSuiteProtocol>(seg.protocol);
  EXPECT_FALSE(p.reduce_zero_label);
  EXPECT_EQ(p.ignore_index, 255);
  EXPECT_FALSE(p.num_classes.has_value());  // from the class file
}

TEST(SuiteLoader, UnknownNameListsTheEmbeddedSuites) {
  try {
    load_suite("ov-cocoa");
    FAIL();
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_EQ(m.rfind("unknown suite 'ov-cocoa' (embedded: ade20k-150, coco-stuff-171,", 0), 0u) << m;
    EXPECT_NE(m.find("a suite file is given by a path ending in .json"), std::string::npos) << m;
  }
}

TEST(SuiteLoader, APathLoadsAUserSuiteAndErrorsNameThatPath) {
  const fs::path dir = fresh_dir("user-suite");
  const std::string text = R"({"name": "ov-coco", "description": "mine",
    "datasets": [{"name": "d", "task": "detect", "evaluator": "coco",
      "paths": {"gt": "gt.json", "images": "img"}, "vocabulary": {"classes": "gt-categories"},
      "headline": [{"metric": "AP"}]}]})";
  write_text(dir / "mine.json", text);
  const Suite s = load_suite((dir / "mine.json").string());
  EXPECT_FALSE(s.embedded);
  EXPECT_EQ(s.source, (dir / "mine.json").string());
  EXPECT_EQ(s.datasets[0].paths.gt, "gt.json");  // still relative to the data root, not to the file
  // Same name as a built-in suite, different bytes: the hash tells them apart.
  EXPECT_NE(s.content_hash, load_suite("ov-coco").content_hash);
  // A path without .json is still a path when it has a '/'.
  write_text(dir / "noext", text);
  EXPECT_EQ(load_suite((dir / "noext").string()).source, (dir / "noext").string());

  write_text(dir / "bad.json", R"({"name": "x", "description": "y", "datasets": [{"name": 3}]})");
  try {
    load_suite((dir / "bad.json").string());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "bad.json").string() + ": datasets[0].name: expected a string, not an integer");
  }
  EXPECT_THROW(load_suite((dir / "missing.json").string()), InputError);
}

}  // namespace
}  // namespace ovbench
