#include "harness/suites/suite_validator.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "core/errors.h"
#include "core/resources.h"
#include "datasets/odinw_tasks.h"
#include "harness/json_fields.h"
#include "metrics/coco_evaluator.h"
#include "metrics/lvis_evaluator.h"

namespace ovbench {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kTasks = {"detect", "ground", "segment"};
const std::vector<std::string> kEvaluators = {"coco", "lvis", "flickr30k", "miou", "odinw"};
const std::vector<std::string> kTemplates = {"clip-80", "vild-63", "regionclip", "none"};

// Names become store keys and parts of file names: keep them to one plain word.
void check_name(const JsonFields& fields, const std::string& key, const std::string& name) {
  const bool ok = std::isalnum(static_cast<unsigned char>(name[0])) &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                           c == '.';
                  });
  if (!ok) {
    fields.fail(key, "\"" + name + "\" is not a name: use letters, digits, '-', '_' and '.', "
                     "starting with a letter or digit");
  }
}

// A path under the data root: relative, and never climbing out of it.
std::string data_path(const JsonFields& fields, const std::string& key) {
  const std::string p = fields.string(key);
  const std::filesystem::path path(p);
  if (path.is_absolute()) {
    fields.fail(key, "\"" + p + "\" is absolute: suite paths are relative to --data-root");
  }
  for (const auto& part : path) {
    if (part == "..") fields.fail(key, "\"" + p + "\" leaves the data root ('..')");
  }
  return p;
}

std::string file_suffix(const JsonFields& fields, const std::string& key,
                        const std::string& fallback) {
  const std::string s = fields.string_or(key, fallback);
  if (s.find('/') != std::string::npos) fields.fail(key, "a file name suffix has no '/'");
  return s;
}

SuiteTask task_of(const std::string& s) {
  return s == "detect" ? SuiteTask::kDetect : s == "ground" ? SuiteTask::kGround : SuiteTask::kSegment;
}

SuiteEvaluator evaluator_of(const std::string& s) {
  if (s == "coco") return SuiteEvaluator::kCoco;
  if (s == "lvis") return SuiteEvaluator::kLvis;
  if (s == "flickr30k") return SuiteEvaluator::kFlickr30k;
  if (s == "miou") return SuiteEvaluator::kMiou;
  return SuiteEvaluator::kOdinw;
}

std::string task_scored_by(SuiteEvaluator e) {
  switch (e) {
    case SuiteEvaluator::kFlickr30k:
      return "ground";
    case SuiteEvaluator::kMiou:
      return "segment";
    default:
      return "detect";
  }
}

std::vector<std::string> embedded_class_lists() {
  std::vector<std::string> names;
  const Json lists = Json::parse(resource("datasets/data/seg_classes.json"));  // outlives items()
  for (const auto& item : lists.items()) {
    // A class list is an array of names ("source" is an array of records).
    const Json& v = item.value();
    if (v.is_array() && !v.empty() && v[0].is_string()) names.push_back(item.key());
  }
  return names;
}

std::size_t embedded_class_count(const std::string& list) {
  return Json::parse(resource("datasets/data/seg_classes.json")).at(list).size();
}

DatasetPaths read_paths(const JsonFields& f, SuiteEvaluator e) {
  DatasetPaths p;
  switch (e) {
    case SuiteEvaluator::kCoco:
    case SuiteEvaluator::kLvis:
      f.allow_only({"gt", "images"});
      p.gt = data_path(f, "gt");
      p.images = data_path(f, "images");
      break;
    case SuiteEvaluator::kFlickr30k:
      f.allow_only({"entities_root", "images", "image_suffix"});
      p.entities_root = data_path(f, "entities_root");
      p.images = data_path(f, "images");
      p.image_suffix = file_suffix(f, "image_suffix", ".jpg");
      break;
    case SuiteEvaluator::kMiou:
      f.allow_only({"gt_labels", "images", "split_file", "image_suffix", "label_suffix"});
      p.gt_labels = data_path(f, "gt_labels");
      p.images = data_path(f, "images");
      if (f.has("split_file")) p.split_file = data_path(f, "split_file");
      p.image_suffix = file_suffix(f, "image_suffix", ".jpg");
      p.label_suffix = file_suffix(f, "label_suffix", ".png");
      break;
    case SuiteEvaluator::kOdinw:
      f.allow_only({"root"});
      p.odinw_root = data_path(f, "root");
      break;
  }
  return p;
}

