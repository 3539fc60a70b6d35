#pragma once
// Class scores of class-agnostic regions against a vocabulary's text embeddings, as the
// region-based open-vocabulary detectors compute them. Pure arithmetic on host arrays; the
// adapters feed it the image module's outputs and pass the result on to thresholding and NMS.

#include <cstdint>
#include <vector>

#include "models/vocabulary.h"

namespace ovbench {

// One image's regions: R rows of a D-wide embedding.
struct RegionEmbeddings {
  std::int64_t count = 0, dim = 0;
  std::vector<float> values;  // R x D, not necessarily normalised
};

// Scores for R regions x C classes, row-major. `rank` orders, thresholds and suppresses;
// `reported` is what the results file carries (they differ only for RegionCLIP's fusion).
struct RegionClassScores {
  std::int64_t regions = 0, classes = 0;
  std::vector<float> rank, reported;
};

// RegionCLIP (microsoft/RegionCLIP, FastRCNNOutputLayers.forward / inference): logits are
// cos(region, class) / T for each class plus normalised-region . w_bg / T for the background
// (w_bg is not normalised; RegionCLIP zero-initialises it, so without a learned one the
// background logit is 0); softmax over C + 1; the background column is dropped. With
// objectness fusion (MULTIPLY_RPN_SCORE) the rank score is sqrt(p * objectness) while the
// reported score stays p (fast_rcnn_inference_single_image returns scores_bf_multiply).
struct RegionClipScoring {
  double temperature = 0.01;
  bool fuse_objectness = true;
  bool report_fused = false;
};
RegionClassScores score_regionclip(const RegionEmbeddings& regions, const EmbeddingMatrix& classes,
                                   const std::vector<float>* background_weight,
                                   const std::vector<float>& objectness, const RegionClipScoring& how);

// ViLD (Gu et al. 2022, Sec. 3): ViLD-text p_text = softmax over [background, classes] of
// cos / T with the learned background embedding (normalised like the class embeddings);
// ViLD-image p_image = softmax over the classes of cos(image-branch embedding, class) / T (the
// distilled embeddings never saw a background, so it takes no part there); ViLD-ensemble
// combines them geometrically: base p_text^l * p_image^(1-l), novel p_text^(1-l) * p_image^l.
struct VildScoring {
  double temperature = 0.01;
  bool ensemble = true;
  double weight = 2.0 / 3.0;  // lambda
};
RegionClassScores score_vild(const RegionEmbeddings& text_branch, const RegionEmbeddings* image_branch,
                             const EmbeddingMatrix& classes, const std::vector<float>* background,
                             const std::vector<bool>& novel, const VildScoring& how);

// CLIP on crops (ViLD's baseline): softmax over the classes of cos(crop embedding, class) / T,
// no background; optionally fused with the proposal score as a geometric mean.
RegionClassScores score_clip_crops(const RegionEmbeddings& crops, const EmbeddingMatrix& classes,
                                   double temperature, const std::vector<float>* proposal_scores);

// cos(region, class) for every pair, R x C row-major (grounding ranks regions by it).
std::vector<float> region_class_cosines(const RegionEmbeddings& regions, const EmbeddingMatrix& classes);

}  // namespace ovbench
