// The suite schema is strict: every way a hand-written suite can be wrong is an InputError
// whose message names the file and the JSON path (docs/suites.md), and every default is filled.

#include "harness/suites/suite_validator.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "harness/strict_json.h"

namespace ovbench {
namespace {

using Json = nlohmann::ordered_json;

// A valid two-dataset suite; each test breaks one thing.
Json valid_suite() {
  return Json::parse(R"({
    "name": "mine",
    "description": "a test suite",
    "datasets": [
      {"name": "det", "task": "detect", "evaluator": "coco",
       "paths": {"gt": "coco/gt.json", "images": "coco/images"},
       "vocabulary": {"classes": "gt-categories", "templates": "clip-80"},
       "category_groups": "ov-coco",
       "protocol": {"iou_type": "bbox", "max_dets": 100},
       "headline": [{"group": "novel", "metric": "AP50"}, {"metric": "AP"}]},
      {"name": "seg", "task": "segment", "evaluator": "miou",
       "paths": {"gt_labels": "ade/labels", "images": "ade/images"},
       "vocabulary": {"classes": "ade20k-150"},
       "protocol": {"reduce_zero_label": true},
       "headline": [{"metric": "mIoU"}]}
    ]})");
}

std::string error_of(const Json& doc) {
  try {
    suite_from_json(doc, "suites/mine.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(SuiteValidator, ValidSuiteLoadsWithDefaultsFilled) {
  const Suite s = suite_from_json(valid_suite(), "suites/mine.json");
  ASSERT_EQ(s.datasets.size(), 2u);
  const SuiteDataset& det = s.datasets[0];
  EXPECT_EQ(det.evaluator, SuiteEvaluator::kCoco);
  EXPECT_EQ(det.paths.gt, "coco/gt.json");
  EXPECT_EQ(det.category_groups.source, GroupSource::kOvCoco);
  EXPECT_EQ(std::get<CocoSuiteProtocol>(det.protocol).max_dets, 100);
  ASSERT_EQ(det.headline.size(), 2u);
  EXPECT_EQ(det.headline[0].label(), "novel AP50");
  EXPECT_EQ(det.headline[1].label(), "AP");
  const SuiteDataset& seg = s.datasets[1];
  const auto& miou = std::get<MiouSuiteProtocol>(seg.protocol);
  EXPECT_EQ(miou.num_classes, 150);  // from the embedded ade20k-150 list
  EXPECT_TRUE(miou.reduce_zero_label);
  EXPECT_EQ(miou.ignore_index, 255);  // eval miou's default
  EXPECT_EQ(seg.paths.image_suffix, ".jpg");
  EXPECT_EQ(seg.paths.label_suffix, ".png");
  EXPECT_EQ(seg.vocabulary.templates, "none");
  EXPECT_EQ(seg.category_groups.source, GroupSource::kNone);
}

TEST(SuiteValidator, UnknownKeysNameTheirPath) {
  Json d = valid_suite();
  d["datasets"][0]["protocol"]["iou_typ"] = "bbox";
  EXPECT_EQ(error_of(d),
            "suites/mine.json: datasets[0].protocol.iou_typ: unknown key (allowed here: "
            "\"iou_type\", \"max_dets\")");
  d = valid_suite();
  d["version"] = 2;
  EXPECT_EQ(error_of(d), "suites/mine.json: version: unknown key (allowed here: \"name\", "
                         "\"description\", \"datasets\")");
  // A key that belongs to another evaluator is unknown here.
  d = valid_suite();
  d["datasets"][1]["paths"]["gt"] = "x.json";
  EXPECT_EQ(error_of(d).rfind("suites/mine.json: datasets[1].paths.gt: unknown key", 0), 0u)
      << error_of(d);
}

TEST(SuiteValidator, WrongTypesSayWhatWasExpectedAndFound) {
  Json d = valid_suite();
  d["datasets"][0]["protocol"]["max_dets"] = "100";
  EXPECT_EQ(error_of(d),
            "suites/mine.json: datasets[0].protocol.max_dets: expected an integer, not a string");
  d = valid_suite();
  d["datasets"][1]["protocol"]["reduce_zero_label"] = 1;
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].protocol.reduce_zero_label: expected "
                         "true or false, not an integer");
  d = valid_suite();
  d["datasets"] = Json::object();
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets: expected an array, not an object");
  d = valid_suite();
  d["datasets"][0]["paths"] = "coco";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].paths: expected an object, not a string");
  d = valid_suite();
  d["datasets"][0]["headline"][1] = "AP";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].headline[1]: expected an object, not a string");
}

