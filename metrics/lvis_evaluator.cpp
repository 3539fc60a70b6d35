#include "metrics/lvis_evaluator.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/errors.h"
#include "core/parallel_for.h"
#include "core/phase_clock.h"
#include "metrics/detection_intervals.h"
#include "metrics/eval_problem_builder.h"
#include "metrics/rle_mask.h"

namespace ovbench {
namespace {

constexpr int kIouAll = -1;
constexpr std::size_t kMaxDetsPerImage = 300;     // LVISResults(max_dets=300)
constexpr std::size_t kMaxDetsPerCategory = 10000;  // lvis_challenge_2021: max_dets_per_cat

// Per image, sorted category indexes (a compressed sparse row table).
struct CategoriesByImage {
  std::vector<std::uint32_t> start;  // size images + 1
  std::vector<std::uint32_t> cats;

  bool contains(std::uint32_t image, std::uint32_t cat) const {
    return std::binary_search(cats.begin() + start[image], cats.begin() + start[image + 1], cat);
  }
};

CategoriesByImage build_table(std::size_t images,
                              const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  CategoriesByImage t;
  t.start.assign(images + 1, 0);
  for (const auto& [i, k] : pairs) ++t.start[i + 1];
  for (std::size_t i = 0; i < images; ++i) t.start[i + 1] += t.start[i];
  t.cats.resize(pairs.size());
  std::vector<std::uint32_t> fill(t.start.begin(), t.start.end() - 1);
  for (const auto& [i, k] : pairs) t.cats[fill[i]++] = k;
  for (std::size_t i = 0; i < images; ++i) {
    std::sort(t.cats.begin() + t.start[i], t.cats.begin() + t.start[i + 1]);
  }
  return t;
}

CategoriesByImage image_category_lists(const DetectionDataset& gt, const GtIndex& index,
                                       bool negative) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (const ImageRecord& im : gt.images) {
    const std::uint32_t i = index.images.find(im.id);
    for (std::int64_t id : negative ? im.neg_category_ids : im.not_exhaustive_category_ids) {
      const std::uint32_t k = index.categories.find(id);
      if (k != IdIndex::kAbsent) pairs.emplace_back(i, k);  // unknown ids can never match
    }
  }
  return build_table(index.image_ids.size(), pairs);
}

// Detections (file order) kept by the protocol's cap. Ties keep file order (Python's sorted
// is stable); the cap runs on the raw results, before category filtering, as LVISResults does.
std::vector<std::uint32_t> apply_cap(const Detections& dt, const std::vector<std::uint32_t>& in,
                                     const GtIndex& index, LvisProtocol protocol) {
  const bool per_image = protocol == LvisProtocol::kStandard;
  const std::size_t cap = per_image ? kMaxDetsPerImage : kMaxDetsPerCategory;
  const std::size_t groups = per_image ? index.image_ids.size() : index.category_ids.size();
  // Per-category cap: a category unknown to the gt is dropped later anyway, so it needs no cap.
  auto group_of = [&](std::uint32_t j) {
    return per_image ? index.images.find(dt.items[j].image_id)
                     : index.categories.find(dt.items[j].category_id);
  };
  std::vector<std::uint32_t> start(groups + 1, 0);
  for (std::uint32_t j : in) {
    const std::uint32_t g = group_of(j);
    if (g != IdIndex::kAbsent) ++start[g + 1];
  }
  bool any_over = false;
  for (std::size_t g = 0; g < groups; ++g) any_over |= start[g + 1] > cap;
  if (!any_over) return in;
  for (std::size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  std::vector<std::uint32_t> grouped(start.back());
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::uint32_t j : in) {
    const std::uint32_t g = group_of(j);
    if (g != IdIndex::kAbsent) grouped[fill[g]++] = j;
  }
  std::vector<std::uint8_t> keep(dt.items.size(), 0);
  for (std::uint32_t j : in) {
    if (group_of(j) == IdIndex::kAbsent) keep[j] = 1;
  }
  for (std::size_t g = 0; g < groups; ++g) {
    auto b = grouped.begin() + start[g], e = grouped.begin() + start[g + 1];
    if (static_cast<std::size_t>(e - b) > cap) {
      std::stable_sort(b, e, [&](std::uint32_t x, std::uint32_t y) {
        return dt.items[x].score > dt.items[y].score;
      });
      e = b + static_cast<std::ptrdiff_t>(cap);
    }
    for (auto it = b; it != e; ++it) keep[*it] = 1;
  }
  std::vector<std::uint32_t> out;
  out.reserve(in.size());
  for (std::uint32_t j : in) {
    if (keep[j]) out.push_back(j);
  }
  return out;
}

MetricValues summarize(const EvalAccumulation& acc, const EvalRules& rules,
                       const std::vector<std::size_t>& cats, const std::vector<char>& frequency) {
  const int i50 = find_threshold(rules.iou_thresholds, 0.5);
  const int i75 = find_threshold(rules.iou_thresholds, 0.75);
  MetricValues v;
  v.set("AP", summarize_precision(acc, kIouAll, 0, 0, cats));
  v.set("AP50", summarize_precision(acc, i50, 0, 0, cats));
  v.set("AP75", summarize_precision(acc, i75, 0, 0, cats));
  v.set("APs", summarize_precision(acc, kIouAll, 1, 0, cats));
  v.set("APm", summarize_precision(acc, kIouAll, 2, 0, cats));
  v.set("APl", summarize_precision(acc, kIouAll, 3, 0, cats));
  for (const auto& [key, f] : {std::pair<const char*, char>{"APr", 'r'}, {"APc", 'c'}, {"APf", 'f'}}) {
    std::vector<std::size_t> sel;
    for (std::size_t k : cats) {
      if (frequency[k] == f) sel.push_back(k);
    }
    v.set(key, summarize_precision(acc, kIouAll, 0, 0, sel));
  }
  v.set("AR@300", summarize_recall(acc, kIouAll, 0, 0, cats));
  v.set("ARs@300", summarize_recall(acc, kIouAll, 1, 0, cats));
  v.set("ARm@300", summarize_recall(acc, kIouAll, 2, 0, cats));
  v.set("ARl@300", summarize_recall(acc, kIouAll, 3, 0, cats));
  return v;
}

bool loadable_area(double area) { return area > 0 && area < INFINITY; }  // get_ann_ids area_rng

}  // namespace

