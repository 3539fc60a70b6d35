#include "metrics/detection_errors.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "core/parallel_for.h"
#include "core/phase_clock.h"
#include "metrics/detection_eval_setup.h"
#include "metrics/rle_mask.h"

namespace ovbench {
namespace {

// What TIDE's matching made of a detection (pred['used']: True, False, or None = ignored).
enum Status : std::uint8_t { kTruePositive, kFalsePositive, kIgnored };
constexpr std::uint8_t kNoError = 0xFF;

// The APs recomputed: 0 as it is (TIDERun.ap), 1 + e with main error type e fixed
// (fix_main_errors, not progressive), and the false-negative special error
// (fix_errors(false_neg_dict=...)). The false-positive special error needs only counts.
constexpr std::size_t kAsIs = 0;
constexpr std::size_t kFalseNegConfig = 1 + kTideErrorTypes;
constexpr std::size_t kConfigs = kFalseNegConfig + 1;
constexpr std::size_t fixed_config(TideError e) { return 1 + static_cast<std::size_t>(e); }
static_assert(kConfigs <= 8, "one bit per configuration in ClassItem");

// One data point a category's AP may see. Items are sorted by (score desc, seq asc): `seq` is
// the detection's position in TIDE's processing order (images in file order, each image's
// detections by score), the order in which APDataObject receives its points.
struct ClassItem {
  double score = 0;
  std::uint32_t seq = 0;
  std::uint8_t present = 0;  // bit c: a data point in configuration c
  std::uint8_t tp = 0;       // bit c: ... and a true positive there
  // A true positive as it is. TIDERun.fix_errors pushes the errors' points first and adds the
  // correct ones back after, so in every fixed configuration these come after the other
  // points of the same score (a stable sort keeps that order).
  bool original_tp = false;
};

// Per detection, what the per-image pass found (indexed by position in the kept list).
struct DetectionOutcome {
  std::uint8_t status = kFalsePositive;
  std::uint8_t error = kNoError;
  // For a Cls or Loc error that its gt's BestGTMatch picks: the category it becomes a true
  // positive of when fixed (ClassError.fix: the gt's; BoxError.fix: its own); -1 otherwise
  // (fixing the error removes the point: the gt was used, or a higher-scoring error claims it).
  std::int32_t fix_category = -1;
};

// Per-worker totals of the per-image pass.
struct WorkerTotals {
  std::vector<std::uint64_t> objects, unmatched, missed;  // per category
  std::vector<std::uint64_t> first_seen;                  // per category: first ap_data appearance
  std::array<std::uint64_t, kTideErrorTypes> errors{};
  std::uint64_t novel_gt = 0, own_label = 0;
  std::vector<std::uint64_t> confusions;  // novel << 32 | base, one per confused gt
};

struct WorkerScratch {
  std::vector<double> iou;  // D x G
  std::vector<BoxXYWH> gt_box;
  std::vector<std::uint32_t> gt_cat, gt_ann;
  std::vector<std::uint8_t> gt_used, gt_usable;
  std::vector<double> best_score;
  std::vector<std::int32_t> best_pred;
  std::vector<std::uint32_t> region_cat, region_ann;  // COCO crowd regions
  std::vector<BoxXYWH> region_box;
  std::vector<std::int32_t> target;        // per detection: the gt of its Loc/Cls error
  std::vector<std::uint8_t> lvis_class;    // per category: 1 verified, 2 not exhaustive
  std::vector<double> precision;           // per TP of one category's curve
};

constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

// APDataObject.get_ap for a category whose true positives reached precisions
// `precision[m-1]` (the m-th TP) against `num_gt` positives. The interpolated precision at
// recall x is max(precision[j:]) at the first point with recall >= x (searchsorted 'left' on
// the smoothed curve); false positives never raise it, so only TP points need looking at.
// Summed over x = 0, 0.01, ..., 1.00 as TIDE does: sum / 101 * 100.
double tide_ap(std::vector<double>& precision, std::uint64_t num_gt) {
  if (num_gt == 0) return 0;  // get_ap: `if self.num_gt_positives == 0: return 0`
  const std::size_t T = precision.size();
  for (std::size_t m = T; m-- > 1;) precision[m - 1] = std::max(precision[m - 1], precision[m]);
  const double G = static_cast<double>(num_gt);
  double sum = 0;
  std::size_t m = 1;  // 1-based index of the first TP whose recall reaches x
  for (int r = 0; r <= 100; ++r) {
    const double x = static_cast<double>(r) / 100;  // [x / resolution for x in range(101)]
    while (m <= T && static_cast<double>(m) / G < x) ++m;
    if (m <= T) sum += precision[m - 1];
  }
  return sum / 101 * 100;
}

// Stable sort by score, highest first (the order of Python's stable `sort(key=-score)`): an LSD
// radix sort on the score's bits, 8 bits a pass, skipping the bytes all keys share (scores
// written as float32 leave the low 29 bits of the double zero). Equal scores keep their order,
// -0.0 and 0.0 included.
struct ScoreSorter {
  std::vector<std::uint64_t> keys, keys_out;
  std::vector<ClassItem> out;