TEST(SuiteValidator, MissingFieldsNameTheirPath) {
  Json d = valid_suite();
  d["datasets"][0]["paths"].erase("images");
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].paths.images: required key is missing");
  d = valid_suite();
  d.erase("description");
  EXPECT_EQ(error_of(d), "suites/mine.json: description: required key is missing");
  d = valid_suite();
  d["datasets"][1].erase("headline");
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].headline: required key is missing");
  d = valid_suite();
  d["datasets"] = Json::array();
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets: must not be empty");
  // flickr30k needs its split even when the whole protocol object is left out.
  d = valid_suite();
  d["datasets"][0] = Json::parse(R"({"name": "g", "task": "ground", "evaluator": "flickr30k",
      "paths": {"entities_root": "f", "images": "i"}, "vocabulary": {"classes": "phrases"},
      "headline": [{"metric": "R@1"}]})");
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].protocol.split: required key is missing");
}

TEST(SuiteValidator, BadEnumValuesListTheChoices) {
  Json d = valid_suite();
  d["datasets"][0]["protocol"]["iou_type"] = "box";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].protocol.iou_type: expected one of "
                         "\"bbox\", \"segm\", not \"box\"");
  d = valid_suite();
  d["datasets"][0]["evaluator"] = "voc";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].evaluator: expected one of \"coco\", "
                         "\"lvis\", \"flickr30k\", \"miou\", \"odinw\", not \"voc\"");
  d = valid_suite();
  d["datasets"][0]["vocabulary"]["templates"] = "clip";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].vocabulary.templates: expected one of "
                         "\"clip-80\", \"vild-63\", \"regionclip\", \"none\", not \"clip\"");
  d = valid_suite();
  d["datasets"][0]["category_groups"] = "lvis-frequency";  // an LVIS grouping on a coco dataset
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].category_groups: expected one of "
                         "\"none\", \"ov-coco\", not \"lvis-frequency\"");
  d = valid_suite();
  d["datasets"][1]["vocabulary"]["classes"] = "ade20k";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].vocabulary.classes: expected one of "
                         "\"ade20k-150\", \"pascal-context-59\", \"coco-stuff-171\", not \"ade20k\"");
}

TEST(SuiteValidator, CombinationsThatCannotBeScoredAreRejected) {
  Json d = valid_suite();
  d["datasets"][0]["task"] = "segment";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].evaluator: \"coco\" scores task "
                         "\"detect\", not \"segment\"");
  d = valid_suite();
  d["datasets"][0]["headline"][0]["metric"] = "mIoU";
  EXPECT_EQ(error_of(d).rfind("suites/mine.json: datasets[0].headline[0].metric: expected one of "
                              "\"AP\", \"AP50\"", 0),
            0u)
      << error_of(d);
  d = valid_suite();
  d["datasets"][0]["headline"][0]["group"] = "rare";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].headline[0].group: expected one of "
                         "\"base\", \"novel\", \"all\", not \"rare\"");
  d = valid_suite();
  d["datasets"][1]["headline"][0]["group"] = "novel";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].headline[0].group: this dataset has no "
                         "category groups (set category_groups)");
  d = valid_suite();
  d["datasets"][0]["headline"][1] = {{"metric", "AP50"}, {"group", "novel"}};
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].headline[1]: \"novel AP50\" is listed twice");
  d = valid_suite();
  d["datasets"][1]["protocol"]["num_classes"] = 151;
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].protocol.num_classes: 151 classes, but "
                         "the class list \"ade20k-150\" has 150");
  d = valid_suite();
  d["datasets"][1]["protocol"]["ignore_index"] = 256;
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].protocol.ignore_index: must be between 0 "
                         "and 255, not 256");
  d = valid_suite();
  d["datasets"][1]["name"] = "det";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].name: dataset \"det\" is listed twice");
  d = valid_suite();
  d["name"] = "my suite";
  EXPECT_EQ(error_of(d).rfind("suites/mine.json: name: \"my suite\" is not a name", 0), 0u) << error_of(d);
}

TEST(SuiteValidator, PathsStayUnderTheDataRoot) {
  Json d = valid_suite();
  d["datasets"][0]["paths"]["gt"] = "/data/coco/gt.json";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].paths.gt: \"/data/coco/gt.json\" is "
                         "absolute: suite paths are relative to --data-root");
  d = valid_suite();
  d["datasets"][0]["paths"]["images"] = "coco/../../images";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].paths.images: \"coco/../../images\" "
                         "leaves the data root ('..')");
  d = valid_suite();
  d["datasets"][0]["paths"]["images"] = "";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[0].paths.images: must not be empty");
  d = valid_suite();
  d["datasets"][1]["paths"]["label_suffix"] = "labels/.png";
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].paths.label_suffix: a file name suffix "
                         "has no '/'");
  // Relative paths are kept as written: the runner joins them to the data root.
  d = valid_suite();
  d["datasets"][0]["paths"]["images"] = "./coco/val2017/";
  EXPECT_EQ(suite_from_json(d, "x").datasets[0].paths.images, "./coco/val2017/");
}

