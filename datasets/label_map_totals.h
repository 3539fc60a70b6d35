#pragma once
// mmseg IoUMetric totals over pairs of PNG label maps (ground truth, prediction), decoded and
// accumulated on worker threads; the same numbers whether `ovbench eval miou` or the runner
// asks.

#include <vector>

#include "datasets/label_map_pairs.h"
#include "metrics/segmentation_iou.h"

namespace ovbench {

// Throws InputError naming the file for an unreadable map or a prediction whose size differs
// from its ground truth. threads 0: default_thread_count().
// With `per_image`, also each pair's own totals (what the image-level bootstrap resamples).
SegmentationTotals label_map_pair_totals(const std::vector<LabelMapPair>& pairs, const SegmentationOptions& options,
                                         unsigned threads, std::vector<SegmentationTotals>* per_image = nullptr);

}  // namespace ovbench
