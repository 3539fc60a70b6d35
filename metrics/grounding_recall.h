#pragma once
// Phrase grounding Recall@k, as MDETR's Flickr30kEntitiesRecallEvaluator (ashkamath/mdetr@ea09acc
// datasets/flickr_eval.py, copied unchanged into GLIP) computes it:
//  * a phrase is a hit at k when the max IoU between its first k predicted boxes (all of them
//    for k = -1, the "upper bound") and its ground truth boxes is >= the threshold (0.5);
//  * any-box protocol (MDETR's default, merge_boxes=False): every gt box of the phrase's entity
//    counts; merged-box protocol: an entity with several boxes is replaced by their smallest
//    enclosing box;
//  * recall = hits / phrases over all scored phrases (micro average), for "all" and for each
//    phrase type; a phrase counts once per type it lists (twice for a type listed twice);
//  * matching predictions to sentences follows the reference: the first prediction of a
//    sentence counts, later ones are skipped with a warning; predictions for sentences that
//    are not evaluable (unknown image or sentence, or no phrase with a box) are ignored, with a
//    warning when they carry boxes; a wrong number of box lists, or an evaluable sentence
//    without a prediction, is an error (InputError).

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/grounding_types.h"

namespace ovbench {

enum class GroundingProtocol { kAnyBox, kMergedBox };

struct GroundingRecallOptions {
  GroundingProtocol protocol = GroundingProtocol::kAnyBox;
  std::vector<int> top_k{1, 5, 10, -1};  // -1: all predicted boxes (MDETR's "Upper_bound")
  double iou_threshold = 0.5;
  unsigned threads = 0;                          // 0: default_thread_count()
  std::string predictions_name = "predictions";  // the file, for error messages
};

struct GroundingRecallReport {
  std::vector<int> top_k;
  // "all" and every phrase type that occurs in a scored phrase, sorted as MDETR's table sorts
  // them (byte order). Empty when there is nothing to score, as MDETR's report is.
  std::vector<std::string> categories;
  std::vector<std::int64_t> totals;             // [category]: phrases scored
  std::vector<std::vector<std::int64_t>> hits;  // [k index][category]
  std::int64_t sentences = 0, phrases = 0;
  std::int64_t predictions = 0, ignored_predictions = 0, duplicate_predictions = 0;
  std::vector<std::string> warnings;
  // Per evaluable sentence (gt order): its phrases, and its phrases hit at each k
  // ([sentence * top_k.size() + k index]); what the sentence-level bootstrap resamples.
  std::vector<std::uint32_t> sentence_phrases, sentence_hits;

  double recall(std::size_t k_index, std::size_t category) const {
    return static_cast<double>(hits[k_index][category]) / static_cast<double>(totals[category]);
  }
};

GroundingRecallReport evaluate_grounding_recall(const GroundingGroundTruth& gt,
                                                const GroundingPredictions& predictions,
                                                const GroundingRecallOptions& options);

// The smallest box enclosing `boxes` (MDETR's _merge_boxes); a single box is returned as is.
GroundingBox enclosing_box(const GroundingBox* boxes, std::size_t count);

// IoU of two [x1, y1, x2, y2] boxes with MDETR's (torchvision's) convention: area =
// (x2 - x1) * (y2 - y1), no +1 pixel; intersection sides clipped at 0; IoU = inter / (area1 +
// area2 - inter) in float64, so 0/0 is NaN and a non-positive union gives inf or a negative value.
double grounding_box_iou(const GroundingBox& a, const GroundingBox& b);

}  // namespace ovbench
