#include "models/preprocess/box_rescale.h"

#include <stdexcept>
#include <string>

namespace ovbench {
namespace {

void require_boxes(std::span<float> xyxy) {
  if (xyxy.size() % 4 != 0) {
    throw std::invalid_argument("box buffer length " + std::to_string(xyxy.size()) +
                                " is not a multiple of 4 (x1, y1, x2, y2)");
  }
}

// torch.clamp(min=lo, max=hi): max(lo) then min(hi); NaN compares false and passes through.
inline float clamp(float v, float lo, float hi) {
  if (v < lo) v = lo;
  if (v > hi) v = hi;
  return v;
}

}  // namespace

void scale_boxes_xyxy(std::span<float> xyxy, double scale_x, double scale_y) {
  require_boxes(xyxy);
  const float sx = static_cast<float>(scale_x), sy = static_cast<float>(scale_y);
  for (std::size_t i = 0; i < xyxy.size(); i += 4) {
    xyxy[i + 0] *= sx;
    xyxy[i + 1] *= sy;
    xyxy[i + 2] *= sx;
    xyxy[i + 3] *= sy;
  }
}

void clip_boxes_xyxy(std::span<float> xyxy, ImageSize image, BoxClip clip) {
  require_boxes(xyxy);
  if (clip == BoxClip::none) return;
  const int remove = clip == BoxClip::last_pixel ? 1 : 0;
  const float w = static_cast<float>(image.width - remove);
  const float h = static_cast<float>(image.height - remove);
  for (std::size_t i = 0; i < xyxy.size(); i += 4) {
    xyxy[i + 0] = clamp(xyxy[i + 0], 0.0f, w);
    xyxy[i + 1] = clamp(xyxy[i + 1], 0.0f, h);
    xyxy[i + 2] = clamp(xyxy[i + 2], 0.0f, w);
    xyxy[i + 3] = clamp(xyxy[i + 3], 0.0f, h);
  }
}

void boxes_to_original_xyxy(std::span<float> xyxy, ImageSize resized, ImageSize original,
                            BoxClip clip) {
  if (resized.width < 1 || resized.height < 1) {
    throw std::invalid_argument("boxes_to_original_xyxy: empty resized size");
  }
  scale_boxes_xyxy(xyxy, static_cast<double>(original.width) / resized.width,
                   static_cast<double>(original.height) / resized.height);
  clip_boxes_xyxy(xyxy, original, clip);
}

}  // namespace ovbench