  static std::uint64_t descending_key(double score) {
    if (score == 0) score = 0;  // -0.0 ties with 0.0, as in Python
    std::uint64_t u;
    std::memcpy(&u, &score, sizeof u);
    u = (u >> 63) ? ~u : (u | (1ull << 63));  // ascending order of doubles as unsigned order
    return ~u;
  }

  void sort(ClassItem* items, std::size_t n) {
    if (n < 64) {
      std::stable_sort(items, items + n, [](const ClassItem& x, const ClassItem& y) { return x.score > y.score; });
      return;
    }
    keys.resize(n);
    keys_out.resize(n);
    out.resize(n);
    std::uint64_t all_and = ~0ull, all_or = 0;
    for (std::size_t i = 0; i < n; ++i) {
      keys[i] = descending_key(items[i].score);
      all_and &= keys[i];
      all_or |= keys[i];
    }
    ClassItem* from = items;
    ClassItem* to = out.data();
    std::uint64_t* kfrom = keys.data();
    std::uint64_t* kto = keys_out.data();
    for (int shift = 0; shift < 64; shift += 8) {
      if ((((all_and ^ all_or) >> shift) & 0xFF) == 0) continue;  // every key has this byte
      std::size_t count[257] = {};
      for (std::size_t i = 0; i < n; ++i) ++count[((kfrom[i] >> shift) & 0xFF) + 1];
      for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = count[(kfrom[i] >> shift) & 0xFF]++;
        to[at] = from[i];
        kto[at] = kfrom[i];
      }
      std::swap(from, to);
      std::swap(kfrom, kto);
    }
    if (from != items) std::copy(from, from + n, items);
  }
};

// Box or mask IoU as mask_utils.iou gives it (crowd: the union is the detection's area).
struct Geometry {
  bool masks;
  const std::vector<RleMask>& gt_masks;  // by annotation index
  const std::vector<RleMask>& dt_masks;  // by kept position
  const std::vector<BoxXYWH>& dt_boxes;  // by kept position (segmentation results: mask box)

  double iou(std::size_t kept, std::uint32_t ann, const BoxXYWH& gt_box, bool crowd) const {
    return masks ? rle::iou(dt_masks[kept], gt_masks[ann], crowd)
                 : rle::box_iou(dt_boxes[kept], gt_box, crowd);
  }
};

}  // namespace

const char* tide_error_key(TideError e) {
  static const char* const keys[kTideErrorTypes] = {"cls", "loc", "both", "dupe", "bkg", "miss"};
  return keys[static_cast<std::size_t>(e)];
}

