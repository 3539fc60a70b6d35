#include "models/preprocess/center_crop.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace ovbench {
namespace {

int center_offset(int image, int crop) {
  if (crop > image) return -((crop - image) / 2);
  return static_cast<int>(std::nearbyint((image - crop) / 2.0));  // half to even, like round()
}

}  // namespace

CropOffset torchvision_center_crop_offset(ImageSize image, ImageSize crop) {
  if (crop.width < 1 || crop.height < 1) {
    throw std::invalid_argument("center crop size must be at least 1x1");
  }
  return {center_offset(image.width, crop.width), center_offset(image.height, crop.height)};
}

RgbImage crop_image(const RgbImage& image, CropOffset offset, ImageSize crop) {
  RgbImage out(crop.width, crop.height);  // zero-filled
  const int x0 = std::max(0, offset.x), x1 = std::min(image.width, offset.x + crop.width);
  if (x1 <= x0) return out;
  for (int y = 0; y < crop.height; ++y) {
    const int sy = y + offset.y;
    if (sy < 0 || sy >= image.height) continue;
    std::memcpy(out.row(y) + 3 * (x0 - offset.x), image.row(sy) + 3 * x0,
                static_cast<std::size_t>(x1 - x0) * 3);
  }
  return out;
}

}  // namespace ovbench