const std::vector<std::string>& lvis_summary_keys() {
  static const std::vector<std::string> keys = {"AP",  "AP50", "AP75",   "APs",     "APm",
                                                "APl", "APr",  "APc",    "APf",     "AR@300",
                                                "ARs@300", "ARm@300", "ARl@300"};
  return keys;
}

MetricReport evaluate_lvis(const DetectionDataset& gt, const Detections& dt,
                           const LvisEvalOptions& options, EvalAccumulation* out) {
  PhaseClock clock;
  MetricReport report;
  report.kind = "lvis";
  const EvalRules rules = lvis_rules();
  const GtIndex index = index_ground_truth(gt, options.gt_name);
  const std::size_t K = index.category_ids.size(), I = index.image_ids.size();

  std::vector<char> frequency(K, 0);
  for (std::size_t j = 0; j < gt.categories.size(); ++j) {
    const Category& c = gt.categories[j];
    if (c.frequency != 'r' && c.frequency != 'c' && c.frequency != 'f') {
      throw InputError(describe_location(options.gt_name + " categories", static_cast<long long>(j),
                                         "frequency") +
                       ": expected \"r\", \"c\" or \"f\" (LVIS needs it for APr/APc/APf)");
    }
    frequency[index.categories.find(c.id)] = c.frequency;
  }

  const std::vector<std::uint32_t> on_images = detections_on_known_images(dt, index, options, report);
  const bool boxes = results_are_boxes(dt, options);
  const std::vector<std::uint32_t> capped = apply_cap(dt, on_images, index, options.protocol);

  // Ground truth: get_ann_ids keeps 0 < area < inf; `ignore` defaults to 0; iscrowd plays no role.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> present;
  std::vector<std::uint32_t> gt_kept;
  for (std::size_t j = 0; j < gt.annotations.size(); ++j) {
    const GtAnnotation& a = gt.annotations[j];
    const std::uint32_t i = index.images.find(a.image_id), k = index.categories.find(a.category_id);
    if (i == IdIndex::kAbsent || k == IdIndex::kAbsent || !loadable_area(a.area)) continue;
    gt_kept.push_back(static_cast<std::uint32_t>(j));
    present.emplace_back(i, k);
  }
  const CategoriesByImage positives = build_table(I, present);
  const CategoriesByImage negatives = image_category_lists(gt, index, true);
  const CategoriesByImage not_exhaustive = image_category_lists(gt, index, false);

  std::vector<RleMask> masks;
  const bool need_masks = options.segm || !boxes;
  if (need_masks) masks = detection_masks(dt, capped, index, options);

  // Per detection: area, the category filter, and the federated filter (kept only where the
  // category is verified present or absent in the image), in parallel.
  enum : std::uint8_t { kKeep, kUnknownCategory, kBadArea, kNotFederated };
  std::vector<std::uint8_t> verdict(capped.size());
  std::vector<double> areas(capped.size());
  parallel_for(
      capped.size(),
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t n = begin; n < end; ++n) {
          const Detection& d = dt.items[capped[n]];
          areas[n] = boxes ? d.bbox.w * d.bbox.h : static_cast<double>(rle::area(masks[n]));
          const std::uint32_t k = index.categories.find(d.category_id);
          const std::uint32_t i = index.images.find(d.image_id);
          if (k == IdIndex::kAbsent) {
            verdict[n] = kUnknownCategory;
          } else if (!loadable_area(areas[n])) {
            verdict[n] = kBadArea;
          } else if (!negatives.contains(i, k) && !positives.contains(i, k)) {
            verdict[n] = kNotFederated;
          } else {
            verdict[n] = kKeep;
          }
        }
      },
      options.threads);

  EvalProblemBuilder builder(K, I);
  builder.reserve(gt_kept.size(), capped.size());
  for (std::uint32_t j : gt_kept) {
    const GtAnnotation& a = gt.annotations[j];
    EvalGt g;
    g.box = a.bbox;
    g.area = a.area;
    g.ignore = a.ignore > 0;
    g.crowd = false;  // lvis-api: iscrowd = [int(False)] * len(gt)
    g.id_is_zero = a.id == 0;
    g.mask = static_cast<std::int32_t>(j);
    builder.add_gt(index.categories.find(a.category_id), index.images.find(a.image_id), g);
  }
  std::size_t counts[4] = {0, 0, 0, 0};
  std::vector<RleMask> kept_masks;
  for (std::size_t n = 0; n < capped.size(); ++n) {
    ++counts[verdict[n]];
    if (verdict[n] != kKeep) continue;
    const Detection& d = dt.items[capped[n]];
    const std::uint32_t k = index.categories.find(d.category_id), i = index.images.find(d.image_id);
    EvalDt e;
    e.score = d.score;
    e.area = areas[n];
    e.box = boxes || d.has_bbox ? d.bbox : rle::to_bbox(masks[n]);
    e.unmatched_is_ignored = not_exhaustive.contains(i, k);
    if (options.segm) {
      e.mask = static_cast<std::int32_t>(kept_masks.size());
      kept_masks.push_back(std::move(masks[n]));
    }
    builder.add_dt(k, i, e);
  }
  masks = {};
  if (counts[kUnknownCategory]) {
    report.warnings.push_back(options.results_name + ": dropped " +
                              std::to_string(counts[kUnknownCategory]) +
                              " detection(s) whose category_id is not a ground truth category "
                              "(lvis-api ignores them too)");
  }
  EvalProblem problem = builder.build();
  if (options.segm) {
    problem.use_masks = true;
    problem.gt_masks = ground_truth_masks(gt, index, options);
    problem.dt_masks = std::move(kept_masks);
  }
  clock.lap("prepare");
  std::vector<CategoryMatches> matches;
  EvalAccumulation acc = evaluate_detections(problem, rules, options.threads,
                                             options.bootstrap_replicates > 0 ? &matches : nullptr);
  clock.lap("match+accumulate");

  std::vector<std::size_t> all(K);
  std::iota(all.begin(), all.end(), 0);
  report.summary = summarize(acc, rules, all, frequency);
  std::vector<std::vector<std::size_t>> group_cats;
  for (const auto& group : options.groups) {
    group_cats.push_back(group_categories(group, index, report));
    report.groups.emplace_back(group.name, summarize(acc, rules, group_cats.back(), frequency));
  }
  std::vector<std::string> names(K);
  for (const auto& c : gt.categories) names[index.categories.find(c.id)] = c.name;
  const int i50 = find_threshold(rules.iou_thresholds, 0.5);
  for (std::size_t k = 0; k < K; ++k) {
    CategoryResult cr;
    cr.id = index.category_ids[k];
    cr.name = names[k];
    cr.metrics.set("AP", summarize_precision(acc, kIouAll, 0, 0, {k}));
    cr.metrics.set("AP50", summarize_precision(acc, i50, 0, 0, {k}));
    cr.metrics.set("AR@300", summarize_recall(acc, kIouAll, 0, 0, {k}));
    PrCurve c;
    c.label = "IoU=0.50 area=all";
    c.recall = rules.recall_thresholds;
    for (std::size_t r = 0; r < acc.R; ++r) {
      c.precision.push_back(acc.precision[acc.precision_index(static_cast<std::size_t>(i50), r, k, 0, 0)]);
    }
    cr.curves.push_back(std::move(c));
    report.per_category.push_back(std::move(cr));
  }

  const bool fixed = options.protocol == LvisProtocol::kFixed;
  report.params = {
      {"iou_type", options.segm ? "segm" : "bbox"},
      {"protocol", fixed ? "fixed" : "standard"},
      {"max_dets_per_image", fixed ? -1 : static_cast<int>(kMaxDetsPerImage)},
      {"max_dets_per_category", fixed ? static_cast<int>(kMaxDetsPerCategory) : -1},
      {"iou_thresholds", rules.iou_thresholds},
      {"recall_thresholds", rules.recall_thresholds.size()},
      {"area_ranges", nlohmann::ordered_json::object()},
      {"federated", "detections kept only for categories verified present or in neg_category_ids; "
                    "unmatched detections of not_exhaustive_category_ids ignored"},
      {"result_type", boxes ? "bbox" : "segmentation"},
      {"reference", fixed ? "lvis-api lvis_challenge_2021 branch (max_dets_per_cat=10000, "
                            "max_dets_per_im=-1), standard IoU"
                          : "lvis-api LVISEval, 7d7f07d"}};
  for (const auto& r : rules.area_ranges) report.params["area_ranges"][r.label] = {r.min, r.max};
  report.counts = {{"images", I},
                   {"categories", K},
                   {"gt", gt.annotations.size()},
                   {"gt_evaluated", gt_kept.size()},
                   {"detections_loaded", dt.items.size()},
                   {"detections_unknown_image", dt.items.size() - on_images.size()},
                   {"detections_over_cap", on_images.size() - capped.size()},
                   {"detections_unknown_category", counts[kUnknownCategory]},
                   {"detections_zero_area", counts[kBadArea]},
                   {"detections_not_federated", counts[kNotFederated]},
                   {"detections_kept", counts[kKeep]}};
  clock.lap("summarize");
  if (options.bootstrap_replicates > 0) {
    const int i50b = find_threshold(rules.iou_thresholds, 0.5);
    const int i75b = find_threshold(rules.iou_thresholds, 0.75);
    auto metrics_of = [&](const std::vector<std::size_t>& cats, const MetricValues& v) {
      std::vector<BootstrapMetric> m{{"AP", -1, cats, v.at("AP")},
                                     {"AP50", i50b, cats, v.at("AP50")},
                                     {"AP75", i75b, cats, v.at("AP75")}};
      for (char f : {'r', 'c', 'f'}) {
        std::vector<std::size_t> sel;
        for (std::size_t k : cats)
          if (frequency[k] == f) sel.push_back(k);
        const std::string key = std::string("AP") + f;
        m.push_back({key, -1, sel, v.at(key)});
      }
      return m;
    };
    BootstrapTargets targets{metrics_of(all, report.summary), {}};
    for (std::size_t g = 0; g < group_cats.size(); ++g) {
      targets.groups.emplace_back(options.groups[g].name, metrics_of(group_cats[g], report.groups[g].second));
    }
    report.intervals = bootstrap_intervals(matches, I, rules, targets,
                                           {options.bootstrap_replicates, options.bootstrap_seed, options.threads});
    clock.lap("bootstrap");
  }
  report.phase_seconds = clock.laps();
  if (out) *out = std::move(acc);
  return report;
}

}  // namespace ovbench
