#pragma once
// A benchmark suite as the runner consumes it: what each dataset is, where its files are
// (relative to --data-root), what vocabulary the model is prompted with, how results are broken
// down and scored, and which numbers the leaderboard shows. Loaded and strictly validated from
// suites/*.json (harness/suites/suite_loader.h); the schema is docs/suites.md.
//
// Every field is filled after loading: optional JSON keys take the `ovbench eval` defaults, so
// the runner never applies a default of its own.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "metrics/grounding_recall.h"
#include "metrics/lvis_evaluator.h"

namespace ovbench {

enum class SuiteTask { kDetect, kGround, kSegment };
enum class SuiteEvaluator { kCoco, kLvis, kFlickr30k, kMiou, kOdinw };

// Paths relative to the data root, as the suite file spells them ("" where the evaluator does
// not use the field). Image files: coco, lvis, odinw <images>/<file_name of the gt record> (an
// LVIS record without file_name: the last two segments of its coco_url, val2017/x.jpg, as
// detectron2 reads them); flickr30k <images>/<image id><image_suffix>; miou
// <images>/<label stem><image_suffix>.
struct DatasetPaths {
  std::string gt;             // coco, lvis: the instances file
  std::string images;         // coco, lvis, flickr30k, miou: the image folder
  std::string entities_root;  // flickr30k: the Entities tree (<split>.txt, Annotations/, Sentences/)
  std::string gt_labels;      // miou: folder of ground-truth label maps
  std::string split_file;     // miou, optional: image stems to score, one per line
  std::string image_suffix;   // flickr30k, miou: ".jpg" unless the suite says otherwise
  std::string label_suffix;   // miou: label map = <gt_labels>/<stem><label_suffix>
  std::string odinw_root;     // odinw: GLIP's DATASET/odinw (each task's files under it)
};

// Where the names the model is prompted with come from.
enum class ClassSource {
  kGtCategories,  // coco, lvis, odinw: the categories of the ground-truth file
  kOdinwPrompts,  // odinw: GLIP's OVERRIDE_CATEGORY names (datasets/data/odinw_tasks.json)
  kPhrases,       // flickr30k: each sentence's annotated phrases
  kEmbeddedList,  // miou: a list in datasets/data/seg_classes.json ("ade20k-150", ...)
  kFile,          // miou: a JSON list of names, relative to the data root
};

struct VocabularySpec {
  ClassSource source = ClassSource::kGtCategories;
  std::string list;  // kEmbeddedList: the list's name; kFile: the path relative to the data root
  // Prompt templates the class names are put into: "clip-80", "vild-63", "regionclip" or
  // "none" (the bare name). Adapters whose protocol has no templates (GLIP, DenseCLIP) ignore it.
  std::string templates = "none";
};

enum class GroupSource {
  kNone,
  kOvCoco,         // base 48 / novel 17 / all 65 (datasets/data/ov_coco_split.json)
  kLvisFrequency,  // rare / common / frequent, from the gt file's `frequency`
  kOvLvis,         // novel = rare, base = common + frequent, all
  kSplitFile,      // base / novel / all from a {"base": [...], "novel": [...]} file
};

struct CategoryGroupsSpec {
  GroupSource source = GroupSource::kNone;
  std::string file;  // kSplitFile: relative to the data root
};

struct CocoSuiteProtocol {
  bool segm = false;  // iou_type "segm" (masks) instead of "bbox"
  int max_dets = 100;  // detections kept per image before scoring (COCOeval's largest maxDets)
};

struct LvisSuiteProtocol {
  LvisProtocol protocol = LvisProtocol::kStandard;
  bool segm = false;
};

struct Flickr30kSuiteProtocol {
  GroundingProtocol protocol = GroundingProtocol::kAnyBox;
  std::string split;  // "val" or "test": <entities_root>/<split>.txt
};

struct MiouSuiteProtocol {
  // Absent in the file: the number of class names (known once a class file is read).
  std::optional<int> num_classes;
  bool reduce_zero_label = false;
  int ignore_index = 255;
};

struct OdinwSuiteProtocol {
  std::string selection;                // what odinw_tasks() takes: "odinw13", "odinw35" or "a,b,c"
  std::vector<std::string> task_names;  // the selection resolved, in GLIP's order
  std::string split = "auto";           // auto: the config's DATASETS.TEST, test when shots > 0
  int shots = 0;                        // 0: zero-shot
  std::vector<std::int64_t> seeds;      // one evaluation per seed when shots > 0
};

using SuiteProtocol = std::variant<CocoSuiteProtocol, LvisSuiteProtocol, Flickr30kSuiteProtocol,
                                   MiouSuiteProtocol, OdinwSuiteProtocol>;

// A number the leaderboard shows: summary[metric], or groups[group][metric].
struct HeadlineMetric {
  std::string group;  // "" for the summary
  std::string metric;
  std::string label() const { return group.empty() ? metric : group + " " + metric; }
};

struct SuiteDataset {
  std::string name;
  std::string description;
  SuiteTask task = SuiteTask::kDetect;
  SuiteEvaluator evaluator = SuiteEvaluator::kCoco;
  DatasetPaths paths;
  VocabularySpec vocabulary;
  CategoryGroupsSpec category_groups;
  SuiteProtocol protocol;  // the alternative that matches `evaluator`
  std::vector<HeadlineMetric> headline;
};

struct Suite {
  std::string name;
  std::string description;
  std::vector<SuiteDataset> datasets;
  // Where it came from, for messages and provenance: "suites/ov-coco.json" for an embedded
  // suite, else the path as given; and the content hash of the file's bytes.
  std::string source;
  bool embedded = false;
  std::string content_hash;
};

}  // namespace ovbench
