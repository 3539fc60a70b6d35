#include "harness/suites/suite_json.h"

namespace ovbench {
namespace {

using Json = nlohmann::ordered_json;

Json paths_json(const SuiteDataset& d) {
  const DatasetPaths& p = d.paths;
  Json j = Json::object();
  switch (d.evaluator) {
    case SuiteEvaluator::kCoco:
    case SuiteEvaluator::kLvis:
      j["gt"] = p.gt;
      j["images"] = p.images;
      break;
    case SuiteEvaluator::kFlickr30k:
      j["entities_root"] = p.entities_root;
      j["images"] = p.images;
      j["image_suffix"] = p.image_suffix;
      break;
    case SuiteEvaluator::kMiou:
      j["gt_labels"] = p.gt_labels;
      j["images"] = p.images;
      if (!p.split_file.empty()) j["split_file"] = p.split_file;
      j["image_suffix"] = p.image_suffix;
      j["label_suffix"] = p.label_suffix;
      break;
    case SuiteEvaluator::kOdinw:
      j["root"] = p.odinw_root;
      break;
  }
  return j;
}

Json vocabulary_json(const VocabularySpec& v) {
  Json j;
  switch (v.source) {
    case ClassSource::kGtCategories:
      j["classes"] = "gt-categories";
      break;
    case ClassSource::kOdinwPrompts:
      j["classes"] = "odinw-prompts";
      break;
    case ClassSource::kPhrases:
      j["classes"] = "phrases";
      break;
    case ClassSource::kEmbeddedList:
      j["classes"] = v.list;
      break;
    case ClassSource::kFile:
      j["classes"] = Json{{"file", v.list}};
      break;
  }
  j["templates"] = v.templates;
  return j;
}

Json groups_json(const CategoryGroupsSpec& g) {
  switch (g.source) {
    case GroupSource::kOvCoco:
      return "ov-coco";
    case GroupSource::kLvisFrequency:
      return "lvis-frequency";
    case GroupSource::kOvLvis:
      return "ov-lvis";
    case GroupSource::kSplitFile:
      return Json{{"file", g.file}};
    case GroupSource::kNone:
      break;
  }
  return "none";
}

struct ProtocolJson {
  Json operator()(const CocoSuiteProtocol& p) const {
    return {{"iou_type", p.segm ? "segm" : "bbox"}, {"max_dets", p.max_dets}};
  }
  Json operator()(const LvisSuiteProtocol& p) const {
    return {{"protocol", p.protocol == LvisProtocol::kFixed ? "fixed" : "standard"},
            {"iou_type", p.segm ? "segm" : "bbox"}};
  }
  Json operator()(const Flickr30kSuiteProtocol& p) const {
    return {{"protocol", p.protocol == GroundingProtocol::kMergedBox ? "merged-box" : "any-box"},
            {"split", p.split}};
  }
  Json operator()(const MiouSuiteProtocol& p) const {
    Json j = Json::object();
    if (p.num_classes) j["num_classes"] = *p.num_classes;
    j["reduce_zero_label"] = p.reduce_zero_label;
    j["ignore_index"] = p.ignore_index;
    return j;
  }
  Json operator()(const OdinwSuiteProtocol& p) const {
    Json j;
    if (p.selection == "odinw13" || p.selection == "odinw35") {
      j["tasks"] = p.selection;
    } else {
      Json names = Json::array();
      std::size_t start = 0;
      while (start <= p.selection.size()) {
        std::size_t comma = p.selection.find(',', start);
        if (comma == std::string::npos) comma = p.selection.size();
        names.push_back(p.selection.substr(start, comma - start));
        start = comma + 1;
      }
      j["tasks"] = names;
    }
    j["split"] = p.split;
    j["shots"] = p.shots;
    if (p.shots > 0) j["seeds"] = p.seeds;
    return j;
  }
};

}  // namespace

std::string suite_task_name(SuiteTask task) {
  switch (task) {
    case SuiteTask::kDetect:
      return "detect";
    case SuiteTask::kGround:
      return "ground";
    case SuiteTask::kSegment:
      return "segment";
  }
  return "";
}

std::string suite_evaluator_name(SuiteEvaluator evaluator) {
  switch (evaluator) {
    case SuiteEvaluator::kCoco:
      return "coco";
    case SuiteEvaluator::kLvis:
      return "lvis";
    case SuiteEvaluator::kFlickr30k:
      return "flickr30k";
    case SuiteEvaluator::kMiou:
      return "miou";
    case SuiteEvaluator::kOdinw:
      return "odinw";
  }
  return "";
}

nlohmann::ordered_json suite_dataset_to_json(const SuiteDataset& d) {
  Json j;
  j["name"] = d.name;
  if (!d.description.empty()) j["description"] = d.description;
  j["task"] = suite_task_name(d.task);
  j["evaluator"] = suite_evaluator_name(d.evaluator);
  j["paths"] = paths_json(d);
  j["vocabulary"] = vocabulary_json(d.vocabulary);
  j["category_groups"] = groups_json(d.category_groups);
  j["protocol"] = std::visit(ProtocolJson{}, d.protocol);
  Json headline = Json::array();
  for (const auto& h : d.headline) {
    Json m;
    if (!h.group.empty()) m["group"] = h.group;
    m["metric"] = h.metric;
    headline.push_back(m);
  }
  j["headline"] = headline;
  return j;
}

nlohmann::ordered_json suite_to_json(const Suite& suite) {
  Json j;
  j["name"] = suite.name;
  j["description"] = suite.description;
  Json datasets = Json::array();
  for (const auto& d : suite.datasets) datasets.push_back(suite_dataset_to_json(d));
  j["datasets"] = datasets;
  return j;
}

}  // namespace ovbench
