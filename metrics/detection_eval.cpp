#include "metrics/detection_eval.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "core/parallel_for.h"
#include "metrics/numpy_arithmetic.h"
#include "metrics/rle_mask.h"

namespace ovbench {
namespace {

// Ten IoU thresholds fit one 16-bit mask per detection and area range.
constexpr std::size_t kMaxThresholds = 16;

// A detection after matching: where it sorts, and per area range which thresholds made it a
// true or a false positive (neither bit: ignored).
struct MatchedDt {
  double score;
  std::uint32_t rank;  // position in its cell after the score sort (for the maxDets cut)
  std::uint32_t image;
  std::uint16_t tp[4];
  std::uint16_t fp[4];
};

// Per-thread scratch, reused across cells and categories: an LVIS-scale run sees ~1M cells and
// must not allocate per cell.
struct Scratch {
  std::vector<std::uint32_t> dt_order;
  std::vector<double> ious;  // D x G, row per detection, gts in load order
  std::vector<std::uint32_t> gt_order;
  std::vector<std::uint8_t> gt_ignored;   // in gt_order
  std::vector<std::uint8_t> gt_matched;   // in gt_order
  BigVector<MatchedDt> matched;
  std::vector<double> rc[kMaxThresholds], pr[kMaxThresholds];  // per IoU threshold
};

bool outside(double area, const AreaRange& range) { return area < range.min || area > range.max; }

void match_cell(const EvalProblem& p, const EvalRules& rules, const EvalCell& cell, Scratch& s) {
  const std::size_t G = cell.gt_end - cell.gt_begin;
  // pycocotools/lvis-api: np.argsort(-score, kind='mergesort'), i.e. a stable sort.
  s.dt_order.resize(cell.dt_end - cell.dt_begin);
  std::iota(s.dt_order.begin(), s.dt_order.end(), cell.dt_begin);
  std::stable_sort(s.dt_order.begin(), s.dt_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return p.dts[a].score > p.dts[b].score;
  });
  // COCOeval truncates to maxDets[-1] per image and category, before any matching.
  if (rules.max_dets_per_cell >= 0 &&
      s.dt_order.size() > static_cast<std::size_t>(rules.max_dets_per_cell)) {
    s.dt_order.resize(static_cast<std::size_t>(rules.max_dets_per_cell));
  }
  const std::size_t D = s.dt_order.size();

  s.ious.assign(D * G, 0.0);
  for (std::size_t d = 0; d < D; ++d) {
    const EvalDt& dt = p.dts[s.dt_order[d]];
    double* row = s.ious.data() + d * G;
    for (std::size_t g = 0; g < G; ++g) {
      const EvalGt& gt = p.gts[cell.gt_begin + g];
      row[g] = p.use_masks ? rle::iou(p.dt_masks[static_cast<std::size_t>(dt.mask)],
                                      p.gt_masks[static_cast<std::size_t>(gt.mask)], gt.crowd)
                           : rle::box_iou(dt.box, gt.box, gt.crowd);
    }
  }

  const std::size_t base = s.matched.size();
  for (std::size_t d = 0; d < D; ++d) {
    MatchedDt m{};
    m.score = p.dts[s.dt_order[d]].score;
    m.rank = static_cast<std::uint32_t>(d);
    m.image = cell.image;
    s.matched.push_back(m);
  }

