#pragma once
// 8-bit RGB (HWC) to the float CHW tensor layout a network takes: channel order, value range,
// per-channel mean and std, then zero padding on the bottom and right for size divisibility.
// Each channel value is looked up in a 256-entry table computed with the reference's float32
// arithmetic, so the result matches it bit for bit and costs one load per value.

#include <array>
#include <cstdint>

#include "models/preprocess/resize_geometry.h"
#include "models/preprocess/rgb_image.h"

namespace ovbench {

enum class ChannelOrder { rgb, bgr };

// Scale of the values the mean and std apply to.
enum class PixelRange {
  // 0..255: detectron2 (torch.as_tensor(uint8 image) - pixel_mean), mmseg (img.astype(float32)).
  // maskrcnn_benchmark's ToTensor (x / 255) then Normalize(to_bgr255) (* 255) lands on the same
  // float32 values: (x / 255f) * 255f == x for every 8-bit x.
  to_255,
  // 0..1: float32 x / 255 (torchvision ToTensor, CLIP; RegionCLIP's x / 255.0 when its mean sums
  // to less than 3).
  to_1,
};

enum class StdMode {
  // (v - mean) / std in float32: torch's sub_/div_ (detectron2, torchvision Normalize).
  divide,
  // mmcv.imnormalize_: cv2.subtract(img, mean) then cv2.multiply(img, 1 / std), with mean and std
  // first stored as float32 (mmseg's Normalize) and 1 / std in double. OpenCV multiplies a
  // float32 image by a float64 scalar in double and rounds once to float32.
  multiply_reciprocal,
};

struct Normalization {
  ChannelOrder order = ChannelOrder::rgb;
  PixelRange range = PixelRange::to_255;
  StdMode std_mode = StdMode::divide;
  // In the output channel order and in `range` units, as the official configs write them
  // (detectron2's BGR PIXEL_MEAN is B, G, R).
  std::array<double, 3> mean{0, 0, 0};
  std::array<double, 3> std{1, 1, 1};
};

// The float32 value of each 8-bit level for each output channel.
struct NormalizationTable {
  std::array<std::array<float, 256>, 3> value;  // [output channel][level]
  std::array<int, 3> source;                    // input channel (0 R, 1 G, 2 B) of each output
};
NormalizationTable make_normalization_table(const Normalization& n);

// Writes 3 x padded.height x padded.width floats to `out`: the image normalised in its
// top-left corner, `pad_value` elsewhere (detectron2 pads after normalisation, with 0).
// padded must be at least the image size.
void normalize_to_chw(const RgbImage& image, const NormalizationTable& table, ImageSize padded,
                      float pad_value, float* out);

}  // namespace ovbench
