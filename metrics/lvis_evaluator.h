#pragma once
// lvis-api's LVISEval (7d7f07d): federated evaluation of LVIS v1 (neg_category_ids,
// not_exhaustive_category_ids, r/c/f groups), with the two result caps:
//  - standard: at most 300 detections per image across categories (LVISResults max_dets=300);
//  - fixed: "Fixed AP" of the lvis_challenge_2021 branch, at most 10,000 detections per
//    category and no per-image cap, with the ordinary bbox/segm IoU.
// For open-vocabulary LVIS, APr is the novel AP.

#include "metrics/detection_eval.h"
#include "metrics/detection_eval_setup.h"
#include "metrics/metric_report.h"

namespace ovbench {

enum class LvisProtocol { kStandard, kFixed };

struct LvisEvalOptions : DetectionEvalOptions {
  LvisProtocol protocol = LvisProtocol::kStandard;
};

MetricReport evaluate_lvis(const DetectionDataset& gt, const Detections& dt,
                           const LvisEvalOptions& options, EvalAccumulation* out = nullptr);

// The 13 keys of "metrics", in lvis-api's results order.
const std::vector<std::string>& lvis_summary_keys();

}  // namespace ovbench