  const std::size_t T = rules.iou_thresholds.size();
  if (G == 0) {
    // Most cells of a real run: detections on a category the image does not have. Every one is
    // a false positive at every threshold unless the area rule or LVIS's not-exhaustive rule
    // ignores it (the same outcome as the general loop below, without its T passes).
    const std::uint16_t all = static_cast<std::uint16_t>((1u << T) - 1);
    for (std::size_t d = 0; d < D; ++d) {
      const EvalDt& dt = p.dts[s.dt_order[d]];
      MatchedDt& out = s.matched[base + d];
      for (std::size_t a = 0; a < rules.area_ranges.size(); ++a) {
        if (!outside(dt.area, rules.area_ranges[a]) && !dt.unmatched_is_ignored) out.fp[a] = all;
      }
    }
    return;
  }
  for (std::size_t a = 0; a < rules.area_ranges.size(); ++a) {
    const AreaRange& range = rules.area_ranges[a];
    // Gts outside the area range (or ignored) are sorted last, stably.
    s.gt_order.clear();
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t g = 0; g < G; ++g) {
        const EvalGt& gt = p.gts[cell.gt_begin + g];
        const bool ignored = gt.ignore || outside(gt.area, range);
        if (ignored == (pass == 1)) s.gt_order.push_back(static_cast<std::uint32_t>(g));
      }
    }
    s.gt_ignored.resize(G);
    for (std::size_t j = 0; j < G; ++j) {
      const EvalGt& gt = p.gts[cell.gt_begin + s.gt_order[j]];
      s.gt_ignored[j] = gt.ignore || outside(gt.area, range);
    }
    for (std::size_t t = 0; t < T; ++t) {
      // pycocotools: iou = min([t, 1-1e-10]), so an IoU equal to the threshold matches.
      const double start = std::min(rules.iou_thresholds[t], 1 - 1e-10);
      const std::uint16_t bit = static_cast<std::uint16_t>(1u << t);
      s.gt_matched.assign(G, 0);
      for (std::size_t d = 0; d < D; ++d) {
        const EvalDt& dt = p.dts[s.dt_order[d]];
        const double* row = s.ious.data() + d * G;
        double best = start;
        std::ptrdiff_t m = -1;
        for (std::size_t j = 0; j < G; ++j) {
          const EvalGt& gt = p.gts[cell.gt_begin + s.gt_order[j]];
          // A matched gt is taken, except a crowd one in COCO, which absorbs any number.
          if (s.gt_matched[j] && !(rules.crowd_multi_match && gt.crowd)) continue;
          // Once matched to a regular gt, the ignored gts that follow are not considered.
          if (m > -1 && !s.gt_ignored[static_cast<std::size_t>(m)] && s.gt_ignored[j]) break;
          if (row[s.gt_order[j]] < best) continue;
          best = row[s.gt_order[j]];  // >= : among equal IoUs the later gt wins
          m = static_cast<std::ptrdiff_t>(j);
        }
        bool matched_id = false;  // dtm != 0 in the references
        bool ignored = false;
        if (m > -1) {
          const std::size_t mj = static_cast<std::size_t>(m);
          s.gt_matched[mj] = 1;
          ignored = s.gt_ignored[mj];
          matched_id = !p.gts[cell.gt_begin + s.gt_order[mj]].id_is_zero;
        }
        // dtIg |= (dtm == 0) & (area outside the range [LVIS: or category not exhaustive]).
        if (!matched_id && (outside(dt.area, range) || dt.unmatched_is_ignored)) ignored = true;
        MatchedDt& out = s.matched[base + d];
        if (!ignored) {
          if (matched_id) {
            out.tp[a] |= bit;
          } else {
            out.fp[a] |= bit;
          }
        }
      }
    }
  }
}

