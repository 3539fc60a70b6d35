#pragma once
// Boxes from the resized image the model saw back to original image coordinates, in float32
// as the torch references compute them (a float32 tensor times a Python float multiplies by the
// float32-rounded factor).

#include <span>

#include "models/preprocess/resize_geometry.h"

namespace ovbench {

enum class BoxClip {
  none,
  // detectron2 Boxes.clip (detector_postprocess): x to [0, W], y to [0, H].
  image_size,
  // maskrcnn_benchmark BoxList.clip_to_image (GLIP, TO_REMOVE = 1): x to [0, W-1], y to [0, H-1].
  last_pixel,
};

// xyxy: 4 floats per box (x1, y1, x2, y2). x *= float(scale_x), y *= float(scale_y).
void scale_boxes_xyxy(std::span<float> xyxy, double scale_x, double scale_y);

// Clamps each coordinate to the image as `clip` says; NaN stays NaN (torch.clamp propagates it).
void clip_boxes_xyxy(std::span<float> xyxy, ImageSize image, BoxClip clip);

// detectron2's detector_postprocess: scale by original / resized (scale_x = W_orig / W_resized,
// in double, as output_width / image_size[1]) then clip to the original image. GLIP instead
// clips at the resized size with last_pixel and then scales without clipping: call
// clip_boxes_xyxy and scale_boxes_xyxy in that order.
void boxes_to_original_xyxy(std::span<float> xyxy, ImageSize resized, ImageSize original,
                            BoxClip clip);

}  // namespace ovbench