VocabularySpec read_vocabulary(const JsonFields& f, SuiteEvaluator e) {
  f.allow_only({"classes", "templates"});
  VocabularySpec v;
  const Json& classes = f.required("classes");
  if (classes.is_object()) {
    const JsonFields file = f.object("classes");
    if (e != SuiteEvaluator::kMiou) {
      f.fail("classes", "a class-list file is for the miou evaluator; this dataset takes " +
                            std::string(e == SuiteEvaluator::kFlickr30k ? "\"phrases\""
                                                                        : "\"gt-categories\""));
    }
    file.allow_only({"file"});
    v.source = ClassSource::kFile;
    v.list = data_path(file, "file");
  } else {
    std::vector<std::string> choices;
    switch (e) {
      case SuiteEvaluator::kCoco:
      case SuiteEvaluator::kLvis:
        choices = {"gt-categories"};
        break;
      case SuiteEvaluator::kOdinw:
        choices = {"odinw-prompts", "gt-categories"};
        break;
      case SuiteEvaluator::kFlickr30k:
        choices = {"phrases"};
        break;
      case SuiteEvaluator::kMiou:
        choices = embedded_class_lists();
        break;
    }
    const std::string s = f.choice("classes", choices);
    if (e == SuiteEvaluator::kMiou) {
      v.source = ClassSource::kEmbeddedList;
      v.list = s;
    } else {
      v.source = s == "gt-categories" ? ClassSource::kGtCategories
                 : s == "odinw-prompts" ? ClassSource::kOdinwPrompts
                                        : ClassSource::kPhrases;
    }
  }
  v.templates = e == SuiteEvaluator::kFlickr30k ? f.choice("templates", {"none"}, "none")
                                                : f.choice("templates", kTemplates, "none");
  return v;
}

CategoryGroupsSpec read_groups(const JsonFields& f, SuiteEvaluator e) {
  CategoryGroupsSpec g;
  if (!f.has("category_groups")) return g;
  const Json& value = f.required("category_groups");
  const bool detection = e == SuiteEvaluator::kCoco || e == SuiteEvaluator::kLvis;
  if (value.is_object() && detection) {
    const JsonFields file = f.object("category_groups");
    file.allow_only({"file"});
    g.source = GroupSource::kSplitFile;
    g.file = data_path(file, "file");
    return g;
  }
  std::vector<std::string> choices = {"none"};
  if (e == SuiteEvaluator::kCoco) choices = {"none", "ov-coco"};
  if (e == SuiteEvaluator::kLvis) choices = {"none", "lvis-frequency", "ov-lvis"};
  const std::string s = f.choice("category_groups", choices);
  g.source = s == "ov-coco"          ? GroupSource::kOvCoco
             : s == "lvis-frequency" ? GroupSource::kLvisFrequency
             : s == "ov-lvis"        ? GroupSource::kOvLvis
                                     : GroupSource::kNone;
  return g;
}

const Json& empty_object() {
  static const Json empty = Json::object();
  return empty;
}

