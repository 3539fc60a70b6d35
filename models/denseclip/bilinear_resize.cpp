#include "models/denseclip/bilinear_resize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ovbench {

namespace {

struct AxisWeights {
  std::vector<std::size_t> i0, i1;
  std::vector<float> w0, w1;
};

// PyTorch's area_pixel_compute_scale / area_pixel_compute_source_index /
// compute_source_index_and_lambda for align_corners=False and no scale factor, as its CPU
// kernel evaluates them: the scale in float, the source position from it in double (the 0.5
// literals are doubles), the fraction rounded to float once. Checked against torch 1.13's CPU
// F.interpolate: identical weights for every output position.
AxisWeights axis_weights(std::size_t in, std::size_t out) {
  AxisWeights a;
  a.i0.resize(out);
  a.i1.resize(out);
  a.w0.resize(out);
  a.w1.resize(out);
  const float scale = static_cast<float>(in) / static_cast<float>(out);
  for (std::size_t d = 0; d < out; ++d) {
    if (in == out) {  // "scale_factor = 1, simply copy": both taps on the same pixel
      a.i0[d] = a.i1[d] = d;
      a.w0[d] = 1.0f;
      a.w1[d] = 0.0f;
      continue;
    }
    const double src =
        std::max(static_cast<double>(scale) * (static_cast<double>(d) + 0.5) - 0.5, 0.0);
    const std::size_t i0 = std::min(static_cast<std::size_t>(src), in - 1);
    const auto lambda =
        static_cast<float>(std::min(std::max(src - static_cast<double>(i0), 0.0), 1.0));
    a.i0[d] = i0;
    a.i1[d] = i0 + (i0 < in - 1 ? 1 : 0);
    a.w1[d] = lambda;
    a.w0[d] = 1.0f - lambda;
  }
  return a;
}

void check(std::span<const float> input, std::size_t channels, std::size_t h, std::size_t w,
           const char* who) {
  if (input.size() != channels * h * w) {
    throw std::invalid_argument(std::string(who) + ": " + std::to_string(input.size()) +
                                " values for " + std::to_string(channels) + " x " +
                                std::to_string(h) + " x " + std::to_string(w));
  }
}

// One source row of every channel interpolated along x: out[c * out_w + x].
void horizontal_row(std::span<const float> input, std::size_t channels, std::size_t in_h,
                    std::size_t in_w, std::size_t y, const AxisWeights& ax,
                    std::vector<float>& out) {
  const std::size_t out_w = ax.i0.size();
  out.resize(channels * out_w);
  for (std::size_t c = 0; c < channels; ++c) {
    const float* row = input.data() + (c * in_h + y) * in_w;
    float* dst = out.data() + c * out_w;
    for (std::size_t x = 0; x < out_w; ++x)
      dst[x] = row[ax.i0[x]] * ax.w0[x] + row[ax.i1[x]] * ax.w1[x];
  }
}

// First-index argmax update with NaN as the maximum (torch.argmax).
inline bool beats(float v, float best) {
  return v > best || (std::isnan(v) && !std::isnan(best));
}

}  // namespace

std::vector<float> resize_bilinear(std::span<const float> input, std::size_t channels,
                                   std::size_t in_h, std::size_t in_w, std::size_t out_h,
                                   std::size_t out_w) {
  check(input, channels, in_h, in_w, "resize_bilinear");
  std::vector<float> out(channels * out_h * out_w);
  if (out.empty()) return out;
  if (in_h == 0 || in_w == 0) throw std::invalid_argument("resize_bilinear: empty input");
  const AxisWeights ax = axis_weights(in_w, out_w), ay = axis_weights(in_h, out_h);
  std::vector<float> r0, r1;
  for (std::size_t y = 0; y < out_h; ++y) {
    horizontal_row(input, channels, in_h, in_w, ay.i0[y], ax, r0);
    horizontal_row(input, channels, in_h, in_w, ay.i1[y], ax, r1);
    const float wy0 = ay.w0[y], wy1 = ay.w1[y];
    for (std::size_t c = 0; c < channels; ++c) {
      float* dst = out.data() + (c * out_h + y) * out_w;
      const float* a = r0.data() + c * out_w;
      const float* b = r1.data() + c * out_w;
      for (std::size_t x = 0; x < out_w; ++x) dst[x] = a[x] * wy0 + b[x] * wy1;
    }
  }
  return out;
}

