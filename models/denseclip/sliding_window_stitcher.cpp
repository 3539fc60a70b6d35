#include "models/denseclip/sliding_window_stitcher.h"

#include <stdexcept>
#include <string>
#include <utility>

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
  if (window.y2 > height_ || window.x2 > width_ || window.y1 >= window.y2 ||
      window.x1 >= window.x2) {
    throw std::invalid_argument(
        "sliding window [" + std::to_string(window.y1) + ", " + std::to_string(window.y2) +
        ") x [" + std::to_string(window.x1) + ", " + std::to_string(window.x2) +
        ") does not fit a " + std::to_string(height_) + " x " + std::to_string(width_) + " image");
  }
  if (logits.size() != classes_ * logits_height * logits_width) {
    throw std::invalid_argument("sliding window logits: " + std::to_string(logits.size()) +
                                " values for " + std::to_string(classes_) + " x " +
                                std::to_string(logits_height) + " x " +
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

namespace {

void check_covered(const std::vector<float>& count, std::size_t width) {
  for (std::size_t i = 0; i < count.size(); ++i) {
    if (count[i] == 0.0f) {
      throw std::logic_error("sliding window: pixel (" + std::to_string(i / width) + ", " +
                             std::to_string(i % width) + ") is covered by no window");
    }
  }
}

void divide(const float* sum, const std::vector<float>& count, std::size_t classes, float* out) {
  const std::size_t n = count.size();
  for (std::size_t c = 0; c < classes; ++c) {
    for (std::size_t i = 0; i < n; ++i) out[c * n + i] = sum[c * n + i] / count[i];
  }
}

}  // namespace

std::vector<float> SlidingWindowStitcher::average() const {
  check_covered(count_, width_);
  std::vector<float> out(sum_.size());
  divide(sum_.data(), count_, classes_, out.data());
  return out;
}

std::vector<float> SlidingWindowStitcher::take_average() {
  check_covered(count_, width_);
  divide(sum_.data(), count_, classes_, sum_.data());
  std::vector<float> out = std::move(sum_);
  sum_.clear();
  count_.clear();
  height_ = width_ = 0;
  return out;
}

}  // namespace ovbench
