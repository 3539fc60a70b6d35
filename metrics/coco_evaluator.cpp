#include "metrics/coco_evaluator.h"

#include <cmath>

#include "core/phase_clock.h"
#include "metrics/detection_intervals.h"
#include "metrics/eval_problem_builder.h"
#include "metrics/rle_mask.h"

namespace ovbench {
namespace {

constexpr int kIouAll = -1;

// COCOeval.summarize() _summarizeDets over `cats`. Area indexes: 0 all, 1 small, 2 medium,
// 3 large; maxDets indexes: 0 -> 1, 1 -> 10, 2 -> 100.
MetricValues summarize(const EvalAccumulation& acc, const EvalRules& rules,
                       const std::vector<std::size_t>& cats) {
  const int i50 = find_threshold(rules.iou_thresholds, 0.5);
  const int i75 = find_threshold(rules.iou_thresholds, 0.75);
  MetricValues v;
  v.set("AP", summarize_precision(acc, kIouAll, 0, 2, cats));
  v.set("AP50", summarize_precision(acc, i50, 0, 2, cats));
  v.set("AP75", summarize_precision(acc, i75, 0, 2, cats));
  v.set("APs", summarize_precision(acc, kIouAll, 1, 2, cats));
  v.set("APm", summarize_precision(acc, kIouAll, 2, 2, cats));
  v.set("APl", summarize_precision(acc, kIouAll, 3, 2, cats));
  v.set("AR1", summarize_recall(acc, kIouAll, 0, 0, cats));
  v.set("AR10", summarize_recall(acc, kIouAll, 0, 1, cats));
  v.set("AR100", summarize_recall(acc, kIouAll, 0, 2, cats));
  v.set("ARs", summarize_recall(acc, kIouAll, 1, 2, cats));
  v.set("ARm", summarize_recall(acc, kIouAll, 2, 2, cats));
  v.set("ARl", summarize_recall(acc, kIouAll, 3, 2, cats));
  return v;
}

PrCurve curve(const EvalAccumulation& acc, const EvalRules& rules, std::size_t t, std::size_t k,
              std::size_t m, const std::string& label) {
  PrCurve c;
  c.label = label;
  c.recall = rules.recall_thresholds;
  c.precision.resize(acc.R);
  for (std::size_t r = 0; r < acc.R; ++r) c.precision[r] = acc.precision[acc.precision_index(t, r, k, 0, m)];
  return c;
}

}  // namespace

const std::vector<std::string>& coco_summary_keys() {
  static const std::vector<std::string> keys = {"AP",  "AP50", "AP75", "APs",   "APm", "APl",
                                                "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"};
  return keys;
}

MetricReport evaluate_coco(const DetectionDataset& gt, const Detections& dt,
                           const DetectionEvalOptions& options, EvalAccumulation* out) {
  PhaseClock clock;
  MetricReport report;
  report.kind = "coco";
  const EvalRules rules = coco_rules();
  const GtIndex index = index_ground_truth(gt, options.gt_name);
  const std::vector<std::uint32_t> on_images =
      detections_on_known_images(dt, index, options, report);
  const bool boxes = results_are_boxes(dt, options);

  // loadRes ignores results whose category is not a gt category (getAnnIds(catIds=...)).
  std::vector<std::uint32_t> kept;
  kept.reserve(on_images.size());
  std::size_t unknown_category = 0;
  for (std::uint32_t j : on_images) {
    if (index.categories.find(dt.items[j].category_id) == IdIndex::kAbsent) {
      ++unknown_category;
    } else {
      kept.push_back(j);
    }
  }
  if (unknown_category) {
    report.warnings.push_back(options.results_name + ": dropped " +
                              std::to_string(unknown_category) +
                              " detection(s) whose category_id is not a ground truth category "
                              "(pycocotools ignores them too)");
  }

  // Masks are needed for segm IoU, and for the area (and box) of segmentation results.
  const bool need_dt_masks = options.segm || !boxes;
  std::vector<RleMask> dt_masks;
  if (need_dt_masks) dt_masks = detection_masks(dt, kept, index, options);

  EvalProblemBuilder builder(index.category_ids.size(), index.image_ids.size());
  builder.reserve(gt.annotations.size(), kept.size());
  std::size_t gt_evaluated = 0;
  for (const GtAnnotation& a : gt.annotations) {
    const std::uint32_t i = index.images.find(a.image_id), k = index.categories.find(a.category_id);
    if (i == IdIndex::kAbsent || k == IdIndex::kAbsent) continue;
    EvalGt g;
    g.box = a.bbox;
    g.area = a.area;
    g.ignore = a.iscrowd;  // COCOeval._prepare: gt['ignore'] = gt['iscrowd'], the file's ignore is overwritten
    g.crowd = a.iscrowd;
    g.id_is_zero = a.id == 0;
    g.mask = static_cast<std::int32_t>(&a - gt.annotations.data());
    builder.add_gt(k, i, g);
    ++gt_evaluated;
  }
  for (std::size_t n = 0; n < kept.size(); ++n) {
    const Detection& d = dt.items[kept[n]];
    EvalDt e;
    e.score = d.score;
    if (boxes) {
      e.box = d.bbox;
      e.area = d.bbox.w * d.bbox.h;  // loadRes: area = w*h, even for segm evaluation
    } else {
      e.area = static_cast<double>(rle::area(dt_masks[n]));
      e.box = d.has_bbox ? d.bbox : rle::to_bbox(dt_masks[n]);
    }
    e.mask = static_cast<std::int32_t>(n);
    builder.add_dt(index.categories.find(d.category_id), index.images.find(d.image_id), e);
  }
  EvalProblem problem = builder.build();
  if (options.segm) {
    problem.use_masks = true;
    problem.gt_masks = ground_truth_masks(gt, index, options);
    problem.dt_masks = std::move(dt_masks);
  }
  clock.lap("prepare");
  std::vector<CategoryMatches> matches;
  EvalAccumulation acc = evaluate_detections(problem, rules, options.threads,
                                             options.bootstrap_replicates > 0 ? &matches : nullptr);
  clock.lap("match+accumulate");

  std::vector<std::size_t> all(index.category_ids.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  report.summary = summarize(acc, rules, all);
  std::vector<std::vector<std::size_t>> group_cats;
  for (const auto& group : options.groups) {
    group_cats.push_back(group_categories(group, index, report));
    report.groups.emplace_back(group.name, summarize(acc, rules, group_cats.back()));
  }
  std::vector<std::string> names(index.category_ids.size());
  for (const auto& c : gt.categories) names[index.categories.find(c.id)] = c.name;
  const int i50 = find_threshold(rules.iou_thresholds, 0.5);
  const int i75 = find_threshold(rules.iou_thresholds, 0.75);
  for (std::size_t k = 0; k < all.size(); ++k) {
    CategoryResult cr;
    cr.id = index.category_ids[k];
    cr.name = names[k];
    const MetricValues v = summarize(acc, rules, {k});
    for (const char* key : {"AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100"}) {
      cr.metrics.set(key, v.at(key));
    }
    cr.curves.push_back(curve(acc, rules, static_cast<std::size_t>(i50), k, 2,
                              "IoU=0.50 area=all maxDets=100"));
    cr.curves.push_back(curve(acc, rules, static_cast<std::size_t>(i75), k, 2,
                              "IoU=0.75 area=all maxDets=100"));
    report.per_category.push_back(std::move(cr));
  }

  report.params = {
      {"iou_type", options.segm ? "segm" : "bbox"},
      {"iou_thresholds", rules.iou_thresholds},
      {"recall_thresholds", rules.recall_thresholds.size()},
      {"area_ranges", nlohmann::ordered_json::object()},
      {"max_dets", rules.max_dets},
      {"max_dets_per_image_category", rules.max_dets_per_cell},
      {"crowd", "iscrowd gt are ignore regions that may absorb many detections"},
      {"result_type", boxes ? "bbox" : "segmentation"},
      {"reference", "pycocotools COCOeval, cocoapi 8c9bcc3"}};
  for (const auto& r : rules.area_ranges) report.params["area_ranges"][r.label] = {r.min, r.max};
  report.counts = {{"images", index.image_ids.size()},
                   {"categories", index.category_ids.size()},
                   {"gt", gt.annotations.size()},
                   {"gt_evaluated", gt_evaluated},
                   {"detections_loaded", dt.items.size()},
                   {"detections_unknown_image", dt.items.size() - on_images.size()},
                   {"detections_unknown_category", unknown_category},
                   {"detections_kept", kept.size()}};
  clock.lap("summarize");
  if (options.bootstrap_replicates > 0) {
    const int i50b = find_threshold(rules.iou_thresholds, 0.5);
    const int i75b = find_threshold(rules.iou_thresholds, 0.75);
    auto metrics_of = [&](const std::vector<std::size_t>& cats, const MetricValues& v) {
      return std::vector<BootstrapMetric>{{"AP", -1, cats, v.at("AP")},
                                          {"AP50", i50b, cats, v.at("AP50")},
                                          {"AP75", i75b, cats, v.at("AP75")}};
    };
    BootstrapTargets targets{metrics_of(all, report.summary), {}};
    for (std::size_t g = 0; g < group_cats.size(); ++g) {
      targets.groups.emplace_back(options.groups[g].name, metrics_of(group_cats[g], report.groups[g].second));
    }
    report.intervals = bootstrap_intervals(matches, index.image_ids.size(), rules, targets,
                                           {options.bootstrap_replicates, options.bootstrap_seed, options.threads});
    clock.lap("bootstrap");
  }
  report.phase_seconds = clock.laps();
  if (out) *out = std::move(acc);
  return report;
}

}  // namespace ovbench
