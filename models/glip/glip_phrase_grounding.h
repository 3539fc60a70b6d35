#pragma once
// GLIP's Flickr30K phrase grounding output: the detections of a caption's prompt (labels are
// phrase index + plus, see glip_phrase_positive_map) split into one ranked box list per phrase.
// Follows GLIP maskrcnn_benchmark/engine/inference.py flickr_post_process: all detections
// sorted by score descending (torch.topk sorted=True; ties here by input order), each appended
// to its phrase's list, and one [0, 0, 0, 0] box appended to every list with no score
// (so no list is empty; MDETR's flickr_eval takes the first k boxes of each list).
// Box rescaling to the original image (flickr_post_process calls resize_box first) is the
// caller's job, before or after this.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/glip/glip_postprocess.h"

namespace ovbench {

struct GlipPhraseBoxes {
  std::vector<std::array<float, 4>> boxes;  // ranked, plus the trailing zero box when appended
  std::vector<float> scores;                // one per ranked box (none for the zero box)
};

// num_phrases lists; a detection whose label - plus is outside [0, num_phrases) is ignored.
std::vector<GlipPhraseBoxes> glip_phrase_boxes(const std::vector<GlipDetection>& detections,
                                               std::size_t num_phrases, std::int64_t plus = 1,
                                               bool append_zero_box = true);

}  // namespace ovbench
