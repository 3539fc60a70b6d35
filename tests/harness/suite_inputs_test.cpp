// Preflight: every file and folder a suite reads, checked under a data root, with the right
// kind (a file where a folder is expected is missing), and one error naming what is missing.

#include "harness/suites/suite_inputs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "harness/suites/suite_loader.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "ovbench-suite-inputs-test" / (name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "{}";
}

std::string row(const RequiredInput& in) {
  return in.dataset + " | " + in.role + " | " + in.path + (in.directory ? "/" : "") + " | " +
         (in.present ? "ok" : "missing");
}

TEST(SuiteInputs, DemoSuiteOnAPartlyFilledDataRoot) {
  const fs::path root = fresh_dir("demo");
  fs::create_directories(root / "images");
  touch(root / "detection/instances.json");
  touch(root / "detection/ov_split.json");
  touch(root / "flickr30k/val.txt");
  fs::create_directories(root / "flickr30k/Annotations");
  touch(root / "flickr30k/Sentences");  // a file where the folder should be
  fs::create_directories(root / "segmentation/labels");
  // lvis/instances.json and segmentation/classes.json are not there.

  std::vector<std::string> rows;
  for (const auto& in : check_suite_inputs(load_suite("demo"), root)) rows.push_back(row(in));
  const std::vector<std::string> expected = {
      "demo-ov-detection | gt | detection/instances.json | ok",
      "demo-ov-detection | images | images/ | ok",
      "demo-ov-detection | category split | detection/ov_split.json | ok",
      "demo-lvis | gt | lvis/instances.json | missing",
      "demo-lvis | images | images/ | ok",
      "demo-grounding | val image list | flickr30k/val.txt | ok",
      "demo-grounding | annotations | flickr30k/Annotations/ | ok",
      "demo-grounding | sentences | flickr30k/Sentences/ | missing",
      "demo-grounding | images | images/ | ok",
      "demo-segmentation | gt labels | segmentation/labels/ | ok",
      "demo-segmentation | images | images/ | ok",
      "demo-segmentation | class list | segmentation/classes.json | missing",
  };
  EXPECT_EQ(rows, expected);

  try {
    require_suite_inputs(load_suite("demo"), root);
    FAIL() << "missing inputs passed preflight";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              (root / "").string() +
                  ": 3 inputs of suite 'demo' missing: demo-lvis gt lvis/instances.json; "
                  "demo-grounding sentences flickr30k/Sentences/; demo-segmentation class list "
                  "segmentation/classes.json (`ovbench suites demo --data-root DIR` lists them)");
  }

  fs::remove(root / "flickr30k/Sentences");
  fs::create_directories(root / "flickr30k/Sentences");
  touch(root / "lvis/instances.json");
  touch(root / "segmentation/classes.json");
  EXPECT_NO_THROW(require_suite_inputs(load_suite("demo"), root));
}

TEST(SuiteInputs, PathsAreListedInOneSpelling) {
  const Suite s = suite_from_text(R"({"name": "m", "description": "d", "datasets": [{"name": "x",
      "task": "detect", "evaluator": "coco", "paths": {"gt": "./a//gt.json", "images": "img/./val/"},
      "vocabulary": {"classes": "gt-categories"}, "headline": [{"metric": "AP"}]}]})",
                                  "m.json", false);
  const fs::path root = fresh_dir("spelling");
  fs::create_directories(root / "img/val");
  const auto inputs = check_suite_inputs(s, root);
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(row(inputs[0]), "x | gt | a/gt.json | missing");
  EXPECT_EQ(row(inputs[1]), "x | images | img/val/ | ok");
}

TEST(SuiteInputs, ManyMissingInputsAreCountedOnOneLine) {
  const fs::path root = fresh_dir("empty");
  try {
    require_suite_inputs(load_suite("odinw-13"), root);
    FAIL();
  } catch (const InputError& e) {
    const std::string m = e.what();
    // 5 datasets x 13 tasks x (gt file + image folder); the first three are named.
    EXPECT_NE(m.find(": 130 inputs of suite 'odinw-13' missing: odinw-13 PascalVOC gt (val) "
                     "odinw/PascalVOC/valid/annotations_without_background.json; "),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("; and 127 more (`ovbench suites odinw-13"), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos);
  }
}

TEST(SuiteInputs, OdinwTasksAreScoredOnTheirEvalSplitZeroShotAndOnTestKShot) {
  const Suite s = load_suite("odinw-35");
  const auto inputs = suite_inputs(s);
  std::vector<RequiredInput> zero, one_shot;
  for (const auto& in : inputs) {
    if (in.dataset == "odinw-35") zero.push_back(in);
    if (in.dataset == "odinw-35-1shot") one_shot.push_back(in);
  }
  ASSERT_EQ(zero.size(), 70u);
  ASSERT_EQ(one_shot.size(), 70u);
  auto find = [](const std::vector<RequiredInput>& v, const std::string& role) {
    for (const auto& in : v)
      if (in.role == role) return in.path;
    return std::string("not listed");
  };
  EXPECT_EQ(find(zero, "pothole gt (val)"), "odinw/pothole/valid/annotations_without_background.json");
  EXPECT_EQ(find(zero, "pothole images (val)"), "odinw/pothole/valid");
  EXPECT_EQ(find(one_shot, "pothole gt (test)"), "odinw/pothole/test/annotations_without_background.json");
}

TEST(SuiteInputs, FlickrAndSegmentationLayouts) {
  std::vector<std::string> rows;
  for (const auto& in : suite_inputs(load_suite("flickr30k-entities-test"))) rows.push_back(row(in));
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "flickr30k-entities-test | test image list | flickr30k_entities/test.txt | missing",
                      "flickr30k-entities-test | annotations | flickr30k_entities/Annotations/ | missing",
                      "flickr30k-entities-test | sentences | flickr30k_entities/Sentences/ | missing",
                      "flickr30k-entities-test | images | flickr30k-images/ | missing"}));
  rows.clear();
  for (const auto& in : suite_inputs(load_suite("pascal-context-59"))) rows.push_back(row(in));
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "pascal-context-59-val | gt labels | VOCdevkit/VOC2010/SegmentationClassContext/ | missing",
                      "pascal-context-59-val | images | VOCdevkit/VOC2010/JPEGImages/ | missing",
                      "pascal-context-59-val | split list | VOCdevkit/VOC2010/ImageSets/SegmentationContext/val.txt | missing"}));
}

}  // namespace
}  // namespace ovbench
