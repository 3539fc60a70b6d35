#pragma once
// Bootstrap intervals for the metrics that are ratios of sums over units: Flickr30K recall
// (hits / phrases, resampling sentences) and mIoU / aAcc / mAcc (per-class pixel counts,
// resampling images). Replicate r draws the units with bootstrap_image_counts(n, seed, r) — the
// same multinomial draws as the detection bootstrap, so two runs on the same units with the
// same seed pair up for `ovbench compare`. Plain percentile intervals: a ratio of resampled
// sums has none of AP's upward replicate bias (metrics/detection_bootstrap.h), so no re-centring.
//
// JSON as detection_intervals.h: {"method", "replicates", "seed", "confidence",
// "metrics": {key: {"low", "high", "se"}}, "groups": {}, "replicate_values": {key: [...]},
// "group_replicate_values": {}}.

#include <nlohmann/json.hpp>

#include <vector>

#include "metrics/detection_bootstrap.h"
#include "metrics/grounding_recall.h"
#include "metrics/segmentation_iou.h"

namespace ovbench {

// Keys R@1, R@5, R@10, upper_bound (as the stored report), over sentences.
nlohmann::ordered_json grounding_recall_intervals(const GroundingRecallReport& report, const BootstrapOptions& options,
                                                  double confidence = 0.95);

// Keys mIoU, aAcc, mAcc, over images (`per_image`: each image's totals).
nlohmann::ordered_json segmentation_intervals(const std::vector<SegmentationTotals>& per_image,
                                              const BootstrapOptions& options, double confidence = 0.95);

}  // namespace ovbench
