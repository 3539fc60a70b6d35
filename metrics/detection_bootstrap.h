#pragma once
// Image-level bootstrap of COCO/LVIS AP: resample the evaluation images with replacement and
// recompute AP, AP50 and AP75 (area "all", the largest maxDets) overall and per category group,
// from the match records the evaluator kept, with no re-matching. A resampled image brings its
// detections and its gts as many times as it was drawn, which is what evaluating a dataset with
// those images duplicated gives (duplicates of a detection are adjacent in score order; only
// their order among exactly equal scores of other images can differ, which moves no percentile
// visibly).
//
// Replicate r draws its images from a generator seeded by (seed, r) alone, so two runs over the
// same image set see the same resampled images: their replicate differences form a paired
// bootstrap (what `ovbench compare` needs).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/detection_eval.h"

namespace ovbench {

struct BootstrapOptions {
  int replicates = 1000;
  std::uint64_t seed = 0;
  unsigned threads = 0;
};

// How often each image is drawn in replicate `replicate` (multinomial, n draws of n images).
std::vector<std::uint32_t> bootstrap_image_counts(std::size_t num_images, std::uint64_t seed,
                                                  int replicate);

// AP per (replicate, category, IoU threshold), -1 where the category has no gt in the replicate.
struct BootstrapCategoryAp {
  std::size_t replicates = 0, categories = 0, thresholds = 0;
  std::vector<double> ap;
  double at(std::size_t r, std::size_t k, std::size_t t) const {
    return ap[(r * categories + k) * thresholds + t];
  }
};

BootstrapCategoryAp bootstrap_category_ap(const std::vector<CategoryMatches>& matches,
                                          std::size_t num_images, const EvalRules& rules,
                                          const BootstrapOptions& options);

// AP per (category, threshold) for one given draw (`counts[i]`: how often image i is taken);
// all ones gives the evaluator's own per-category AP. Tests use it.
std::vector<double> category_ap_for_counts(const std::vector<CategoryMatches>& matches,
                                           const std::vector<std::uint32_t>& counts,
                                           const EvalRules& rules);

// pycocotools' summarize() on one replicate: mean of the per-category APs (all thresholds if
// `threshold` < 0) over `categories` with a gt; -1 if none.
double bootstrap_mean_ap(const BootstrapCategoryAp& b, std::size_t replicate, int threshold,
                         const std::vector<std::size_t>& categories);

// numpy.percentile(values, 100 * q) with the default 'linear' method; `values` non-empty.
double percentile_of(std::vector<double> values, double q);

struct PercentileInterval {
  double low = 0, high = 0;  // the (1-c)/2 and (1+c)/2 percentiles (numpy's linear method)
  double se = 0;             // standard deviation of the replicates (ddof=1)
};
// Over the values > -1; {-1, -1, 0} when fewer than two. With `center` (the estimate on the
// full data), the replicates are first shifted so that their mean is `center`: resampling
// images with replacement duplicates true positives, whose adjacent copies raise the
// interpolated precision envelope, so replicate AP runs above the estimate (by ~3 standard
// errors at LVIS scale, where many categories have few gts); the spread is right, the centre
// is not. This is the bias-corrected (re-centred) percentile interval.
PercentileInterval percentile_interval(std::vector<double> values, double confidence,
                                       std::optional<double> center = std::nullopt);

}  // namespace ovbench