DetectionErrorAnalysis analyse_detection_errors(const DetectionDataset& gt, const Detections& dt,
                                                const ErrorAnalysisOptions& options) {
  PhaseClock clock;
  DetectionErrorAnalysis out;
  out.options = options;
  const bool lvis = options.protocol == ErrorAnalysisProtocol::kLvis;
  const double fg = options.foreground_iou, bg = options.background_iou;
  const GtIndex index = index_ground_truth(gt, options.gt_name);
  const std::size_t K = index.category_ids.size(), I = gt.images.size();

  // Images in the ground truth's file order (TIDERun iterates gt.images, filled in file order).
  std::vector<std::uint32_t> file_position(index.image_ids.size());
  for (std::size_t p = 0; p < I; ++p) file_position[index.images.find(gt.images[p].id)] = static_cast<std::uint32_t>(p);
  auto position_of = [&](std::int64_t image_id) -> std::uint32_t {
    const std::uint32_t i = index.images.find(image_id);
    return i == IdIndex::kAbsent ? IdIndex::kAbsent : file_position[i];
  };

  // Ground truth per image, in file order (Data.get keeps the annotations' order).
  std::vector<std::uint32_t> gt_start(I + 1, 0), gt_list;
  {
    std::vector<std::uint32_t> ann_position(gt.annotations.size(), IdIndex::kAbsent);
    for (std::size_t a = 0; a < gt.annotations.size(); ++a) {
      const GtAnnotation& g = gt.annotations[a];
      if (index.categories.find(g.category_id) == IdIndex::kAbsent) continue;
      if (lvis && !(g.area > 0 && g.area < INFINITY)) continue;  // lvis-api get_ann_ids area_rng
      const std::uint32_t p = position_of(g.image_id);
      if (p == IdIndex::kAbsent) continue;
      ann_position[a] = p;
      ++gt_start[p + 1];
    }
    for (std::size_t p = 0; p < I; ++p) gt_start[p + 1] += gt_start[p];
    gt_list.resize(gt_start[I]);
    std::vector<std::uint32_t> fill(gt_start.begin(), gt_start.end() - 1);
    for (std::size_t a = 0; a < gt.annotations.size(); ++a) {
      if (ann_position[a] != IdIndex::kAbsent) gt_list[fill[ann_position[a]]++] = static_cast<std::uint32_t>(a);
    }
  }

  // Detections per image, sorted by score (Python's stable sort keeps file order on ties) and
  // capped at max_dets (TIDEExample: preds[:max_dets]).
  std::vector<std::uint32_t> all_start(I + 1, 0), all_list;
  {
    std::vector<std::uint32_t> dt_position(dt.items.size(), IdIndex::kAbsent);
    for (std::size_t j = 0; j < dt.items.size(); ++j) {
      const Detection& d = dt.items[j];
      if (index.categories.find(d.category_id) == IdIndex::kAbsent) continue;
      const std::uint32_t p = position_of(d.image_id);
      if (p == IdIndex::kAbsent) continue;
      dt_position[j] = p;
      ++all_start[p + 1];
    }
    for (std::size_t p = 0; p < I; ++p) all_start[p + 1] += all_start[p];
    all_list.resize(all_start[I]);
    std::vector<std::uint32_t> fill(all_start.begin(), all_start.end() - 1);
    for (std::size_t j = 0; j < dt.items.size(); ++j) {
      if (dt_position[j] != IdIndex::kAbsent) all_list[fill[dt_position[j]]++] = static_cast<std::uint32_t>(j);
    }
  }
  const std::size_t cap = options.max_dets_per_image > 0 ? static_cast<std::size_t>(options.max_dets_per_image)
                                                         : std::numeric_limits<std::size_t>::max();
  std::vector<std::uint32_t> dt_start(I + 1, 0);
  for (std::size_t p = 0; p < I; ++p) dt_start[p + 1] = dt_start[p] + static_cast<std::uint32_t>(std::min<std::size_t>(all_start[p + 1] - all_start[p], cap));
  std::vector<std::uint32_t> kept(dt_start[I]);
  // The kept detections' category index and score, contiguous for the passes below.
  std::vector<std::uint32_t> kept_category(kept.size());
  std::vector<double> kept_score(kept.size());
  parallel_for(
      I,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
          auto b = all_list.begin() + all_start[p], e = all_list.begin() + all_start[p + 1];
          std::stable_sort(b, e, [&](std::uint32_t x, std::uint32_t y) { return dt.items[x].score > dt.items[y].score; });
          std::copy(b, b + (dt_start[p + 1] - dt_start[p]), kept.begin() + dt_start[p]);
          for (std::uint32_t n = dt_start[p]; n < dt_start[p + 1]; ++n) {
            kept_category[n] = index.categories.find(dt.items[kept[n]].category_id);
            kept_score[n] = dt.items[kept[n]].score;
          }
        }
      },
      options.threads);
  all_list = {};
  const std::size_t N = kept.size();

  // Geometry: boxes, or masks in segm mode (and the box of a segmentation-only result, as the
  // evaluators take it).
  DetectionEvalOptions mask_options;
  mask_options.gt_name = options.gt_name;
  mask_options.results_name = options.results_name;
  mask_options.threads = options.threads;
  const bool boxes = results_are_boxes(dt, mask_options);
  std::vector<RleMask> dt_masks, gt_masks;
  if (options.segm || !boxes) dt_masks = detection_masks(dt, kept, index, mask_options);
  if (options.segm) gt_masks = ground_truth_masks(gt, index, mask_options);
  std::vector<BoxXYWH> dt_boxes(N);
  for (std::size_t n = 0; n < N; ++n) {
    const Detection& d = dt.items[kept[n]];
    dt_boxes[n] = boxes || d.has_bbox ? d.bbox : rle::to_bbox(dt_masks[n]);
  }
  const Geometry geometry{options.segm, gt_masks, dt_masks, dt_boxes};

  std::vector<std::uint8_t> is_novel(K, 0), is_base(K, 0);
  if (options.confusion) {
    for (std::int64_t id : options.novel_category_ids) {
      if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) is_novel[k] = 1;
    }
    for (std::int64_t id : options.base_category_ids) {
      if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) is_base[k] = 1;
    }
  }

  clock.lap("prepare");

  // The per-image pass: TIDEExample (matching, ignore regions) and TIDERun._eval_image (the
  // error tests), plus the novel/base coverage test on the same IoUs.
  const unsigned workers = std::max(1u, options.threads ? options.threads : default_thread_count());
  std::vector<WorkerTotals> totals(workers);
  std::vector<WorkerScratch> scratch(workers);
  for (auto& t : totals) {
    t.objects.assign(K, 0);
    t.unmatched.assign(K, 0);
    t.missed.assign(K, 0);
    t.first_seen.assign(K, kNever);
  }
  for (auto& s : scratch) s.lvis_class.assign(K, 0);
  std::vector<DetectionOutcome> outcome(N);
  auto category_of_dt = [&](std::size_t n) { return kept_category[n]; };

  auto process_image = [&](std::size_t p, WorkerTotals& tot, WorkerScratch& s) {
    const std::uint32_t d0 = dt_start[p], D = dt_start[p + 1] - d0;
    // TIDEExample: gt = the non-ignored annotations, ignore_regions = the rest (COCO: iscrowd).
    s.gt_box.clear();
    s.gt_cat.clear();
    s.gt_ann.clear();
    s.region_box.clear();
    s.region_cat.clear();
    s.region_ann.clear();
    for (std::uint32_t q = gt_start[p]; q < gt_start[p + 1]; ++q) {
      const GtAnnotation& a = gt.annotations[gt_list[q]];
      const std::uint32_t k = index.categories.find(a.category_id);
      if (!lvis && a.iscrowd) {
        s.region_box.push_back(a.bbox);
        s.region_cat.push_back(k);
        s.region_ann.push_back(gt_list[q]);
      } else {
        s.gt_box.push_back(a.bbox);
        s.gt_cat.push_back(k);
        s.gt_ann.push_back(gt_list[q]);
      }
    }
    const std::size_t G = s.gt_box.size();
    const std::uint64_t image_key = static_cast<std::uint64_t>(p) << 32;
    // ap_data.add_gt_positives per non-ignored gt: where each category first enters ap_data.
    for (std::size_t g = 0; g < G; ++g) {
      const std::uint32_t k = s.gt_cat[g];
      ++tot.objects[k];
      tot.first_seen[k] = std::min(tot.first_seen[k], image_key | g);
    }
    s.iou.resize(static_cast<std::size_t>(D) * G);
    for (std::uint32_t d = 0; d < D; ++d) {
      double* row = s.iou.data() + static_cast<std::size_t>(d) * G;
      for (std::size_t g = 0; g < G; ++g) row[g] = geometry.iou(d0 + d, s.gt_ann[g], s.gt_box[g], false);
    }
    s.gt_used.assign(G, 0);
    s.gt_usable.assign(G, 0);
    s.best_score.assign(G, -1.0);  // BestGTMatch: gt['best_score'] = -1, replaced on '<'
    s.best_pred.assign(G, -1);
    s.target.assign(D, -1);

    // Matching: each detection in score order takes the unused same-category gt of highest
    // IoU (argmax: the first on ties) if that IoU >= the foreground IoU (`iou >= pos_thresh`).
    for (std::uint32_t d = 0; d < D; ++d) {
      const std::uint32_t k = category_of_dt(d0 + d);
      const double* row = s.iou.data() + static_cast<std::size_t>(d) * G;
      double best = 0;
      std::int32_t at = -1;
      for (std::size_t g = 0; g < G; ++g) {
        if (s.gt_cat[g] == k && !s.gt_used[g] && row[g] > best) {
          best = row[g];
          at = static_cast<std::int32_t>(g);
        }
      }
      DetectionOutcome& o = outcome[d0 + d];
      if (at >= 0 && best >= fg) {
        o.status = kTruePositive;
        s.gt_used[static_cast<std::size_t>(at)] = 1;
      } else {
        o.status = kFalsePositive;
      }
    }

    // Ignore regions: an unmatched detection is ignored (pred['used'] = None: left out of the AP
    // but still given an error) when a region of its category covers it by crowd IoU
    // (intersection / detection area) > the foreground IoU (strictly), or, for LVIS, when its
    // category has a whole-image region (not verified in the image, or not exhaustive).
    if (lvis) {
      const ImageRecord& im = gt.images[p];
      for (std::uint32_t k : s.gt_cat) s.lvis_class[k] = 1;
      for (std::int64_t id : im.neg_category_ids) {
        if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) s.lvis_class[k] = 1;
      }
      for (std::int64_t id : im.not_exhaustive_category_ids) {
        if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) s.lvis_class[k] = 2;
      }
      for (std::uint32_t d = 0; d < D; ++d) {
        if (outcome[d0 + d].status == kTruePositive) continue;
        if (s.lvis_class[category_of_dt(d0 + d)] != 1) outcome[d0 + d].status = kIgnored;
      }
      for (std::uint32_t k : s.gt_cat) s.lvis_class[k] = 0;
      for (std::int64_t id : im.neg_category_ids) {
        if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) s.lvis_class[k] = 0;
      }
      for (std::int64_t id : im.not_exhaustive_category_ids) {
        if (const std::uint32_t k = index.categories.find(id); k != IdIndex::kAbsent) s.lvis_class[k] = 0;
      }
    } else if (!s.region_box.empty()) {
      for (std::uint32_t d = 0; d < D; ++d) {
        DetectionOutcome& o = outcome[d0 + d];
        if (o.status == kTruePositive) continue;
        const std::uint32_t k = category_of_dt(d0 + d);
        for (std::size_t r = 0; r < s.region_box.size(); ++r) {
          if (s.region_cat[r] == k && geometry.iou(d0 + d, s.region_ann[r], s.region_box[r], true) > fg) {
            o.status = kIgnored;
            break;
          }
        }
      }
    }

    // ap_data.push for every detection not ignored, in score order.
    for (std::uint32_t d = 0; d < D; ++d) {
      if (outcome[d0 + d].status == kIgnored) continue;
      const std::uint32_t k = category_of_dt(d0 + d);
      tot.first_seen[k] = std::min(tot.first_seen[k], image_key | (G + d));
    }

    // The error of every detection that is not a true positive, ignored ones included, tested
    // in TIDE's order; each test takes the argmax (first on ties) of its IoU row.
    auto count = [&](TideError e) { ++tot.errors[static_cast<std::size_t>(e)]; };
    for (std::uint32_t d = 0; d < D; ++d) {
      DetectionOutcome& o = outcome[d0 + d];
      if (o.status == kTruePositive) continue;
      if (G == 0) {  // no ground truth in the image (ignore regions aside): BackgroundError
        o.error = static_cast<std::uint8_t>(TideError::kBkg);
        count(TideError::kBkg);
        continue;
      }
      const std::uint32_t k = category_of_dt(d0 + d);
      const double* row = s.iou.data() + static_cast<std::size_t>(d) * G;
      // The four argmaxes of TIDE's tests in one pass over the row (each keeps numpy's rule: the
      // first index of the maximum, starting from index 0).
      auto same = [&](std::size_t g) { return s.gt_cat[g] == k; };
      double loc_iou = same(0) ? row[0] : 0.0, cls_iou = same(0) ? 0.0 : row[0];
      double dupe_iou = s.gt_used[0] && same(0) ? row[0] : 0.0, any_iou = row[0];
      std::size_t loc_gt = 0, cls_gt = 0;
      for (std::size_t g = 1; g < G; ++g) {
        const double v = row[g];
        if (same(g)) {
          if (v > loc_iou) {
            loc_iou = v;
            loc_gt = g;
          }
          if (s.gt_used[g] && v > dupe_iou) dupe_iou = v;
        } else if (v > cls_iou) {
          cls_iou = v;
          cls_gt = g;
        }
        any_iou = std::max(any_iou, v);
      }
      std::int32_t target = -1;
      if (bg <= loc_iou && loc_iou <= fg) {
        // BoxError (Loc): the same-category gt of highest IoU (used or not) at bg <= IoU <= fg.
        o.error = static_cast<std::uint8_t>(TideError::kLoc);
        target = static_cast<std::int32_t>(loc_gt);
      } else if (cls_iou >= fg) {
        // ClassError (Cls): a gt of another category at IoU >= fg.
        o.error = static_cast<std::uint8_t>(TideError::kCls);
        target = static_cast<std::int32_t>(cls_gt);
      } else if (dupe_iou >= fg) {
        o.error = static_cast<std::uint8_t>(TideError::kDupe);  // DuplicateError: its gt was taken
      } else if (any_iou <= bg) {
        o.error = static_cast<std::uint8_t>(TideError::kBkg);  // BackgroundError
      } else {
        o.error = static_cast<std::uint8_t>(TideError::kBoth);  // OtherError ("Both")
      }
      count(static_cast<TideError>(o.error));
      // BestGTMatch: Loc and Cls errors on an unused gt make it 'usable' (not Missed); of all
      // the errors that claim one gt, the highest-scoring (the first on ties) is the one fixed.
      if (target >= 0 && !s.gt_used[static_cast<std::size_t>(target)]) {
        const std::size_t g = static_cast<std::size_t>(target);
        s.gt_usable[g] = 1;
        const double score = kept_score[d0 + d];
        if (s.best_score[g] < score) {
          s.best_score[g] = score;
          s.best_pred[g] = static_cast<std::int32_t>(d);
        }
        s.target[d] = target;
      }
    }
    for (std::uint32_t d = 0; d < D; ++d) {
      const std::int32_t t = s.target[d];
      if (t < 0 || s.best_pred[static_cast<std::size_t>(t)] != static_cast<std::int32_t>(d)) continue;
      DetectionOutcome& o = outcome[d0 + d];
      o.fix_category = static_cast<std::int32_t>(o.error == static_cast<std::uint8_t>(TideError::kCls)
                                                     ? s.gt_cat[static_cast<std::size_t>(t)]
                                                     : category_of_dt(d0 + d));
    }
    // False negatives, and MissedError for those no Loc/Cls error could claim.
    for (std::size_t g = 0; g < G; ++g) {
      if (s.gt_used[g]) continue;
      ++tot.unmatched[s.gt_cat[g]];
      if (!s.gt_usable[g]) {
        ++tot.missed[s.gt_cat[g]];
        count(TideError::kMiss);
      }
    }

    // Novel/base confusion on the same IoUs (detections are in score order, so the first base
    // detection that covers a gt is the highest-scoring one).
    if (options.confusion) {
      for (std::size_t g = 0; g < G; ++g) {
        const std::uint32_t k = s.gt_cat[g];
        if (!is_novel[k]) continue;
        ++tot.novel_gt;
        bool own = false;
        std::uint32_t base = IdIndex::kAbsent;
        for (std::uint32_t d = 0; d < D && !own; ++d) {
          if (s.iou[static_cast<std::size_t>(d) * G + g] < fg) continue;
          const std::uint32_t c = category_of_dt(d0 + d);
          if (c == k) {
            own = true;
          } else if (is_base[c] && base == IdIndex::kAbsent) {
            base = c;
          }
        }
        if (own) {
          ++tot.own_label;
        } else if (base != IdIndex::kAbsent) {
          tot.confusions.push_back(static_cast<std::uint64_t>(k) << 32 | base);
        }
      }
    }
  };
  parallel_for_workers(
      I,
      [&](std::size_t begin, std::size_t end, unsigned worker) {
        for (std::size_t p = begin; p < end; ++p) process_image(p, totals[worker], scratch[worker]);
      },
      workers, 64);

  WorkerTotals& all = totals[0];
  for (std::size_t w = 1; w < workers; ++w) {
    for (std::size_t k = 0; k < K; ++k) {
      all.objects[k] += totals[w].objects[k];
      all.unmatched[k] += totals[w].unmatched[k];
      all.missed[k] += totals[w].missed[k];
      all.first_seen[k] = std::min(all.first_seen[k], totals[w].first_seen[k]);
    }
    for (std::size_t e = 0; e < kTideErrorTypes; ++e) all.errors[e] += totals[w].errors[e];
    all.novel_gt += totals[w].novel_gt;
    all.own_label += totals[w].own_label;
    all.confusions.insert(all.confusions.end(), totals[w].confusions.begin(), totals[w].confusions.end());
  }
  scratch = {};
  clock.lap("match+classify");

  // Every category's data points, in all configurations at once.
  std::vector<std::uint32_t> item_start(K + 1, 0);
  auto for_each_item = [&](auto emit) {
    constexpr std::uint8_t kEvery = (1u << kConfigs) - 1;
    for (std::size_t n = 0; n < N; ++n) {
      const DetectionOutcome& o = outcome[n];
      const std::uint32_t k = category_of_dt(n);
      const double score = kept_score[n];
      const auto seq = static_cast<std::uint32_t>(n);
      if (o.status == kTruePositive) {
        emit(k, ClassItem{score, seq, kEvery, kEvery, true});
        continue;
      }
      const std::uint8_t own_fix = static_cast<std::uint8_t>(1u << (1 + o.error));  // o.error < kMiss
      // Unfixed: a false positive of its own category (Error.unfix), unless ignored.
      std::uint8_t present = o.status == kIgnored ? 0 : static_cast<std::uint8_t>(kEvery & ~own_fix);
      std::uint8_t tp = 0;
      if (o.fix_category >= 0 && o.error == static_cast<std::uint8_t>(TideError::kLoc)) {
        present |= own_fix;  // BoxError.fix: a true positive of its own category
        tp |= own_fix;
      }
      if (present) emit(k, ClassItem{score, seq, present, tp, false});
      if (o.fix_category >= 0 && o.error == static_cast<std::uint8_t>(TideError::kCls)) {
        // ClassError.fix: a true positive of the gt's category.
        emit(static_cast<std::uint32_t>(o.fix_category), ClassItem{score, seq, own_fix, own_fix, false});
      }
    }
  };
  for_each_item([&](std::uint32_t k, const ClassItem&) { ++item_start[k + 1]; });
  for (std::size_t k = 0; k < K; ++k) item_start[k + 1] += item_start[k];
  std::vector<ClassItem> items(item_start[K]);
  {
    std::vector<std::uint32_t> fill(item_start.begin(), item_start.end() - 1);
    for_each_item([&](std::uint32_t k, const ClassItem& item) { items[fill[k]++] = item; });
  }
  outcome = {};

  // Per category and configuration: its AP, whether it has data points, and the first error
  // point it receives (the order in which fix_errors creates its ClassedAPDataObject entries).
  std::vector<std::uint64_t> num_gt_in(kConfigs * K);
  for (std::size_t c = 0; c < kConfigs; ++c) {
    for (std::size_t k = 0; k < K; ++k) {
      std::uint64_t G = all.objects[k];
      if (c == fixed_config(TideError::kMiss)) G -= all.missed[k];  // MissedError.fix: -1 gt each
      if (c == kFalseNegConfig) G -= all.unmatched[k];              // false_neg_dict
      num_gt_in[c * K + k] = G;
    }
  }
  std::vector<double> ap(kConfigs * K, 0), false_pos_ap(K, 0);
  std::vector<std::uint8_t> has_points(kConfigs * K, 0), has_original_tp(K, 0);
  std::vector<std::uint64_t> first_error_point(kConfigs * K, kNever);
  std::vector<std::vector<double>> precision(workers);
  std::vector<ScoreSorter> sorters(workers);
  parallel_for_workers(
      K,
      [&](std::size_t begin, std::size_t end, unsigned worker) {
        std::vector<double>& prec = precision[worker];
        for (std::size_t k = begin; k < end; ++k) {
          const auto b = items.begin() + item_start[k], e = items.begin() + item_start[k + 1];
          // Filled in seq order, so a stable sort by score gives (score desc, seq asc).
          sorters[worker].sort(&*b, static_cast<std::size_t>(e - b));
          const std::size_t n = static_cast<std::size_t>(e - b);
          const ClassItem* list = items.data() + item_start[k];
          std::uint64_t original_tps = 0;
          for (std::size_t c = 0; c < kConfigs; ++c) {
            const std::uint8_t bit = static_cast<std::uint8_t>(1u << c);
            prec.clear();
            std::uint64_t tp = 0, fp = 0;
            bool any = false;
            std::uint64_t first = kNever;
            auto visit = [&](const ClassItem& it) {
              if (!(it.present & bit)) return;
              any = true;
              if (c != kAsIs && !it.original_tp) first = std::min<std::uint64_t>(first, it.seq);
              if (it.tp & bit) {
                ++tp;
                prec.push_back(static_cast<double>(tp) / static_cast<double>(tp + fp));
              } else {
                ++fp;
              }
            };
            for (std::size_t i = 0; i < n;) {
              std::size_t j = i + 1;
              while (j < n && list[j].score == list[i].score) ++j;
              if (c == kAsIs || j == i + 1) {
                for (std::size_t q = i; q < j; ++q) visit(list[q]);
              } else {  // equal scores: the errors' points before the re-added true positives
                for (std::size_t q = i; q < j; ++q)
                  if (!list[q].original_tp) visit(list[q]);
                for (std::size_t q = i; q < j; ++q)
                  if (list[q].original_tp) visit(list[q]);
              }
              i = j;
            }
            if (c == kAsIs) original_tps = tp;
            ap[c * K + k] = tide_ap(prec, num_gt_in[c * K + k]);
            has_points[c * K + k] = any;
            first_error_point[c * K + k] = first;
          }
          has_original_tp[k] = original_tps > 0;
          // FalsePositiveError.fix: true positives scored 1, false positives 0, so every TP comes
          // first at precision 1.
          prec.assign(original_tps, 1.0);
          false_pos_ap[k] = tide_ap(prec, all.objects[k]);
        }
      },
      workers, 1);

  // ClassedAPDataObject.get_mAP: the mean over the non-empty categories (points or gts), summed
  // in the order the object's dict met them, so that the sums equal TIDE's bit for bit.
  std::vector<std::uint32_t> original_order;
  for (std::size_t k = 0; k < K; ++k) {
    if (all.first_seen[k] != kNever) original_order.push_back(static_cast<std::uint32_t>(k));
  }
  std::sort(original_order.begin(), original_order.end(),
            [&](std::uint32_t x, std::uint32_t y) { return all.first_seen[x] < all.first_seen[y]; });
  auto mean_ap = [&](std::size_t c, const double* aps, const std::uint8_t* points, const std::uint64_t* gts) {
    std::vector<std::uint32_t> order;
    if (c == kAsIs) {
      order = original_order;
    } else {
      // fix_errors: the errors' points create their categories first (in error order), then
      // the correct points are added back and the gt counts set, both in ap_data's order.
      const std::uint64_t* first = first_error_point.data() + c * K;
      for (std::uint32_t k : original_order) {
        if (first[k] != kNever) order.push_back(k);
      }
      std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return first[x] < first[y]; });
      for (std::uint32_t k : original_order) {
        if (first[k] == kNever && has_original_tp[k]) order.push_back(k);
      }
      for (std::uint32_t k : original_order) {
        if (first[k] == kNever && !has_original_tp[k]) order.push_back(k);
      }
    }
    double sum = 0;
    std::size_t used = 0;
    for (std::uint32_t k : order) {
      if (!points[k] && gts[k] == 0) continue;  // APDataObject.is_empty
      sum += aps[k];
      ++used;
    }
    return used ? sum / static_cast<double>(used) : 0.0;  // TIDE divides by zero here
  };
  std::array<double, kConfigs> map{};
  for (std::size_t c = 0; c < kConfigs; ++c) {
    map[c] = mean_ap(c, ap.data() + c * K, has_points.data() + c * K, num_gt_in.data() + c * K);
  }
  TideErrors& tide = out.tide;
  tide.ap = map[kAsIs];
  for (std::size_t e = 0; e < kTideErrorTypes; ++e) {
    // "If an error is negative that means it's likely due to binning differences": floored at 0.
    tide.dap[e] = std::max(map[1 + e] - map[kAsIs], 0.0);
    tide.count[e] = all.errors[e];
  }
  tide.false_neg_dap = map[kFalseNegConfig] - map[kAsIs];
  // The false-positive special error fixes nothing: the points (and so the category order) of
  // a configuration whose fix touches no detection, Miss, with the original gt counts.
  const std::size_t unfixed = fixed_config(TideError::kMiss);
  tide.false_pos_dap =
      mean_ap(unfixed, false_pos_ap.data(), has_points.data() + unfixed * K, all.objects.data()) - map[kAsIs];

  if (options.confusion) {
    out.has_confusion = true;
    NovelBaseConfusion& nb = out.confusion;
    nb.novel_gt = all.novel_gt;
    nb.detected_own_label = all.own_label;
    nb.detected_as_base = all.confusions.size();
    std::vector<std::string> names(K);
    for (const Category& c : gt.categories) names[index.categories.find(c.id)] = c.name;
    std::sort(all.confusions.begin(), all.confusions.end());
    for (std::size_t i = 0; i < all.confusions.size();) {
      std::size_t j = i;
      while (j < all.confusions.size() && all.confusions[j] == all.confusions[i]) ++j;
      const auto novel = static_cast<std::uint32_t>(all.confusions[i] >> 32);
      const auto base = static_cast<std::uint32_t>(all.confusions[i] & 0xFFFFFFFFu);
      nb.pairs.push_back({index.category_ids[novel], index.category_ids[base], names[novel], names[base], j - i});
      i = j;
    }
    std::stable_sort(nb.pairs.begin(), nb.pairs.end(), [](const NovelBaseConfusion::Pair& x, const NovelBaseConfusion::Pair& y) {
      return x.count > y.count;  // ties keep (novel id, base id) order
    });
  }
  clock.lap("recompute AP");
  out.phase_seconds = clock.laps();
  return out;
}

