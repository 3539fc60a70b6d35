#include "models/glip/glip_postprocess.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "models/detection_postprocess/box_nms.h"
#include "models/detection_postprocess/detection_selection.h"

namespace ovbench {

float glip_sigmoid(float x) {
  return 1.0f / (1.0f + std::exp(-x));
}

float aggregate_token_scores(std::span<const float> probabilities,
                             std::span<const std::size_t> tokens,
                             GlipScoreAggregation aggregation) {
  if (tokens.empty()) return 0.0f;
  if (aggregation == GlipScoreAggregation::kMax) {
    float m = probabilities[tokens[0]];
    for (std::size_t t : tokens) m = std::max(m, probabilities[t]);
    return m;
  }
  float sum = 0.0f;
  for (std::size_t t : tokens) sum += probabilities[t];
  return sum / static_cast<float>(tokens.size());
}

namespace {

void check_inputs(const GlipHeadOutputs& o, const GlipPositiveMap& map) {
  const std::size_t anchors = o.centerness_logits.size();
  const auto fail = [](const std::string& what) {
    throw std::invalid_argument("glip_postprocess: " + what);
  };
  if (o.boxes.size() != 4 * anchors) {
    fail(std::to_string(o.boxes.size()) + " box values for " + std::to_string(anchors) +
         " anchors");
  }
  if (o.token_logits.size() != anchors * o.num_tokens) {
    fail(std::to_string(o.token_logits.size()) + " token logits for " + std::to_string(anchors) +
         " anchors x " + std::to_string(o.num_tokens) + " tokens");
  }
  if (!o.level_sizes.empty() &&
      std::accumulate(o.level_sizes.begin(), o.level_sizes.end(), std::size_t{0}) != anchors) {
    fail("level sizes do not add up to the " + std::to_string(anchors) + " anchors");
  }
  if (map.labels.size() != map.tokens.size())
    fail("positive map labels and token lists differ in length");
  for (const auto& tokens : map.tokens) {
    for (std::size_t t : tokens) {
      if (t >= o.num_tokens)
        fail("positive map token " + std::to_string(t) + " beyond " + std::to_string(o.num_tokens) +
             " token logits");
    }
  }
}

struct Candidate {
  std::size_t anchor;
  std::size_t label_index;  // into the positive map
  float score;              // class score * centerness
};

}  // namespace

std::vector<GlipDetection> glip_postprocess(const GlipHeadOutputs& o, const GlipPositiveMap& map,
                                            const GlipPostprocessParams& params) {
  check_inputs(o, map);
  const std::size_t anchors = o.centerness_logits.size();
  const std::vector<std::size_t> levels =
      o.level_sizes.empty() ? std::vector<std::size_t>{anchors} : o.level_sizes;

  // Only the tokens some label uses need a sigmoid.
  std::vector<std::size_t> used;
  for (const auto& tokens : map.tokens) used.insert(used.end(), tokens.begin(), tokens.end());
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  std::vector<float> prob(o.num_tokens, 0.0f);

  std::vector<GlipDetection> all;
  std::vector<Candidate> candidates;
  std::vector<float> candidate_scores;
  std::size_t level_begin = 0;
  for (std::size_t level_size : levels) {
    candidates.clear();
    for (std::size_t a = level_begin; a < level_begin + level_size; ++a) {
      const float* logits = o.token_logits.data() + a * o.num_tokens;
      for (std::size_t t : used) prob[t] = glip_sigmoid(logits[t]);
      float centerness = -1.0f;  // computed once the anchor has a candidate
      for (std::size_t l = 0; l < map.labels.size(); ++l) {
        const float s = aggregate_token_scores(prob, map.tokens[l], params.aggregation);
        if (!(s > params.pre_nms_threshold)) continue;
        if (centerness < 0.0f) centerness = glip_sigmoid(o.centerness_logits[a]);
        candidates.push_back({a, l, s * centerness});
      }
    }
    candidate_scores.resize(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) candidate_scores[i] = candidates[i].score;
    for (std::size_t i : top_k_by_score(candidate_scores, params.pre_nms_top_n)) {
      const Candidate& c = candidates[i];
      GlipDetection d;
      const float* b = o.boxes.data() + 4 * c.anchor;
      // clip_to_image(remove_empty=False): x in [0, w - 1], y in [0, h - 1].
      const float max_x = o.image_width - 1.0f, max_y = o.image_height - 1.0f;
      const auto clamp = [](float v, float hi) {
        return std::isnan(v) ? v : std::min(std::max(v, 0.0f), hi);
      };
      d.box = {clamp(b[0], max_x), clamp(b[1], max_y), clamp(b[2], max_x), clamp(b[3], max_y)};
      // remove_small_boxes(min_size=0): widths with TO_REMOVE = 1 must be >= 0.
      if (!(d.box[2] - d.box[0] + 1.0f >= 0.0f) || !(d.box[3] - d.box[1] + 1.0f >= 0.0f)) continue;
      d.score = std::sqrt(c.score);
      d.label = map.labels[c.label_index];
      all.push_back(d);
    }
    level_begin += level_size;
  }

  // Class-aware NMS over all levels, +1 widths, then the per-image cap.
  std::vector<float> boxes(4 * all.size()), scores(all.size());
  std::vector<std::int64_t> labels(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::copy(all[i].box.begin(), all[i].box.end(),
              boxes.begin() + static_cast<std::ptrdiff_t>(4 * i));
    scores[i] = all[i].score;
    labels[i] = all[i].label;
  }
  std::vector<std::size_t> keep;
  if (params.nms_threshold > 0.0f) {
    // ml_nms's threshold is a float.
    keep = batched_nms(boxes, scores, labels, static_cast<double>(params.nms_threshold),
                       BoxWidthConvention::kPlusOne);
  } else {  // boxlist_ml_nms returns the boxes unchanged for nms_thresh <= 0
    keep = order_by_score(scores);
  }
  std::vector<float> kept_scores(keep.size());
  for (std::size_t i = 0; i < keep.size(); ++i) kept_scores[i] = scores[keep[i]];
  std::vector<GlipDetection> out;
  for (std::size_t i : cap_keeping_ties(kept_scores, params.detections_per_image))
    out.push_back(all[keep[i]]);
  return out;
}

std::vector<GlipDetection> concatenate_chunk_detections(
    const std::vector<std::vector<GlipDetection>>& chunks) {
  std::vector<GlipDetection> out;
  for (const auto& c : chunks) out.insert(out.end(), c.begin(), c.end());
  return out;
}

}  // namespace ovbench
