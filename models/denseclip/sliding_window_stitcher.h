#pragma once
// mmseg 0.x sliding-window inference, the stitching half (DenseCLIP denseclip.py
// slide_inference; mmseg EncoderDecoder.slide_inference): every window's class logits are added
// into a full-image sum (preds += F.pad(crop_seg_logit, ...)), a per-pixel count of covering
// windows is kept (count_mat), and the result is sum / count. Windows are added in the order
// plan_sliding_windows gives, so the float sums are formed in the reference's order.
//
// encode_decode resizes the decode head's output to the crop's size (bilinear,
// align_corners=False) before stitching; add() does that resize when the logits given are not
// already at the window's size.

#include <cstddef>
#include <span>
#include <vector>

#include "models/denseclip/sliding_window_plan.h"

namespace ovbench {

class SlidingWindowStitcher {
 public:
  SlidingWindowStitcher(std::size_t num_classes, std::size_t image_height, std::size_t image_width);

  // logits: [num_classes, logits_height, logits_width] for `window`; resized to the window's
  // size first when the shape differs. Throws std::invalid_argument on a shape mismatch or a
  // window outside the image.
  void add(const SlidingWindow& window, std::span<const float> logits, std::size_t logits_height,
           std::size_t logits_width);

  // [num_classes, image_height, image_width] = sum / count. Throws std::logic_error when a pixel
  // is covered by no window (mmseg asserts (count_mat == 0).sum() == 0).
  std::vector<float> average() const;
  // The same, dividing in place: the stitcher is left empty (saves a copy of the full map).
  std::vector<float> take_average();

  std::size_t num_classes() const { return classes_; }

 private:
  std::size_t classes_, height_, width_;
  std::vector<float> sum_;
  std::vector<float> count_;  // float, as count_mat is
};

}  // namespace ovbench
