#pragma once
// Scoring one dataset's prediction files into a MetricReport, exactly as `ovbench eval` scores
// the same files (same readers, same evaluators), so a stored run and a later `ovbench eval`
// of its prediction files agree to the bit.

#include <filesystem>
#include <string>
#include <vector>

#include "metrics/grounding_recall.h"
#include "metrics/lvis_evaluator.h"
#include "metrics/metric_report.h"
#include "metrics/segmentation_iou.h"

namespace ovbench {

MetricReport score_detection_file(bool lvis, const std::filesystem::path& gt, const std::filesystem::path& predictions,
                                  const LvisEvalOptions& options);

// Summary R@1, R@5, R@10, upper_bound over all phrases; one group per phrase type.
MetricReport score_grounding_file(const std::filesystem::path& entities_root, const std::string& split,
                                  const std::filesystem::path& predictions, const GroundingRecallOptions& options);

// The MetricReport forms of the grounding and segmentation results (what runs store).
MetricReport grounding_metric_report(const GroundingRecallReport& recall, const GroundingRecallOptions& options,
                                     const std::string& split);
MetricReport segmentation_metric_report(const SegmentationMetrics& m, const SegmentationOptions& options,
                                        const std::vector<std::string>& names, std::size_t images);

// Summary mIoU, aAcc, mAcc; per class IoU and Acc; `names` label the classes.
MetricReport score_label_maps(const std::filesystem::path& gt_dir, const std::filesystem::path& pred_dir,
                              const SegmentationOptions& options, const std::vector<std::string>& names);

}  // namespace ovbench
