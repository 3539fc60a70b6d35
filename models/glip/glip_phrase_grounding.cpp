#include "models/glip/glip_phrase_grounding.h"

#include "models/detection_postprocess/box_nms.h"

namespace ovbench {

std::vector<GlipPhraseBoxes> glip_phrase_boxes(const std::vector<GlipDetection>& detections,
                                               std::size_t num_phrases, std::int64_t plus,
                                               bool append_zero_box) {
  std::vector<float> scores(detections.size());
  for (std::size_t i = 0; i < detections.size(); ++i) scores[i] = detections[i].score;
  std::vector<GlipPhraseBoxes> out(num_phrases);
  for (std::size_t i : order_by_score(scores)) {
    const std::int64_t phrase = detections[i].label - plus;
    if (phrase < 0 || static_cast<std::size_t>(phrase) >= num_phrases) continue;
    out[static_cast<std::size_t>(phrase)].boxes.push_back(detections[i].box);
    out[static_cast<std::size_t>(phrase)].scores.push_back(detections[i].score);
  }
  if (append_zero_box) {
    for (auto& p : out) p.boxes.push_back({0.0f, 0.0f, 0.0f, 0.0f});
  }
  return out;
}

}  // namespace ovbench
