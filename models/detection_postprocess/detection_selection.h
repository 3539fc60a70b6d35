#pragma once
// Selecting detections by score, the three ways the reference post-processors do it.
// All take a flat score array and return indices into it.

#include <cstddef>
#include <span>
#include <vector>

namespace ovbench {

// Indices whose score is strictly greater than `threshold`, in index order
// (GLIP ATSSPostProcessor: candidate_inds = box_cls > pre_nms_thresh).
std::vector<std::size_t> indices_above(std::span<const float> scores, float threshold);

// The k highest scores (all when k >= n), score descending, ties by lower index: torch.topk
// with a defined tie order (torch leaves it to the kernel).
std::vector<std::size_t> top_k_by_score(std::span<const float> scores, std::size_t k);

// GLIP's per-image cap (ATSSPostProcessor.select_over_all_levels): when there are more than
// `cap` > 0 scores, the threshold is the cap-th largest score (torch.kthvalue of the
// (n - cap + 1)-th smallest) and every score >= it is kept, so ties at the threshold can keep
// more than `cap`. Kept indices in their original order; cap == 0 keeps everything.
std::vector<std::size_t> cap_keeping_ties(std::span<const float> scores, std::size_t cap);

}  // namespace ovbench
