#include "models/denseclip/sliding_window_stitcher.h"

#include <stdexcept>
#include <string>

#include "models/denseclip/bilinear_resize.h"

namespace ovbench {

SlidingWindowStitcher::SlidingWindowStitcher(std::size_t num_classes, std::size_t image_height,
                                             std::size_t image_width)
    : classes_(num_classes),
      height_(image_height),
      width_(image_width),
      sum_(num_classes * image_height * image_width, 0.0f),
      count_(image_height * image_width, 0.0f) {}

void SlidingWindowStitcher::add(const SlidingWindow& window, std::span<const float> logits,
                                std::size_t logits_height, std::size_t logits_width) {
  if (window.y2 > height_ || window.x2 > width_ || window.y1 >= window.y2 || window.x1 >= window.x2) {
    throw std::invalid_argument("sliding window [" + std::to_string(window.y1) + ", " +
                                std::to_string(window.y2) + ") x [" + std::to_string(window.x1) + ", " +
                                std::to_string(window.x2) + ") does not fit a " + std::to_string(height_) +
                                " x " + std::to_string(width_) + " image");
  }
  if (logits.size() != classes_ * logits_height * logits_width) {
    throw std::invalid_argument("sliding window logits: " + std::to_string(logits.size()) + " values for " +
                                std::to_string(classes_) + " x " + std::to_string(logits_height) + " x " +
                                std::to_string(logits_width));
  }
  const std::size_t wh = window.y2 - window.y1, ww = window.x2 - window.x1;
  std::vector<float> resized;
  if (logits_height != wh || logits_width != ww) {
    resized = resize_bilinear(logits, classes_, logits_height, logits_width, wh, ww);
    logits = resized;
  }
  for (std::size_t c = 0; c < classes_; ++c) {
    for (std::size_t y = 0; y < wh; ++y) {
      const float* src = logits.data() + (c * wh + y) * ww;
      float* dst = sum_.data() + (c * height_ + window.y1 + y) * width_ + window.x1;
      for (std::size_t x = 0; x < ww; ++x) dst[x] += src[x];
    }
  }
  for (std::size_t y = window.y1; y < window.y2; ++y) {
    float* dst = count_.data() + y * width_;
    for (std::size_t x = window.x1; x < window.x2; ++x) dst[x] += 1.0f;
  }
}

std::vector<float> SlidingWindowStitcher::average() const {
  const std::size_t n = height_ * width_;
  for (std::size_t i = 0; i < n; ++i) {
    if (count_[i] == 0.0f) {
      throw std::logic_error("sliding window: pixel (" + std::to_string(i / width_) + ", " +
                             std::to_string(i % width_) + ") is covered by no window");
    }
  }
  std::vector<float> out(sum_.size());
  for (std::size_t c = 0; c < classes_; ++c) {
    for (std::size_t i = 0; i < n; ++i) out[c * n + i] = sum_[c * n + i] / count_[i];
  }
  return out;
}

}  // namespace ovbench
