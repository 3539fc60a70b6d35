#include "models/preprocess/resize_geometry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ovbench {
namespace {

void require_positive(ImageSize image, int target, const char* what) {
  if (image.width < 1 || image.height < 1) {
    throw std::invalid_argument(std::string(what) + ": image size " + std::to_string(image.width) +
                                "x" + std::to_string(image.height) + " must be at least 1x1");
  }
  if (target < 1) {
    throw std::invalid_argument(std::string(what) + ": target size " + std::to_string(target) +
                                " must be positive");
  }
}

// Python's int() of a non-negative float: truncation.
int py_int(double v) {
  return static_cast<int>(v);
}

}  // namespace

ImageSize detectron2_shortest_edge_size(ImageSize image, int short_edge, int max_size) {
  require_positive(image, short_edge, "detectron2_shortest_edge_size");
  const double h = image.height, w = image.width;
  const double size = short_edge * 1.0;
  double scale = size / std::min(h, w);
  double newh, neww;
  if (h < w) {
    newh = size;
    neww = scale * w;
  } else {
    newh = scale * h;
    neww = size;
  }
  if (max_size > 0 && std::max(newh, neww) > max_size) {
    scale = max_size * 1.0 / std::max(newh, neww);
    newh = newh * scale;
    neww = neww * scale;
  }
  return {py_int(neww + 0.5), py_int(newh + 0.5)};
}

ImageSize maskrcnn_shortest_edge_size(ImageSize image, int min_size, int max_size) {
  require_positive(image, min_size, "maskrcnn_shortest_edge_size");
  const int w = image.width, h = image.height;
  int size = min_size;
  if (max_size > 0) {
    const double min_original = std::min(w, h);
    const double max_original = std::max(w, h);
    if (max_original / min_original * size > max_size) {
      // round() on a float rounds half to even; nearbyint does in the default rounding mode.
      size = static_cast<int>(std::nearbyint(max_size * min_original / max_original));
    }
  }
  if ((w <= h && w == size) || (h <= w && h == size)) return image;
  // size * h is an exact Python int; the true division rounds once, then int() truncates.
  if (w < h) {
    return {size, py_int(static_cast<double>(static_cast<long long>(size) * h) / w)};
  }
  return {py_int(static_cast<double>(static_cast<long long>(size) * w) / h), size};
}

ImageSize mmcv_rescale_size(ImageSize image, int edge_a, int edge_b) {
  require_positive(image, std::min(edge_a, edge_b), "mmcv_rescale_size");
  const double w = image.width, h = image.height;
  const double long_edge = std::max(edge_a, edge_b);
  const double short_edge = std::min(edge_a, edge_b);
  const double factor = std::min(long_edge / std::max(h, w), short_edge / std::min(h, w));
  return {py_int(w * factor + 0.5), py_int(h * factor + 0.5)};
}

ImageSize torchvision_short_side_size(ImageSize image, int size) {
  require_positive(image, size, "torchvision_short_side_size");
  const int w = image.width, h = image.height;
  const int short_side = std::min(w, h), long_side = std::max(w, h);
  const int new_long =
      py_int(static_cast<double>(static_cast<long long>(size) * long_side) / short_side);
  return w <= h ? ImageSize{size, new_long} : ImageSize{new_long, size};
}

ImageSize divisible_padded_size(ImageSize image, int divisibility) {
  if (divisibility <= 1) return image;
  auto up = [divisibility](int v) { return (v + divisibility - 1) / divisibility * divisibility; };
  return {up(image.width), up(image.height)};
}

}  // namespace ovbench
