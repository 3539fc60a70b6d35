#include "harness/run/dataset_scoring.h"

#include <cmath>

#include "datasets/detection_dataset_reader.h"
#include "datasets/detection_results_reader.h"
#include "datasets/flickr_entities_tree.h"
#include "datasets/grounding_predictions_reader.h"
#include "datasets/label_map_pairs.h"
#include "datasets/label_map_totals.h"
#include "metrics/coco_evaluator.h"
#include "metrics/detection_errors.h"

namespace ovbench {

MetricReport score_detection_file(bool lvis, const std::filesystem::path& gt_path,
                                  const std::filesystem::path& predictions, const LvisEvalOptions& options) {
  DatasetReadOptions gt_options;
  gt_options.keep_segmentation = options.segm;
  gt_options.require_lvis_fields = lvis;
  const DetectionDataset gt = read_detection_dataset(gt_path, gt_options);
  ResultsReadOptions dt_options;
  dt_options.keep_segmentation = options.segm;
  dt_options.threads = options.threads;
  const Detections dt = read_detection_results(predictions, dt_options);
  LvisEvalOptions named = options;
  named.gt_name = gt_path.string();
  named.results_name = predictions.string();
  MetricReport report = lvis ? evaluate_lvis(gt, dt, named) : evaluate_coco(gt, dt, named);
  // Runs always carry TIDE's error analysis (and the novel/base confusion on OV splits).
  report.error_analysis = error_analysis_json(analyse_detection_errors(gt, dt, error_analysis_options_for(lvis, named)));
  return report;
}

MetricReport score_grounding_file(const std::filesystem::path& root, const std::string& split,
                                  const std::filesystem::path& predictions, const GroundingRecallOptions& options) {
  const auto tree = read_flickr_entities_split(root, split, options.threads);
  const auto gt = flickr_grounding_ground_truth(tree);
  GroundingRecallOptions named = options;
  named.predictions_name = predictions.string();
  return grounding_metric_report(evaluate_grounding_recall(gt, read_grounding_predictions(predictions), named),
                                 options, split);
}

MetricReport grounding_metric_report(const GroundingRecallReport& recall, const GroundingRecallOptions& options,
                                     const std::string& split) {
  MetricReport report;
  report.kind = "flickr30k";
  auto key = [](int k) { return k < 0 ? std::string("upper_bound") : "R@" + std::to_string(k); };
  for (std::size_t c = 0; c < recall.categories.size(); ++c) {
    MetricValues values;
    for (std::size_t k = 0; k < recall.top_k.size(); ++k) values.set(key(recall.top_k[k]), recall.recall(k, c));
    if (recall.categories[c] == "all") {
      report.summary = values;
    } else {
      report.groups.emplace_back(recall.categories[c], values);
    }
  }
  report.params = {{"protocol", options.protocol == GroundingProtocol::kAnyBox ? "any-box" : "merged-box"},
                   {"iou_threshold", options.iou_threshold},
                   {"split", split},
                   {"reference", "MDETR flickr_eval.py (ashkamath/mdetr@ea09acc)"}};
  report.counts = {{"sentences", recall.sentences}, {"phrases", recall.phrases}, {"predictions", recall.predictions}};
  report.warnings = recall.warnings;
  return report;
}

MetricReport segmentation_metric_report(const SegmentationMetrics& m, const SegmentationOptions& options,
                                        const std::vector<std::string>& names, std::size_t images) {
  MetricReport report;
  report.kind = "miou";
  report.summary.set("mIoU", m.mIoU);
  report.summary.set("aAcc", m.aAcc);
  report.summary.set("mAcc", m.mAcc);
  for (std::size_t c = 0; c < m.iou.size(); ++c) {
    CategoryResult r;
    r.id = static_cast<std::int64_t>(c);
    r.name = c < names.size() ? names[c] : "";
    r.metrics.set("IoU", m.iou[c]);
    r.metrics.set("Acc", m.acc[c]);
    report.per_category.push_back(std::move(r));
  }
  report.params = {{"num_classes", options.num_classes},
                   {"ignore_index", options.ignore_index},
                   {"reduce_zero_label", options.reduce_zero_label},
                   {"reference", "mmsegmentation IoUMetric (exact integer totals)"}};
  report.counts = {{"images", images}};
  return report;
}

MetricReport score_label_maps(const std::filesystem::path& gt_dir, const std::filesystem::path& pred_dir,
                              const SegmentationOptions& options, const std::vector<std::string>& names) {
  const auto pairs = pair_label_maps(gt_dir, pred_dir);
  const auto totals = label_map_pair_totals(pairs, options, 0);
  return segmentation_metric_report(segmentation_metrics(totals), options, names, pairs.size());
}

}  // namespace ovbench
