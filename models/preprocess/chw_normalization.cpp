#include "models/preprocess/chw_normalization.h"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace ovbench {

NormalizationTable make_normalization_table(const Normalization& n) {
  NormalizationTable t{};
  for (int c = 0; c < 3; ++c) {
    t.source[static_cast<std::size_t>(c)] = n.order == ChannelOrder::rgb ? c : 2 - c;
    // torch.tensor(list) and mmseg's np.array(..., float32) store mean and std as float32.
    const float mean = static_cast<float>(n.mean[static_cast<std::size_t>(c)]);
    const float std = static_cast<float>(n.std[static_cast<std::size_t>(c)]);
    const double reciprocal = 1.0 / static_cast<double>(std);
    for (int level = 0; level < 256; ++level) {
      float v = static_cast<float>(level);
      if (n.range == PixelRange::to_1) v = v / 255.0f;
      const float centered = v - mean;
      const float out = n.std_mode == StdMode::divide
                            ? centered / std
                            : static_cast<float>(static_cast<double>(centered) * reciprocal);
      t.value[static_cast<std::size_t>(c)][static_cast<std::size_t>(level)] = out;
    }
  }
  return t;
}

void normalize_to_chw(const RgbImage& image, const NormalizationTable& table, ImageSize padded,
                      float pad_value, float* out) {
  if (padded.width < image.width || padded.height < image.height) {
    throw std::invalid_argument("normalize_to_chw: padded size " + std::to_string(padded.width) +
                                "x" + std::to_string(padded.height) +
                                " is smaller than the image " + std::to_string(image.width) + "x" +
                                std::to_string(image.height));
  }
  const std::size_t plane = static_cast<std::size_t>(padded.width) * padded.height;
  const std::size_t pad_right = static_cast<std::size_t>(padded.width - image.width);
  for (int c = 0; c < 3; ++c) {
    const float* lut = table.value[static_cast<std::size_t>(c)].data();
    const int src_c = table.source[static_cast<std::size_t>(c)];
    float* dst = out + static_cast<std::size_t>(c) * plane;
    for (int y = 0; y < image.height; ++y) {
      const std::uint8_t* src = image.row(y) + src_c;
      for (int x = 0; x < image.width; ++x) dst[x] = lut[src[3 * x]];
      std::fill_n(dst + image.width, pad_right, pad_value);
      dst += padded.width;
    }
    std::fill_n(dst, static_cast<std::size_t>(padded.height - image.height) * padded.width,
                pad_value);
  }
}

}  // namespace ovbench
