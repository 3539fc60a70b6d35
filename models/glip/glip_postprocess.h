#pragma once
// GLIP's detection post-processing on the module's outputs for one image and one prompt:
// token logits -> per-label scores -> ATSS candidate selection per FPN level -> class-aware NMS
// -> per-image cap. Follows GLIP maskrcnn_benchmark/modeling/rpn/inference.py
// ATSSPostProcessor (forward_for_single_feature_map, select_over_all_levels) and
// convert_grounding_to_od_logits(_v2). Box decoding is the module's job: boxes arrive decoded,
// x1 y1 x2 y2 in the resized (network input) image's pixels.
//
// Per level, as GLIP does it:
//   prob[a][t]   = sigmoid(token_logits[a][t])
//   score[a][l]  = MEAN (or MAX) of prob[a][t] over label l's tokens (MODEL.DYHEAD.SCORE_AGG,
//                  "MEAN" in config/defaults.py and every configs/pretrain/glip_*.yaml)
//   candidates   = (a, l) with score > pre_nms_threshold (MODEL.ATSS.INFERENCE_TH = 0.05)
//   keep the pre_nms_top_n (MODEL.ATSS.PRE_NMS_TOP_N = 1000) candidates with the highest
//                  score * sigmoid(centerness[a]); ties by (anchor, label position), which torch's
//                  topk(sorted=False) leaves undefined
//   final score  = sqrt(score * sigmoid(centerness[a]))
//   box          = clipped to [0, width - 1] x [0, height - 1] (BoxList.clip_to_image,
//                  TO_REMOVE = 1), dropped when x2 - x1 + 1 < 0 or y2 - y1 + 1 < 0
//                  (remove_small_boxes with min_size 0)
// then over all levels: class-aware NMS with +1 widths (boxlist_ml_nms -> csrc/cuda/ml_nms.cu,
// IoU > MODEL.ATSS.NMS_TH = 0.6 suppresses), and when more than detections_per_image remain
// (MODEL.ATSS.DETECTIONS_PER_IMG: 100 by default; 300 on GLIP's LVIS command line in README.md),
// every detection scoring at least the cap-th highest score is kept (ties may exceed the cap).
// Detections come out score descending (ties by candidate order).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/glip/glip_positive_map.h"

namespace ovbench {

enum class GlipScoreAggregation { kMean, kMax };

struct GlipPostprocessParams {
  float pre_nms_threshold = 0.05f;         // MODEL.ATSS.INFERENCE_TH
  std::size_t pre_nms_top_n = 1000;        // MODEL.ATSS.PRE_NMS_TOP_N
  float nms_threshold = 0.6f;              // MODEL.ATSS.NMS_TH
  std::size_t detections_per_image = 100;  // MODEL.ATSS.DETECTIONS_PER_IMG (LVIS: 300)
  GlipScoreAggregation aggregation = GlipScoreAggregation::kMean;  // MODEL.DYHEAD.SCORE_AGG
};

// The module's outputs for one image, anchors of all FPN levels concatenated level by level.
struct GlipHeadOutputs {
  std::span<const float> boxes;              // [A, 4] decoded x1 y1 x2 y2, resized-image pixels
  std::span<const float> token_logits;       // [A, T] dot-product logits, before the sigmoid
  std::span<const float> centerness_logits;  // [A], before the sigmoid
  std::size_t num_tokens = 0;                // T (256 for GLIP)
  // Anchors per FPN level in order (their sum is A): the pre-NMS top-n applies per level.
  // Empty: all anchors are one level.
  std::vector<std::size_t> level_sizes;
  float image_width = 0, image_height = 0;  // the resized image (before size-divisibility padding)
};

struct GlipDetection {
  std::array<float, 4> box{};  // x1 y1 x2 y2 in resized-image pixels
  float score = 0;
  std::int64_t label = 0;  // the positive map's label (a global category id, or phrase j + plus)
};

// MEAN or MAX of probabilities[t] over `tokens` (convert_grounding_to_od_logits: a float mean
// is the float sum in token order divided by the count). 0 for no tokens.
float aggregate_token_scores(std::span<const float> probabilities,
                             std::span<const std::size_t> tokens, GlipScoreAggregation aggregation);

// torch.sigmoid in float: 1 / (1 + exp(-x)).
float glip_sigmoid(float x);

std::vector<GlipDetection> glip_postprocess(const GlipHeadOutputs& outputs,
                                            const GlipPositiveMap& map,
                                            const GlipPostprocessParams& params = {});

// Merging the prompts of a chunked vocabulary (TEST.CHUNKED_EVALUATION): GLIP concatenates each
// chunk's detections in chunk order (engine/inference.py: concate_box_list for COCO-style
// evaluation; for LVIS each chunk's output is handed to the evaluator separately). Labels are
// already global because each chunk's positive map carries the global category ids. There is
// no NMS and no cap across chunks: the evaluator's own limits apply (COCO maxDets 100, LVIS 300
// per image, or FixedAP's 10000 per category).
std::vector<GlipDetection> concatenate_chunk_detections(
    const std::vector<std::vector<GlipDetection>>& chunks);

}  // namespace ovbench