void accumulate_category(const EvalRules& rules, std::size_t k, const std::vector<std::size_t>& npig,
                         bool any_cell, Scratch& s, EvalAccumulation& acc) {
  const std::size_t T = acc.T, R = acc.R, A = acc.A, M = acc.M;
  // Concatenating per-image lists in image order and stable-sorting by -score (accumulate) is
  // a stable sort of records already in (image, rank) order.
  std::stable_sort(s.matched.begin(), s.matched.end(),
                   [](const MatchedDt& a, const MatchedDt& b) { return a.score > b.score; });
  for (std::size_t a = 0; a < A; ++a) {
    // npig == 0 (or no cell at all): precision and recall stay -1, excluded from the means.
    if (!any_cell || npig[a] == 0) continue;
    const double n_gt = static_cast<double>(npig[a]);
    for (std::size_t mi = 0; mi < M; ++mi) {
      const int max_det = rules.max_dets[mi];
      // One pass over the sorted detections serves all T thresholds: each keeps its own
      // running counts and its own curve, appended only where its tp or fp changes.
      // Ignored detections add neither tp nor fp, so their cumulative (rc, pr) repeats the
      // previous entry and cannot change the interpolated curve: they are skipped.
      double tp[kMaxThresholds] = {}, fp[kMaxThresholds] = {};
      for (std::size_t t = 0; t < T; ++t) {
        s.rc[t].clear();
        s.pr[t].clear();
      }
      for (const MatchedDt& m : s.matched) {
        if (max_det >= 0 && m.rank >= static_cast<std::uint32_t>(max_det)) continue;
        const unsigned counted = static_cast<unsigned>(m.tp[a] | m.fp[a]);
        if (!counted) continue;
        for (std::size_t t = 0; t < T; ++t) {
          const unsigned bit = 1u << t;
          if (!(counted & bit)) continue;
          if (m.tp[a] & bit) tp[t] += 1; else fp[t] += 1;
          s.rc[t].push_back(tp[t] / n_gt);
          s.pr[t].push_back(tp[t] / (fp[t] + tp[t] + numpy::kSpacingOfOne));
        }
      }
      for (std::size_t t = 0; t < T; ++t) {
        std::vector<double>& rc = s.rc[t];
        std::vector<double>& pr = s.pr[t];
        acc.recall[acc.recall_index(t, k, a, mi)] = rc.empty() ? 0.0 : rc.back();
        // Make precision non-increasing from the right (pycocotools' "interpolation").
        for (std::size_t i = pr.size(); i-- > 1;) {
          if (pr[i] > pr[i - 1]) pr[i - 1] = pr[i];
        }
        // np.searchsorted(rc, recThrs, side='left'); thresholds past the end give 0.
        std::size_t i = 0;
        for (std::size_t r = 0; r < R; ++r) {
          const double thr = rules.recall_thresholds[r];
          while (i < rc.size() && rc[i] < thr) ++i;
          acc.precision[acc.precision_index(t, r, k, a, mi)] = i < rc.size() ? pr[i] : 0.0;
        }
      }
    }
  }
}

}  // namespace

EvalRules coco_rules() {
  EvalRules r;
  r.iou_thresholds = numpy::linspace(0.5, 0.95, 10);
  r.recall_thresholds = numpy::linspace(0.0, 1.0, 101);
  // pycocotools Params.setDetParams: [0, 1e5**2], [0, 32**2], [32**2, 96**2], [96**2, 1e5**2].
  r.area_ranges = {{"all", 0, 1e10}, {"small", 0, 1024}, {"medium", 1024, 9216},
                   {"large", 9216, 1e10}};
  r.max_dets = {1, 10, 100};
  r.max_dets_per_cell = 100;
  r.crowd_multi_match = true;
  return r;
}

EvalRules lvis_rules() {
  EvalRules r = coco_rules();
  r.max_dets = {-1};  // the 300 per image is applied when results are loaded
  r.max_dets_per_cell = -1;
  r.crowd_multi_match = false;
  return r;
}