OdinwSuiteProtocol read_odinw(const JsonFields& f) {
  f.allow_only({"tasks", "split", "shots", "seeds"});
  OdinwSuiteProtocol p;
  const Json& tasks = f.required("tasks");
  if (tasks.is_string()) {
    p.selection = f.choice("tasks", {"odinw13", "odinw35"});
  } else {
    const Json& list = f.array("tasks", 1);
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_string() || list[i].get<std::string>().empty()) {
        fail_at(f.file(), json_path_index(f.path_of("tasks"), i), "expected a task name");
      }
      const std::string name = list[i].get<std::string>();
      if (name.find(',') != std::string::npos) {
        fail_at(f.file(), json_path_index(f.path_of("tasks"), i), "a task name has no ','");
      }
      if (i) p.selection += ',';
      p.selection += name;
    }
  }
  std::vector<OdinwTask> resolved;
  try {
    resolved = odinw_tasks(p.selection);
  } catch (const UsageError& e) {
    f.fail("tasks", e.what());
  }
  for (const auto& t : resolved) p.task_names.push_back(t.name);
  p.split = f.choice("split", {"auto", "val", "minival", "test", "train"}, "auto");
  p.shots = static_cast<int>(f.integer_or("shots", 0, 0, 100000));
  if (p.shots == 0 && f.has("seeds")) f.fail("seeds", "seeds are for k-shot runs: give shots >= 1");
  if (p.shots > 0) {
    const Json& seeds = f.array("seeds", 1);
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      const std::string at = json_path_index(f.path_of("seeds"), i);
      if (!seeds[i].is_number_integer()) fail_at(f.file(), at, "expected an integer seed, not " + json_kind(seeds[i]));
      const auto seed = seeds[i].get<std::int64_t>();
      if (std::find(p.seeds.begin(), p.seeds.end(), seed) != p.seeds.end()) {
        fail_at(f.file(), at, "seed " + std::to_string(seed) + " is listed twice");
      }
      p.seeds.push_back(seed);
    }
  }
  // Every task must have the split that will be scored, so a run cannot fail on it later.
  for (const auto& t : resolved) {
    const std::string split = p.split != "auto" ? p.split : p.shots > 0 ? "test" : t.eval_split;
    if (!t.splits.count(split)) {
      f.fail(p.split != "auto" ? "split" : "tasks",
             "ODinW task '" + t.name + "' has no split '" + split + "'");
    }
  }
  return p;
}

SuiteProtocol read_protocol(const JsonFields& f, SuiteEvaluator e, const VocabularySpec& vocab) {
  switch (e) {
    case SuiteEvaluator::kCoco: {
      f.allow_only({"iou_type", "max_dets"});
      CocoSuiteProtocol p;
      p.segm = f.choice("iou_type", {"bbox", "segm"}, "bbox") == "segm";
      p.max_dets = static_cast<int>(f.integer_or("max_dets", 100, 1, 1000000));
      return p;
    }
    case SuiteEvaluator::kLvis: {
      f.allow_only({"protocol", "iou_type"});
      LvisSuiteProtocol p;
      p.protocol = f.choice("protocol", {"standard", "fixed"}, "standard") == "fixed"
                       ? LvisProtocol::kFixed
                       : LvisProtocol::kStandard;
      p.segm = f.choice("iou_type", {"bbox", "segm"}, "bbox") == "segm";
      return p;
    }
    case SuiteEvaluator::kFlickr30k: {
      f.allow_only({"protocol", "split"});
      Flickr30kSuiteProtocol p;
      p.protocol = f.choice("protocol", {"any-box", "merged-box"}, "any-box") == "merged-box"
                       ? GroundingProtocol::kMergedBox
                       : GroundingProtocol::kAnyBox;
      p.split = f.choice("split", {"val", "test"});
      return p;
    }
    case SuiteEvaluator::kMiou: {
      f.allow_only({"num_classes", "reduce_zero_label", "ignore_index"});
      MiouSuiteProtocol p;
      if (auto n = f.optional_integer("num_classes", 1, 255)) p.num_classes = static_cast<int>(*n);
      p.reduce_zero_label = f.boolean_or("reduce_zero_label", false);
      p.ignore_index = static_cast<int>(f.integer_or("ignore_index", 255, 0, 255));
      if (vocab.source == ClassSource::kEmbeddedList) {
        const int count = static_cast<int>(embedded_class_count(vocab.list));
        if (p.num_classes && *p.num_classes != count) {
          f.fail("num_classes", std::to_string(*p.num_classes) + " classes, but the class list \"" +
                                    vocab.list + "\" has " + std::to_string(count));
        }
        p.num_classes = count;
      }
      return p;
    }
    case SuiteEvaluator::kOdinw:
      return read_odinw(f);
  }
  return CocoSuiteProtocol{};
}

