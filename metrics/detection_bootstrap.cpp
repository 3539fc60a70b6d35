#include "metrics/detection_bootstrap.h"

#include <algorithm>
#include <cmath>

#include "core/parallel_for.h"
#include "metrics/numpy_arithmetic.h"

namespace ovbench {
namespace {

// splitmix64 over (seed, replicate): the same draws on every machine and thread count.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::size_t kMaxT = 16;

struct CurveScratch {
  // TP events per threshold: recall and precision after each true positive. The interpolated
  // precision at recall r is the largest precision among entries with recall >= r (recall is
  // non-decreasing; a false positive never raises precision), so true positives suffice.
  std::vector<double> rc[kMaxT], pr[kMaxT];
  std::vector<double> q = std::vector<double>(101);  // interpolated precision per recall threshold
};

// One category in one replicate: AP at every threshold, exactly pycocotools' accumulate on the
// expanded (duplicated) detection list.
void category_ap(const CategoryMatches& m, const std::vector<std::uint32_t>& w,
                 const EvalRules& rules, CurveScratch& s, double* out) {
  const std::size_t T = rules.iou_thresholds.size();
  std::uint64_t n_gt = 0;
  for (const auto& [image, count] : m.gts_per_image) n_gt += std::uint64_t{w[image]} * count;
  if (n_gt == 0) {
    std::fill(out, out + T, -1.0);
    return;
  }
  const double n = static_cast<double>(n_gt);
  std::uint64_t tp[kMaxT] = {}, fp[kMaxT] = {};
  for (std::size_t t = 0; t < T; ++t) {
    s.rc[t].clear();
    s.pr[t].clear();
  }
  for (const MatchRecord& r : m.records) {
    const std::uint32_t copies = w[r.image];
    if (!copies) continue;
    if (r.fp) {
      for (std::size_t t = 0; t < T; ++t) fp[t] += (r.fp >> t & 1u) * copies;
    }
    if (r.tp) {
      for (std::size_t t = 0; t < T; ++t) {
        if (!(r.tp >> t & 1u)) continue;
        for (std::uint32_t c = 0; c < copies; ++c) {
          ++tp[t];
          const double tpd = static_cast<double>(tp[t]);
          s.rc[t].push_back(tpd / n);
          s.pr[t].push_back(tpd / (static_cast<double>(fp[t]) + tpd + numpy::kSpacingOfOne));
        }
      }
    }
  }
  const std::vector<double>& thr = rules.recall_thresholds;
  s.q.resize(thr.size());
  for (std::size_t t = 0; t < T; ++t) {
    // Walk thresholds from the top down with a running maximum from the right.
    const std::vector<double>& rc = s.rc[t];
    const std::vector<double>& pr = s.pr[t];
    double best = 0;
    std::size_t i = rc.size();
    for (std::size_t ri = thr.size(); ri-- > 0;) {
      while (i > 0 && rc[i - 1] >= thr[ri]) best = std::max(best, pr[--i]);
      s.q[ri] = best;
    }
    // Summed in recall order, as the evaluator's mean is, so an undisturbed draw gives its
    // AP to the last bit.
    double sum = 0;
    for (std::size_t ri = 0; ri < thr.size(); ++ri) sum += s.q[ri];
    out[t] = sum / static_cast<double>(thr.size());
  }
}

}  // namespace

std::vector<std::uint32_t> bootstrap_image_counts(std::size_t num_images, std::uint64_t seed,
                                                  int replicate) {
  std::vector<std::uint32_t> counts(num_images, 0);
  if (num_images == 0) return counts;
  std::uint64_t state = mix(seed ^ mix(0x6f7662656e6368ULL + static_cast<std::uint64_t>(replicate)));
  for (std::size_t i = 0; i < num_images; ++i) {
    state += 0x9e3779b97f4a7c15ULL;
    // Lemire's multiply-shift on 32 random bits: bias below n / 2^32, far under the
    // bootstrap's own noise for any dataset size.
    const std::uint64_t x = (mix(state) >> 32) * static_cast<std::uint64_t>(num_images);
    ++counts[static_cast<std::size_t>(x >> 32)];
  }
  return counts;
}

BootstrapCategoryAp bootstrap_category_ap(const std::vector<CategoryMatches>& matches,
                                          std::size_t num_images, const EvalRules& rules,
                                          const BootstrapOptions& options) {
  BootstrapCategoryAp b;
  b.replicates = static_cast<std::size_t>(std::max(options.replicates, 0));
  b.categories = matches.size();
  b.thresholds = rules.iou_thresholds.size();
  b.ap.assign(b.replicates * b.categories * b.thresholds, -1.0);
  const unsigned threads = options.threads ? options.threads : default_thread_count();
  std::vector<CurveScratch> scratch(threads);
  parallel_for_workers(
      b.replicates,
      [&](std::size_t r0, std::size_t r1, unsigned worker) {
        for (std::size_t r = r0; r < r1; ++r) {
          const auto w = bootstrap_image_counts(num_images, options.seed, static_cast<int>(r));
          for (std::size_t k = 0; k < b.categories; ++k) {
            category_ap(matches[k], w, rules, scratch[worker],
                        b.ap.data() + (r * b.categories + k) * b.thresholds);
          }
        }
      },
      threads, 1);
  return b;
}

std::vector<double> category_ap_for_counts(const std::vector<CategoryMatches>& matches,
                                           const std::vector<std::uint32_t>& counts,
                                           const EvalRules& rules) {
  const std::size_t T = rules.iou_thresholds.size();
  std::vector<double> out(matches.size() * T, -1.0);
  CurveScratch scratch;
  for (std::size_t k = 0; k < matches.size(); ++k) category_ap(matches[k], counts, rules, scratch, out.data() + k * T);
  return out;
}

double bootstrap_mean_ap(const BootstrapCategoryAp& b, std::size_t replicate, int threshold,
                         const std::vector<std::size_t>& categories) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t k : categories) {
    if (threshold >= 0) {
      const double v = b.at(replicate, k, static_cast<std::size_t>(threshold));
      if (v > -1) sum += v, ++n;
      continue;
    }
    for (std::size_t t = 0; t < b.thresholds; ++t) {
      const double v = b.at(replicate, k, t);
      if (v > -1) sum += v, ++n;
    }
  }
  return n ? sum / static_cast<double>(n) : -1.0;
}

double percentile_of(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double pos = q * static_cast<double>(values.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
}

PercentileInterval percentile_interval(std::vector<double> values, double confidence,
                                       std::optional<double> center) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !(v > -1); }),
               values.end());
  if (values.size() < 2) return {-1, -1, 0};
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  if (center && *center > -1) {
    const double shift = *center - mean;
    for (double& v : values) v += shift;
    mean = *center;
  }
  double var = 0;
  for (double v : values) var += (v - mean) * (v - mean);
  var /= static_cast<double>(values.size() - 1);
  return {percentile_of(values, (1 - confidence) / 2), percentile_of(values, (1 + confidence) / 2),
          std::sqrt(var)};
}

}  // namespace ovbench