EvalAccumulation evaluate_detections(const EvalProblem& p, const EvalRules& rules,
                                     unsigned threads, std::vector<CategoryMatches>* matches) {
  EvalAccumulation acc;
  acc.T = rules.iou_thresholds.size();
  acc.R = rules.recall_thresholds.size();
  acc.K = p.num_categories;
  acc.A = rules.area_ranges.size();
  acc.M = rules.max_dets.size();
  if (acc.T > kMaxThresholds || acc.A > 4) {
    throw std::invalid_argument("evaluate_detections: at most 16 IoU thresholds and 4 area ranges");
  }
  acc.precision.assign(acc.T * acc.R * acc.K * acc.A * acc.M, -1.0);
  acc.recall.assign(acc.T * acc.K * acc.A * acc.M, -1.0);

  // Heaviest categories first, one per work item, so that one huge category (COCO's person)
  // does not end up last on one thread.
  std::vector<std::size_t> order(acc.K);
  std::iota(order.begin(), order.end(), 0);
  auto work = [&](std::size_t k) {
    std::size_t w = 0;
    for (std::uint32_t c = p.category_cells[k]; c < p.category_cells[k + 1]; ++c) {
      const EvalCell& cell = p.cells[c];
      w += (cell.dt_end - cell.dt_begin + 1) * (cell.gt_end - cell.gt_begin + 1);
    }
    return w;
  };
  std::vector<std::size_t> weight(acc.K);
  for (std::size_t k = 0; k < acc.K; ++k) weight[k] = work(k);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });

  const unsigned n_threads =
      std::max(1u, std::min<unsigned>(threads ? threads : default_thread_count(),
                                      static_cast<unsigned>(std::max<std::size_t>(acc.K, 1))));
  std::vector<Scratch> scratch(n_threads);
  if (matches) matches->assign(acc.K, {});
  const int last_max_det = rules.max_dets.empty() ? -1 : rules.max_dets.back();
  parallel_for_workers(
      acc.K,
      [&](std::size_t begin, std::size_t end, unsigned worker) {
        Scratch& s = scratch[worker];
        std::vector<std::size_t> npig(acc.A);
        for (std::size_t i = begin; i < end; ++i) {
          const std::size_t k = order[i];
          s.matched.clear();
          std::fill(npig.begin(), npig.end(), 0);
          const std::uint32_t c0 = p.category_cells[k], c1 = p.category_cells[k + 1];
          for (std::uint32_t c = c0; c < c1; ++c) {
            const EvalCell& cell = p.cells[c];
            match_cell(p, rules, cell, s);
            for (std::size_t a = 0; a < acc.A; ++a) {
              for (std::uint32_t g = cell.gt_begin; g < cell.gt_end; ++g) {
                if (!p.gts[g].ignore && !outside(p.gts[g].area, rules.area_ranges[a])) ++npig[a];
              }
            }
          }
          accumulate_category(rules, k, npig, c1 > c0, s, acc);
          if (matches) {
            // accumulate_category left s.matched in accumulation order.
            CategoryMatches& out = (*matches)[k];
            out.records.reserve(s.matched.size());
            for (const MatchedDt& m : s.matched) {
              if (last_max_det >= 0 && m.rank >= static_cast<std::uint32_t>(last_max_det)) continue;
              if (!(m.tp[0] | m.fp[0])) continue;  // ignored: moves no count
              out.records.push_back({m.image, m.tp[0], m.fp[0]});
            }
            for (std::uint32_t c = c0; c < c1; ++c) {
              const EvalCell& cell = p.cells[c];
              std::uint32_t n = 0;
              for (std::uint32_t g = cell.gt_begin; g < cell.gt_end; ++g) {
                if (!p.gts[g].ignore && !outside(p.gts[g].area, rules.area_ranges[0])) ++n;
              }
              if (n) out.gts_per_image.emplace_back(cell.image, n);
            }
          }
        }
      },
      n_threads, 1);
  return acc;
}

namespace {

double mean_of_valid(std::vector<double>& values) {
  // np.mean(s[s > -1]), or -1 when nothing is valid.
  if (values.empty()) return -1;
  return numpy::mean(values.data(), values.size());
}

}  // namespace

double summarize_precision(const EvalAccumulation& acc, int iou_index, std::size_t area_index,
                           std::size_t maxdet_index, const std::vector<std::size_t>& categories) {
  std::vector<double> values;
  const std::size_t t0 = iou_index < 0 ? 0 : static_cast<std::size_t>(iou_index);
  const std::size_t t1 = iou_index < 0 ? acc.T : t0 + 1;
  values.reserve((t1 - t0) * acc.R * categories.size());
  for (std::size_t t = t0; t < t1; ++t) {
    for (std::size_t r = 0; r < acc.R; ++r) {
      for (std::size_t k : categories) {
        const double v = acc.precision[acc.precision_index(t, r, k, area_index, maxdet_index)];
        if (v > -1) values.push_back(v);
      }
    }
  }
  return mean_of_valid(values);
}

double summarize_recall(const EvalAccumulation& acc, int iou_index, std::size_t area_index,
                        std::size_t maxdet_index, const std::vector<std::size_t>& categories) {
  std::vector<double> values;
  const std::size_t t0 = iou_index < 0 ? 0 : static_cast<std::size_t>(iou_index);
  const std::size_t t1 = iou_index < 0 ? acc.T : t0 + 1;
  for (std::size_t t = t0; t < t1; ++t) {
    for (std::size_t k : categories) {
      const double v = acc.recall[acc.recall_index(t, k, area_index, maxdet_index)];
      if (v > -1) values.push_back(v);
    }
  }
  return mean_of_valid(values);
}

int find_threshold(const std::vector<double>& thresholds, double value) {
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    if (thresholds[i] == value) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace ovbench
