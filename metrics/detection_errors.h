#pragma once
// Error analysis of a detection run: TIDE's error types and their AP impact (dbolya/tide,
// tidecv 1.0.1: quantify.py, errors/main_errors.py, errors/error.py, ap.py), and, for
// open-vocabulary splits, how often novel objects are found but named as a base category.
//
// TIDE in one paragraph (the rules are named where detection_errors.cpp implements them):
// per image, detections are sorted by score and capped (TIDE's max_dets); each is matched
// greedily to the unused same-category ground truth of highest IoU if that IoU >= 0.5 (the
// foreground IoU); every other detection is one error, tested in this order: Loc (a
// same-category gt at 0.1 <= IoU <= 0.5), Cls (a gt of another category at IoU >= 0.5), Dupe
// (a same-category gt already matched, at IoU >= 0.5), Bkg (IoU <= 0.1 with every gt), else
// Both. A gt left unmatched that no Loc/Cls error could have claimed is Missed. The dAP of an
// error type is TIDE's AP (AP at IoU 0.5, 101-point interpolation, mean over categories) with
// that error type fixed, minus the AP as it is, floored at 0.
//
// Numbers are in TIDE's units, AP points (0..100), so that they equal what TIDE prints; the
// rest of a MetricReport is in fractions as pycocotools gives them.

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "metrics/detection_types.h"
#include "metrics/lvis_evaluator.h"

namespace ovbench {

// TIDE's main error types, in TIDE's order (TIDE._error_types).
enum class TideError : std::uint8_t { kCls, kLoc, kBoth, kDupe, kBkg, kMiss };
constexpr std::size_t kTideErrorTypes = 6;
// "cls", "loc", "both", "dupe", "bkg", "miss": the JSON keys.
const char* tide_error_key(TideError e);

// How the ground truth turns into TIDE's gts and ignore regions, as tidecv's loaders do.
enum class ErrorAnalysisProtocol : std::uint8_t {
  // tidecv.datasets.COCO: iscrowd annotations are ignore regions of their category.
  kCoco,
  // tidecv.datasets.LVIS: a whole-image ignore region for every category neither annotated in
  // the image nor in its neg_category_ids, and for its not_exhaustive_category_ids.
  kLvis,
};

struct ErrorAnalysisOptions {
  ErrorAnalysisProtocol protocol = ErrorAnalysisProtocol::kCoco;
  // TIDE's Data.max_dets: the highest-scoring detections kept per image, over all
  // categories (tidecv: COCO 100, LVIS 300). <= 0: no cap.
  int max_dets_per_image = 100;
  double foreground_iou = 0.5;  // TIDE(pos_threshold=0.5); must be > 0
  double background_iou = 0.1;  // TIDE(background_threshold=0.1)
  bool segm = false;            // TIDE.MASK mode: mask IoU instead of box IoU
  // Novel/base confusion (see NovelBaseConfusion); skipped unless `confusion`.
  bool confusion = false;
  std::vector<std::int64_t> novel_category_ids, base_category_ids;
  unsigned threads = 0;
  std::string gt_name = "ground truth", results_name = "results";  // for messages (segm)
};

struct TideErrors {
  double ap = 0;  // TIDE's AP at the foreground IoU (TIDERun.ap), the base of every dAP
  std::array<double, kTideErrorTypes> dap{};              // fix_main_errors(), floored at 0
  std::array<std::uint64_t, kTideErrorTypes> count{};     // count_errors()
  double false_pos_dap = 0, false_neg_dap = 0;            // fix_special_errors(), not floored
};

// For a split with "novel" and "base" categories: the novel-category ground truths (not
// ignored: COCO crowd regions are not objects) that no detection of their own category covers
// at IoU >= the foreground IoU, but a base-category detection does; only the image's
// detections within the per-image cap count (the same list TIDE sees). Each such gt is
// attributed to the highest-scoring covering base detection (ties: the earlier in the
// results file), which gives the (novel, base) pair.
struct NovelBaseConfusion {
  struct Pair {
    std::int64_t novel_id = 0, base_id = 0;
    std::string novel_name, base_name;
    std::uint64_t count = 0;
  };
  std::uint64_t novel_gt = 0;            // novel-category ground truths
  std::uint64_t detected_own_label = 0;  // covered by a detection of their own category
  std::uint64_t detected_as_base = 0;    // the confusion: not own-label, covered by a base one
  std::vector<Pair> pairs;               // every pair, most frequent first (then by ids)
};

struct DetectionErrorAnalysis {
  TideErrors tide;
  bool has_confusion = false;
  NovelBaseConfusion confusion;
  ErrorAnalysisOptions options;  // as used, for the JSON params
  // Seconds per phase ("prepare", "match+classify", "recompute AP"), for --verbose and bench/.
  std::vector<std::pair<std::string, double>> phase_seconds;
};

// Runs TIDE's error analysis over the detections the protocol evaluates: detections on
// ground-truth images whose category is a ground-truth category (TIDE itself would score an
// unknown category as a class of AP 0), ground truth on known images and categories (LVIS:
// 0 < area < inf, as lvis-api loads it). Images are visited in the ground truth's file order
// and detections in the results' file order, which is what decides TIDE's score ties.
// The analysis options that go with an evaluation: the protocol's per-image cap (tidecv's
// loaders: 100 COCO, 300 LVIS; none for Fixed AP), its IoU type, and the novel/base confusion
// when the evaluation's groups include ones named "base" and "novel".
ErrorAnalysisOptions error_analysis_options_for(bool lvis, const LvisEvalOptions& evaluation);

DetectionErrorAnalysis analyse_detection_errors(const DetectionDataset& gt, const Detections& dt,
                                                const ErrorAnalysisOptions& options);

// The "error_analysis" object of --json and the results store:
// {"params": {...}, "tide": {"AP", "dAP": {cls, loc, both, dupe, bkg, miss}, "counts": {...},
//  "special_dAP": {"false_pos", "false_neg"}}, "novel_base_confusion"?: {"novel_gt",
//  "detected_own_label", "detected_as_base", "distinct_pairs", "pairs": [{"novel", "novel_id",
//  "base", "base_id", "count"}] (the `max_pairs` most frequent)}}.
nlohmann::ordered_json error_analysis_json(const DetectionErrorAnalysis& analysis,
                                           std::size_t max_pairs = 20);

}  // namespace ovbench
