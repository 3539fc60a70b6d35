#include "models/adapters/image_batch.h"

#include <algorithm>
#include <cstring>

namespace ovbench {

std::vector<HostTensor> image_batch_tensors(const std::vector<const ModelImage*>& batch) {
  int H = 0, W = 0;
  for (const auto* image : batch) {
    H = std::max(H, image->padded_height);
    W = std::max(W, image->padded_width);
  }
  const auto n = static_cast<std::int64_t>(batch.size());
  std::vector<float> pixels(static_cast<std::size_t>(n) * 3 * H * W, 0.0f);
  std::vector<std::int64_t> sizes;
  for (std::int64_t b = 0; b < n; ++b) {
    const ModelImage& image = *batch[b];
    for (int c = 0; c < 3; ++c)
      for (int y = 0; y < image.padded_height; ++y)
        std::memcpy(pixels.data() + ((b * 3 + c) * H + y) * static_cast<std::size_t>(W),
                    image.chw.data() + (static_cast<std::size_t>(c) * image.padded_height + y) * image.padded_width,
                    sizeof(float) * image.padded_width);
    sizes.push_back(image.input_height);
    sizes.push_back(image.input_width);
  }
  return {HostTensor::floats({n, 3, H, W}, std::move(pixels)), HostTensor::ints({n, 2}, std::move(sizes))};
}

}  // namespace ovbench