nlohmann::ordered_json error_analysis_json(const DetectionErrorAnalysis& a, std::size_t max_pairs) {
  nlohmann::ordered_json j;
  const ErrorAnalysisOptions& o = a.options;
  j["params"] = {{"reference", "TIDE (dbolya/tide, tidecv 1.0.1)"},
                 {"units", "AP points (0-100), as TIDE reports them"},
                 {"foreground_iou", o.foreground_iou},
                 {"background_iou", o.background_iou},
                 {"max_dets_per_image", o.max_dets_per_image > 0 ? o.max_dets_per_image : -1},
                 {"iou_type", o.segm ? "segm" : "bbox"},
                 {"ignore_regions", o.protocol == ErrorAnalysisProtocol::kLvis
                                        ? "categories not verified in the image, and not exhaustive ones"
                                        : "iscrowd ground truth of the detection's category"}};
  nlohmann::ordered_json dap = nlohmann::ordered_json::object(), counts = nlohmann::ordered_json::object();
  for (std::size_t e = 0; e < kTideErrorTypes; ++e) {
    dap[tide_error_key(static_cast<TideError>(e))] = a.tide.dap[e];
    counts[tide_error_key(static_cast<TideError>(e))] = a.tide.count[e];
  }
  j["tide"] = {{"AP", a.tide.ap},
               {"dAP", dap},
               {"counts", counts},
               {"special_dAP", {{"false_pos", a.tide.false_pos_dap}, {"false_neg", a.tide.false_neg_dap}}}};
  if (a.has_confusion) {
    const NovelBaseConfusion& c = a.confusion;
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < c.pairs.size() && i < max_pairs; ++i) {
      const auto& p = c.pairs[i];
      pairs.push_back({{"novel", p.novel_name}, {"novel_id", p.novel_id}, {"base", p.base_name},
                       {"base_id", p.base_id}, {"count", p.count}});
    }
    j["novel_base_confusion"] = {{"iou", o.foreground_iou},
                                 {"novel_gt", c.novel_gt},
                                 {"detected_own_label", c.detected_own_label},
                                 {"detected_as_base", c.detected_as_base},
                                 {"distinct_pairs", c.pairs.size()},
                                 {"pairs", pairs}};
  }
  return j;
}

ErrorAnalysisOptions error_analysis_options_for(bool lvis, const LvisEvalOptions& evaluation) {
  ErrorAnalysisOptions eo;
  eo.protocol = lvis ? ErrorAnalysisProtocol::kLvis : ErrorAnalysisProtocol::kCoco;
  eo.max_dets_per_image = !lvis ? 100 : evaluation.protocol == LvisProtocol::kFixed ? 0 : 300;
  eo.segm = evaluation.segm;
  eo.threads = evaluation.threads;
  eo.gt_name = evaluation.gt_name;
  eo.results_name = evaluation.results_name;
  const NamedCategorySet* base = nullptr;
  const NamedCategorySet* novel = nullptr;
  for (const auto& g : evaluation.groups) {
    if (g.name == "base") base = &g;
    if (g.name == "novel") novel = &g;
  }
  if (base && novel) {
    eo.confusion = true;
    eo.base_category_ids = base->category_ids;
    eo.novel_category_ids = novel->category_ids;
  }
  return eo;
}

}  // namespace ovbench
