#pragma once
// From scored class-agnostic regions to detections, as detectron2's fast_rcnn_inference_single_image
// and detector_postprocess do it (RegionCLIP's fork, ViLD's head follows the same steps): drop
// regions with non-finite boxes or scores, clip boxes to the input image, keep (region, class)
// pairs scoring strictly above the threshold (in region-major order), class-aware NMS, the top k
// by score, then scale to the original image and clip again.

#include <vector>

#include "metrics/detection_types.h"
#include "models/adapters/model_image.h"
#include "models/regions/region_scoring.h"
#include "models/vocabulary.h"

namespace ovbench {

struct RegionSelection {
  double score_threshold = 0.0;
  double nms_iou = 0.5;
  int detections_per_image = 100;  // < 0: all
};

// `boxes` is R x 4 (x1, y1, x2, y2) in input pixels.
std::vector<Detection> select_region_detections(const std::vector<float>& boxes,
                                                const RegionClassScores& scores,
                                                const ModelImage& image, const Vocabulary& vocabulary,
                                                const RegionSelection& how);

// detector_postprocess: input-pixel box -> original-pixel COCO box, clipped to the image.
BoxXYWH to_original_box(const float* xyxy, const ModelImage& image);

}  // namespace ovbench
