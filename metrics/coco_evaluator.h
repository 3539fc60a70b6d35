#pragma once
// pycocotools' COCOeval (cocoapi 8c9bcc3) for bbox and segm: the 12 summary numbers, the same
// numbers per category group (params.catIds restricted to the group) and per category, and
// the interpolated PR curves.

#include "metrics/detection_eval.h"
#include "metrics/detection_eval_setup.h"
#include "metrics/metric_report.h"

namespace ovbench {

// Also returns the accumulation for callers that draw curves or compare runs.
MetricReport evaluate_coco(const DetectionDataset& gt, const Detections& dt,
                           const DetectionEvalOptions& options, EvalAccumulation* out = nullptr);

// The 12 keys of "metrics", in pycocotools' stats order.
const std::vector<std::string>& coco_summary_keys();

}  // namespace ovbench
