#include "models/adapters/region_detections.h"

#include <algorithm>
#include <cmath>

#include "models/detection_postprocess/box_nms.h"
#include "models/preprocess/box_rescale.h"

namespace ovbench {

BoxXYWH to_original_box(const float* b, const ModelImage& image) {
  // In float32, as detectron2's detector_postprocess and BoxMode.convert compute it.
  float xyxy[4] = {b[0], b[1], b[2], b[3]};
  boxes_to_original_xyxy(xyxy, ImageSize{image.input_width, image.input_height},
                         ImageSize{image.original_width, image.original_height}, BoxClip::image_size);
  return BoxXYWH{xyxy[0], xyxy[1], xyxy[2] - xyxy[0], xyxy[3] - xyxy[1]};
}

std::vector<Detection> select_region_detections(const std::vector<float>& boxes,
                                                const RegionClassScores& scores,
                                                const ModelImage& image, const Vocabulary& vocabulary,
                                                const RegionSelection& how) {
  const std::int64_t R = scores.regions, C = scores.classes;
  const float w = static_cast<float>(image.input_width), h = static_cast<float>(image.input_height);
  std::vector<float> cand_boxes, cand_scores;
  std::vector<std::int64_t> cand_classes;
  std::vector<std::int64_t> cand_region;
  for (std::int64_t i = 0; i < R; ++i) {
    const float* b = boxes.data() + i * 4;
    bool finite = std::isfinite(b[0]) && std::isfinite(b[1]) && std::isfinite(b[2]) && std::isfinite(b[3]);
    for (std::int64_t k = 0; finite && k < C; ++k) finite = std::isfinite(scores.rank[i * C + k]);
    if (!finite) continue;
    // Boxes.clip: x to [0, width], y to [0, height] of the input image.
    const float clipped[4] = {std::clamp(b[0], 0.0f, w), std::clamp(b[1], 0.0f, h),
                              std::clamp(b[2], 0.0f, w), std::clamp(b[3], 0.0f, h)};
    for (std::int64_t k = 0; k < C; ++k) {
      const float s = scores.rank[i * C + k];
      if (!(s > how.score_threshold)) continue;
      cand_boxes.insert(cand_boxes.end(), clipped, clipped + 4);
      cand_scores.push_back(s);
      cand_classes.push_back(k);
      cand_region.push_back(i);
    }
  }
  auto keep = batched_nms(cand_boxes, cand_scores, cand_classes, static_cast<float>(how.nms_iou));
  if (how.detections_per_image >= 0 && keep.size() > static_cast<std::size_t>(how.detections_per_image))
    keep.resize(static_cast<std::size_t>(how.detections_per_image));
  std::vector<Detection> out;
  out.reserve(keep.size());
  for (const auto j : keep) {
    Detection d;
    d.image_id = image.image_id;
    d.category_id = vocabulary.entries[static_cast<std::size_t>(cand_classes[j])].id;
    d.bbox = to_original_box(cand_boxes.data() + j * 4, image);
    d.score = scores.reported[cand_region[j] * C + cand_classes[j]];
    out.push_back(d);
  }
  return out;
}

}  // namespace ovbench