TEST(SuiteValidator, ClassAndGroupFilesAreRelativeToTheDataRoot) {
  Json d = valid_suite();
  d["datasets"][0]["category_groups"] = {{"file", "detection/ov_split.json"}};
  d["datasets"][1]["vocabulary"]["classes"] = {{"file", "seg/classes.json"}};
  const Suite s = suite_from_json(d, "x");
  EXPECT_EQ(s.datasets[0].category_groups.source, GroupSource::kSplitFile);
  EXPECT_EQ(s.datasets[0].category_groups.file, "detection/ov_split.json");
  EXPECT_EQ(s.datasets[1].vocabulary.source, ClassSource::kFile);
  EXPECT_EQ(s.datasets[1].vocabulary.list, "seg/classes.json");
  // The number of classes is unknown until the file is read.
  EXPECT_FALSE(std::get<MiouSuiteProtocol>(s.datasets[1].protocol).num_classes.has_value());
  d["datasets"][1]["vocabulary"]["classes"] = {{"path", "seg/classes.json"}};
  EXPECT_EQ(error_of(d), "suites/mine.json: datasets[1].vocabulary.classes.path: unknown key "
                         "(allowed here: \"file\")");
}

TEST(SuiteValidator, OdinwTasksShotsAndSeeds) {
  Json d = valid_suite();
  d["datasets"][0] = Json::parse(R"({"name": "o", "task": "detect", "evaluator": "odinw",
      "paths": {"root": "odinw"}, "vocabulary": {"classes": "odinw-prompts"},
      "protocol": {"tasks": ["Aquarium", "pothole"], "shots": 3, "seeds": [3, 30, 300]},
      "headline": [{"metric": "AP"}, {"metric": "std_AP"}]})");
  const Suite s = suite_from_json(d, "x");
  const auto& p = std::get<OdinwSuiteProtocol>(s.datasets[0].protocol);
  EXPECT_EQ(p.selection, "Aquarium,pothole");
  // Paper names resolve to GLIP's config names.
  EXPECT_EQ(p.task_names, (std::vector<std::string>{"Aquarium_Aquarium_Combined.v2-raw-1024.coco", "pothole"}));
  EXPECT_EQ(p.seeds, (std::vector<std::int64_t>{3, 30, 300}));
  EXPECT_EQ(p.split, "auto");

  Json bad = d;
  bad["datasets"][0]["protocol"]["tasks"][1] = "potholes";
  EXPECT_EQ(error_of(bad).rfind("suites/mine.json: datasets[0].protocol.tasks: unknown ODinW task 'potholes'", 0), 0u)
      << error_of(bad);
  bad = d;
  bad["datasets"][0]["protocol"]["seeds"][2] = 30;
  EXPECT_EQ(error_of(bad), "suites/mine.json: datasets[0].protocol.seeds[2]: seed 30 is listed twice");
  bad = d;
  bad["datasets"][0]["protocol"].erase("seeds");
  EXPECT_EQ(error_of(bad), "suites/mine.json: datasets[0].protocol.seeds: required key is missing");
  bad = d;
  bad["datasets"][0]["protocol"]["shots"] = 0;
  EXPECT_EQ(error_of(bad), "suites/mine.json: datasets[0].protocol.seeds: seeds are for k-shot "
                           "runs: give shots >= 1");
  // std_AP exists only for k-shot runs.
  bad = d;
  bad["datasets"][0]["protocol"]["shots"] = 0;
  bad["datasets"][0]["protocol"].erase("seeds");
  EXPECT_EQ(error_of(bad), "suites/mine.json: datasets[0].headline[1].metric: expected one of "
                           "\"AP\", \"AP50\", not \"std_AP\"");
  bad = d;
  bad["datasets"][0]["protocol"]["tasks"] = "odinw20";
  EXPECT_EQ(error_of(bad), "suites/mine.json: datasets[0].protocol.tasks: expected one of "
                           "\"odinw13\", \"odinw35\", not \"odinw20\"");
}

TEST(StrictJson, DuplicateKeysAndSyntaxErrorsNameTheirPlace) {
  try {
    parse_strict_json(R"({"datasets": [{"name": "a"}, {"name": "b", "name": "c"}]})", "s.json");
    FAIL() << "a duplicate key was accepted";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "s.json: datasets[1].name: key given twice");
  }
  try {
    parse_strict_json("{\n  \"name\": \"a\",\n}", "s.json");
    FAIL() << "a trailing comma was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s.json: malformed JSON at byte 17 (line 3, column 1)", 0), 0u) << e.what();
  }
  // The same key in two different objects is fine.
  EXPECT_EQ(parse_strict_json(R"([{"a": 1}, {"a": 2}])", "s.json")[1]["a"], 2);
}

}  // namespace
}  // namespace ovbench
