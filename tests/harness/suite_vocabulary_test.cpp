// A suite's vocabulary and category groups made concrete: class lists from the binary or the
// data root, and groups resolved against a ground truth's categories.

#include "harness/suites/suite_vocabulary.h"

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
  const fs::path dir = fs::temp_directory_path() / "ovbench-suite-vocab-test" / (name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

Category cat(std::int64_t id, const std::string& name, char frequency = 0) {
  Category c;
  c.id = id;
  c.name = name;
  c.frequency = frequency;
  return c;
}

const SuiteDataset& dataset(const Suite& s, const std::string& name) {
  for (const auto& d : s.datasets)
    if (d.name == name) return d;
  throw std::logic_error("no dataset " + name);
}

TEST(SuiteVocabulary, SplitFileGroupsByNameOrRecord) {
  const fs::path root = fresh_dir("split");
  // Names, or {"id", "name"} records as in datasets/data/ov_coco_split.json; ids follow the gt.
  write_text(root / "detection/ov_split.json",
             R"({"base": ["red circle", {"id": 99, "name": "blue square"}], "novel": ["green star"]})");
  const std::vector<Category> cats = {cat(1, "red circle"), cat(2, "green star"), cat(3, "blue square"),
                                      cat(4, "unused")};
  const Suite demo = load_suite("demo");
  const auto groups = suite_category_groups(dataset(demo, "demo-ov-detection"), cats, root);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].name, "base");
  EXPECT_EQ(groups[0].category_ids, (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(groups[1].name, "novel");
  EXPECT_EQ(groups[1].category_ids, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(groups[2].name, "all");
  EXPECT_EQ(groups[2].category_ids, (std::vector<std::int64_t>{1, 2, 3}));

  write_text(root / "detection/ov_split.json", R"({"base": ["red circle"], "novel": ["purple star"]})");
  try {
    suite_category_groups(dataset(demo, "demo-ov-detection"), cats, root);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), (root / "detection/ov_split.json").string() +
                                         ": novel[0]: category \"purple star\" is not in the ground truth");
  }
  write_text(root / "detection/ov_split.json", R"({"base": ["red circle"], "novel": ["red circle"]})");
  try {
    suite_category_groups(dataset(demo, "demo-ov-detection"), cats, root);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), (root / "detection/ov_split.json").string() +
                                         ": novel[0]: category \"red circle\" is already in a group");
  }
}

TEST(SuiteVocabulary, LvisFrequencyAndRareAsNovel) {
  const std::vector<Category> cats = {cat(1, "a", 'f'), cat(2, "b", 'r'), cat(3, "c", 'c'), cat(4, "d", 'r')};
  const auto freq = suite_category_groups(load_suite("demo").datasets[1], cats, ".");
  ASSERT_EQ(freq.size(), 3u);
  EXPECT_EQ(freq[0].name, "rare");
  EXPECT_EQ(freq[0].category_ids, (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(freq[1].name, "common");
  EXPECT_EQ(freq[1].category_ids, (std::vector<std::int64_t>{3}));
  EXPECT_EQ(freq[2].name, "frequent");
  EXPECT_EQ(freq[2].category_ids, (std::vector<std::int64_t>{1}));
  const auto ov = suite_category_groups(load_suite("ov-lvis").datasets[0], cats, ".");
  ASSERT_EQ(ov.size(), 3u);
  EXPECT_EQ(ov[0].name, "base");
  EXPECT_EQ(ov[0].category_ids, (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(ov[1].name, "novel");
  EXPECT_EQ(ov[1].category_ids, (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(ov[2].category_ids, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_THROW(suite_category_groups(load_suite("ov-lvis").datasets[0], {cat(7, "x")}, "."), InputError);
}

TEST(SuiteVocabulary, OvCocoIsTheEmbeddedSplit) {
  const auto groups = suite_category_groups(load_suite("ov-coco").datasets[0], {}, ".");
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].category_ids.size(), 48u);
  EXPECT_EQ(groups[1].category_ids.size(), 17u);
  EXPECT_EQ(groups[2].category_ids.size(), 65u);
  EXPECT_TRUE(suite_category_groups(load_suite("coco-zeroshot").datasets[0], {}, ".").empty());
}

TEST(SuiteVocabulary, ClassNamesFromTheBinaryOrTheDataRoot) {
  const auto ade = suite_class_names(load_suite("ade20k-150").datasets[0], ".");
  ASSERT_EQ(ade.size(), 150u);
  EXPECT_EQ(ade[0], "wall");
  EXPECT_EQ(ade[149], "flag");
  const fs::path root = fresh_dir("classes");
  write_text(root / "segmentation/classes.json", R"(["background", "red circle", "blue square"])");
  const Suite demo = load_suite("demo");
  const SuiteDataset& seg = demo.datasets[3];
  EXPECT_EQ(suite_class_names(seg, root), (std::vector<std::string>{"background", "red circle", "blue square"}));
  write_text(root / "segmentation/classes.json", R"(["background", 7])");
  try {
    suite_class_names(seg, root);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              (root / "segmentation/classes.json").string() + ": [1]: expected a class name, not an integer");
  }
}

}  // namespace
}  // namespace ovbench
