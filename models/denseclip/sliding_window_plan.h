#pragma once
// mmseg 0.x sliding-window inference, the planning half: which crops of the (resized) image the
// model sees. DenseCLIP uses mmseg's algorithm unchanged (DenseCLIP
// segmentation/denseclip/denseclip.py DenseCLIP.slide_inference; mmseg 0.x
// mmseg/models/segmentors/encoder_decoder.py EncoderDecoder.slide_inference):
//   h_grids = max(h_img - h_crop + h_stride - 1, 0) // h_stride + 1   (same for w)
//   for h_idx, w_idx (row-major): y1 = h_idx * h_stride; y2 = min(y1 + h_crop, h_img);
//                                 y1 = max(y2 - h_crop, 0)            (same for x)
// A window is never padded: an image smaller than the crop is decoded at its own size ("the
// small patch will be used to decode without padding"), so windows can be smaller than the crop.
//
// Defaults: DenseCLIP configs/_base_/models/denseclip_r50.py test_cfg=dict(mode='slide',
// crop_size=(512, 512), stride=(341, 341)) for ADE20K at 512 (the ViT-B 640 config uses
// crop 640, stride 426).

#include <cstddef>
#include <vector>

namespace ovbench {

struct SlidingWindow {
  std::size_t y1 = 0, x1 = 0, y2 = 0, x2 = 0;  // rows [y1, y2), columns [x1, x2)
  bool operator==(const SlidingWindow&) const = default;
};

struct SlidingWindowParams {
  std::size_t crop_height = 512, crop_width = 512;      // test_cfg.crop_size (h, w)
  std::size_t stride_height = 341, stride_width = 341;  // test_cfg.stride (h, w)
};

// Windows in mmseg's visiting order (rows of windows top to bottom, each left to right).
// Throws std::invalid_argument for a zero crop or stride.
std::vector<SlidingWindow> plan_sliding_windows(std::size_t image_height, std::size_t image_width,
                                                const SlidingWindowParams& params = {});

// The test pipeline's keep-ratio resize before the windows (img_scale=(2048, 512)) is
// preprocessing's mmcv_keep_ratio rule (models/preprocess/resize_geometry.h).

}  // namespace ovbench