std::vector<HeadlineMetric> read_headline(const JsonFields& f, const SuiteDataset& d) {
  const bool few_shot = d.evaluator == SuiteEvaluator::kOdinw &&
                        std::get<OdinwSuiteProtocol>(d.protocol).shots > 0;
  const std::vector<std::string> metrics = headline_metric_keys(d.evaluator, few_shot);
  const std::vector<std::string> groups = category_group_names(d.category_groups.source);
  const Json& list = f.array("headline", 1);
  std::vector<HeadlineMetric> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const JsonFields h(list[i], f.file(), json_path_index(f.path_of("headline"), i));
    h.allow_only({"metric", "group"});
    HeadlineMetric m;
    m.metric = h.choice("metric", metrics);
    if (h.has("group")) {
      if (groups.empty()) {
        h.fail("group", "this dataset has no category groups (set category_groups)");
      }
      m.group = h.choice("group", groups);
    }
    for (const auto& seen : out) {
      if (seen.group == m.group && seen.metric == m.metric) {
        // Built from a named string: gcc 12 warns falsely (-Wrestrict) on "lit" + temporary.
        const std::string label = m.label();
        h.fail("", "\"" + label + "\" is listed twice");
      }
    }
    out.push_back(m);
  }
  return out;
}

SuiteDataset read_dataset(const JsonFields& f) {
  f.allow_only({"name", "description", "task", "evaluator", "paths", "vocabulary",
                "category_groups", "protocol", "headline"});
  SuiteDataset d;
  d.name = f.string("name");
  check_name(f, "name", d.name);
  d.description = f.string_or("description", "");
  const std::string task = f.choice("task", kTasks);
  d.task = task_of(task);
  d.evaluator = evaluator_of(f.choice("evaluator", kEvaluators));
  if (task_scored_by(d.evaluator) != task) {
    f.fail("evaluator", "\"" + f.required("evaluator").get<std::string>() + "\" scores task \"" +
                            task_scored_by(d.evaluator) + "\", not \"" + task + "\"");
  }
  d.paths = read_paths(f.object("paths"), d.evaluator);
  d.vocabulary = read_vocabulary(f.object("vocabulary"), d.evaluator);
  d.category_groups = read_groups(f, d.evaluator);
  const JsonFields protocol = f.has("protocol")
                                  ? f.object("protocol")
                                  : JsonFields(empty_object(), f.file(), f.path_of("protocol"));
  d.protocol = read_protocol(protocol, d.evaluator, d.vocabulary);
  d.headline = read_headline(f, d);
  return d;
}

}  // namespace

std::vector<std::string> headline_metric_keys(SuiteEvaluator evaluator, bool few_shot) {
  switch (evaluator) {
    case SuiteEvaluator::kCoco:
      return coco_summary_keys();
    case SuiteEvaluator::kLvis:
      return lvis_summary_keys();
    case SuiteEvaluator::kFlickr30k:
      return {"R@1", "R@5", "R@10", "upper_bound"};
    case SuiteEvaluator::kMiou:
      return {"mIoU", "aAcc", "mAcc"};
    case SuiteEvaluator::kOdinw:
      if (few_shot) return {"AP", "AP50", "std_AP", "std_AP50"};
      return {"AP", "AP50"};
  }
  return {};
}

std::vector<std::string> category_group_names(GroupSource source) {
  switch (source) {
    case GroupSource::kNone:
      return {};
    case GroupSource::kLvisFrequency:
      return {"rare", "common", "frequent"};
    default:
      return {"base", "novel", "all"};
  }
}

Suite suite_from_json(const nlohmann::ordered_json& doc, const std::string& file) {
  const JsonFields f(doc, file, "");
  f.allow_only({"name", "description", "datasets"});
  Suite suite;
  suite.name = f.string("name");
  check_name(f, "name", suite.name);
  suite.description = f.string("description");
  const Json& datasets = f.array("datasets", 1);
  std::set<std::string> names;
  for (std::size_t i = 0; i < datasets.size(); ++i) {
    const JsonFields d(datasets[i], file, json_path_index("datasets", i));
    suite.datasets.push_back(read_dataset(d));
    if (!names.insert(suite.datasets.back().name).second) {
      d.fail("name", "dataset \"" + suite.datasets.back().name + "\" is listed twice");
    }
  }
  return suite;
}

}  // namespace ovbench
