#include "models/denseclip/sliding_window_plan.h"

#include <algorithm>
#include <stdexcept>

namespace ovbench {

namespace {

// max(img - crop + stride - 1, 0) // stride + 1, in signed arithmetic as Python does it.
std::size_t grid_count(std::size_t img, std::size_t crop, std::size_t stride) {
  const long long span = static_cast<long long>(img) - static_cast<long long>(crop) +
                         static_cast<long long>(stride) - 1;
  return static_cast<std::size_t>(std::max(span, 0LL)) / stride + 1;
}

}  // namespace

std::vector<SlidingWindow> plan_sliding_windows(std::size_t h_img, std::size_t w_img,
                                                const SlidingWindowParams& p) {
  if (p.crop_height == 0 || p.crop_width == 0 || p.stride_height == 0 || p.stride_width == 0) {
    throw std::invalid_argument("sliding window: crop size and stride must be positive");
  }
  const std::size_t h_grids = grid_count(h_img, p.crop_height, p.stride_height);
  const std::size_t w_grids = grid_count(w_img, p.crop_width, p.stride_width);
  std::vector<SlidingWindow> out;
  out.reserve(h_grids * w_grids);
  for (std::size_t h = 0; h < h_grids; ++h) {
    for (std::size_t w = 0; w < w_grids; ++w) {
      SlidingWindow win;
      win.y2 = std::min(h * p.stride_height + p.crop_height, h_img);
      win.x2 = std::min(w * p.stride_width + p.crop_width, w_img);
      win.y1 = win.y2 > p.crop_height ? win.y2 - p.crop_height : 0;
      win.x1 = win.x2 > p.crop_width ? win.x2 - p.crop_width : 0;
      out.push_back(win);
    }
  }
  return out;
}

}  // namespace ovbench
