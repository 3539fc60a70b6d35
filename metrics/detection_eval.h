#pragma once
// The engine shared by the COCO and LVIS evaluators: per (image, category) cell it computes IoUs
// and greedy matches at every IoU threshold and area range, then accumulates interpolated
// precision and recall per category exactly as pycocotools' COCOeval.evaluateImg/accumulate
// and lvis-api's LVISEval do (../shared/REFERENCE_BEHAVIOURS.md). The two references differ
// only in the knobs of EvalRules; coco_evaluator.cpp and lvis_evaluator.cpp turn files'
// semantics (crowd, ignore, federated negatives) into an EvalProblem.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "metrics/detection_types.h"

namespace ovbench {

// One ground truth object as the matcher sees it.
struct EvalGt {
  BoxXYWH box;
  double area = 0;           // the area compared with the area ranges (the file's `area`)
  std::int32_t mask = -1;    // index into EvalProblem::gt_masks (segm evaluation)
  bool ignore = false;       // COCO: iscrowd; LVIS: the file's `ignore`
  bool crowd = false;        // COCO iscrowd: may absorb many detections, IoU union = dt area
  bool id_is_zero = false;   // the references record matches as gt ids tested with != 0
};

// One detection as the matcher sees it.
struct EvalDt {
  BoxXYWH box;
  double area = 0;         // box area w*h, or mask area (pycocotools loadRes rule)
  double score = 0;
  std::int32_t mask = -1;  // index into EvalProblem::dt_masks (segm evaluation)
  // LVIS: the category is in the image's not_exhaustive_category_ids, so an unmatched
  // detection is ignored rather than a false positive.
  bool unmatched_is_ignored = false;
};

// The gts and dts of one (image, category), in the order the reference loads them.
struct EvalCell {
  std::uint32_t image = 0;  // index into the sorted evaluation image ids
  std::uint32_t gt_begin = 0, gt_end = 0;
  std::uint32_t dt_begin = 0, dt_end = 0;
};

// Everything to evaluate, grouped for cache-friendly passes: cells of category k are
// cells[category_cells[k] .. category_cells[k+1]) in ascending image order; each cell's gts and
// dts are contiguous ranges of `gts` and `dts`.
struct EvalProblem {
  std::size_t num_images = 0;
  std::size_t num_categories = 0;
  BigVector<EvalGt> gts;
  BigVector<EvalDt> dts;
  std::vector<EvalCell> cells;
  std::vector<std::uint32_t> category_cells;  // size num_categories + 1
  bool use_masks = false;                     // segm: IoU of masks instead of boxes
  std::vector<RleMask> gt_masks;
  std::vector<RleMask> dt_masks;
};

struct AreaRange {
  const char* label;  // "all", "small", "medium", "large"
  double min, max;    // inclusive on both ends (pycocotools)
};

struct EvalRules {
  std::vector<double> iou_thresholds;     // np.linspace(.5, .95, 10)
  std::vector<double> recall_thresholds;  // np.linspace(0, 1, 101)
  std::vector<AreaRange> area_ranges;     // all, small, medium, large
  std::vector<int> max_dets;              // COCO {1, 10, 100}; LVIS {-1}: no cap
  int max_dets_per_cell = -1;             // COCO truncates each (image, category) to 100
  bool crowd_multi_match = false;         // COCO: a matched crowd gt stays matchable
};

// The defaults of pycocotools' Params(iouType) and lvis-api's Params.
EvalRules coco_rules();
EvalRules lvis_rules();

// precision[t][r][k][a][m] and recall[t][k][a][m] as pycocotools lays them out; -1 where the
// category has no non-ignored gt in the area range.
struct EvalAccumulation {
  std::size_t T = 0, R = 0, K = 0, A = 0, M = 0;
  std::vector<double> precision;
  std::vector<double> recall;

  std::size_t precision_index(std::size_t t, std::size_t r, std::size_t k, std::size_t a,
                              std::size_t m) const {
    return (((t * R + r) * K + k) * A + a) * M + m;
  }
  std::size_t recall_index(std::size_t t, std::size_t k, std::size_t a, std::size_t m) const {
    return ((t * K + k) * A + a) * M + m;
  }
};

// One detection of a category after matching, for resampling (bootstrap): its image and which
// IoU thresholds made it a true or false positive, for the "all" area range and the largest
// maxDets (neither bit: ignored).
struct MatchRecord {
  std::uint32_t image = 0;
  std::uint16_t tp = 0, fp = 0;
};

// A category's match records in the reference's accumulation order (score-sorted, stable), and
// its non-ignored gt count per image (area "all"), for images that have any.
struct CategoryMatches {
  std::vector<MatchRecord> records;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> gts_per_image;
};

// Runs matching and accumulation over all categories on `threads` threads (0: default).
// Categories are independent, so the result does not depend on the thread count. With
// `matches`, also keeps every category's match records (indexed like the categories).
EvalAccumulation evaluate_detections(const EvalProblem& problem, const EvalRules& rules,
                                     unsigned threads = 0,
                                     std::vector<CategoryMatches>* matches = nullptr);

// pycocotools' summarize(): the mean of the values > -1 in precision[t-slice][:][cats][a][m]
// (flattened t, r, k as numpy does) or recall[t-slice][cats][a][m]; -1 when none.
// `iou_index` < 0 takes every threshold. `categories` are indexes in ascending id order.
double summarize_precision(const EvalAccumulation& acc, int iou_index, std::size_t area_index,
                           std::size_t maxdet_index, const std::vector<std::size_t>& categories);
double summarize_recall(const EvalAccumulation& acc, int iou_index, std::size_t area_index,
                        std::size_t maxdet_index, const std::vector<std::size_t>& categories);

// The index of `value` in `thresholds` by exact comparison (pycocotools: iouThr == p.iouThrs),
// -1 if absent.
int find_threshold(const std::vector<double>& thresholds, double value);

}  // namespace ovbench