std::vector<std::uint16_t> argmax_channels(std::span<const float> logits, std::size_t channels,
                                           std::size_t h, std::size_t w) {
  check(logits, channels, h, w, "argmax_channels");
  if (channels > 65536) throw std::invalid_argument("argmax_channels: more than 65536 classes");
  const std::size_t n = h * w;
  std::vector<std::uint16_t> label(n, 0);
  if (channels == 0) return label;
  std::vector<float> best(logits.begin(), logits.begin() + static_cast<std::ptrdiff_t>(n));
  for (std::size_t c = 1; c < channels; ++c) {
    const float* plane = logits.data() + c * n;
    for (std::size_t i = 0; i < n; ++i) {
      if (beats(plane[i], best[i])) {
        best[i] = plane[i];
        label[i] = static_cast<std::uint16_t>(c);
      }
    }
  }
  return label;
}

std::vector<std::uint16_t> resize_bilinear_argmax(std::span<const float> logits,
                                                  std::size_t channels, std::size_t in_h,
                                                  std::size_t in_w, std::size_t out_h,
                                                  std::size_t out_w) {
  check(logits, channels, in_h, in_w, "resize_bilinear_argmax");
  if (channels > 65536)
    throw std::invalid_argument("resize_bilinear_argmax: more than 65536 classes");
  std::vector<std::uint16_t> label(out_h * out_w, 0);
  if (label.empty() || channels == 0) return label;
  if (in_h == 0 || in_w == 0) throw std::invalid_argument("resize_bilinear_argmax: empty input");
  const AxisWeights ax = axis_weights(in_w, out_w), ay = axis_weights(in_h, out_h);
  // Horizontally interpolated source rows, cached: consecutive output rows share them.
  std::vector<float> rows[2];
  std::size_t cached[2] = {std::numeric_limits<std::size_t>::max(),
                           std::numeric_limits<std::size_t>::max()};
  // Returns the slot holding source row y, computing it into the slot not holding `keep`.
  const auto row = [&](std::size_t y, std::size_t keep) -> int {
    for (int s = 0; s < 2; ++s) {
      if (cached[s] == y) return s;
    }
    const int s = cached[0] == keep ? 1 : 0;
    horizontal_row(logits, channels, in_h, in_w, y, ax, rows[s]);
    cached[s] = y;
    return s;
  };
  std::vector<float> best(out_w);
  std::vector<std::int32_t> best_class(out_w);
  for (std::size_t y = 0; y < out_h; ++y) {
    const int s0 = row(ay.i0[y], ay.i1[y]);
    const int s1 = row(ay.i1[y], ay.i0[y]);
    const std::vector<float>& r0 = rows[s0];
    const std::vector<float>& r1 = rows[s1];
    const float wy0 = ay.w0[y], wy1 = ay.w1[y];
    for (std::size_t x = 0; x < out_w; ++x) {
      best[x] = r0[x] * wy0 + r1[x] * wy1;
      best_class[x] = 0;
    }
    float* pb = best.data();
    std::int32_t* pc = best_class.data();
    for (std::size_t c = 1; c < channels; ++c) {
      const float* a = r0.data() + c * out_w;
      const float* b = r1.data() + c * out_w;
      const auto cls = static_cast<std::int32_t>(c);
      // Branch-free select (vectorises); same rule as beats().
      for (std::size_t x = 0; x < out_w; ++x) {
        const float v = a[x] * wy0 + b[x] * wy1;
        const bool take = v > pb[x] || (v != v && pb[x] == pb[x]);
        pb[x] = take ? v : pb[x];
        pc[x] = take ? cls : pc[x];
      }
    }
    std::uint16_t* lab = label.data() + y * out_w;
    for (std::size_t x = 0; x < out_w; ++x) lab[x] = static_cast<std::uint16_t>(best_class[x]);
  }
  return label;
}

}  // namespace ovbench
