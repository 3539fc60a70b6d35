// Pillow's resampling, re-derived from the behaviour of src/libImaging/Resample.c (not copied):
// the double-precision coefficient computation must follow the same operations in the same
// order, since the 22-bit rounding of each coefficient decides the output pixels.

#include "models/preprocess/pil_resize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace ovbench {
namespace {

// 8 bits of result, 2 bits of headroom for filters with negative lobes (bicubic), in an int32.
constexpr int kPrecisionBits = 32 - 8 - 2;
constexpr std::int32_t kRoundingHalf = std::int32_t{1} << (kPrecisionBits - 1);

double bilinear_weight(double x) {
  if (x < 0.0) x = -x;
  return x < 1.0 ? 1.0 - x : 0.0;
}

// Keys' cubic convolution with a = -0.5, written as Pillow evaluates it.
double bicubic_weight(double x) {
  constexpr double a = -0.5;
  if (x < 0.0) x = -x;
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

// Per output position: the first input index, the number of taps, and `stride` fixed-point
// weights (unused ones zero).
struct Taps {
  int stride = 0;
  std::vector<int> first;
  std::vector<int> count;
  std::vector<std::int32_t> weights;
};

Taps compute_taps(int in_size, int out_size, PilFilter filter) {
  const double support_1 = filter == PilFilter::bicubic ? 2.0 : 1.0;
  // Pillow passes the box edges as C floats: in1 - in0 is a float subtraction.
  const float in0 = 0.0f;
  const float in1 = static_cast<float>(in_size);
  const double scale = static_cast<double>(in1 - in0) / out_size;
  const double filterscale = scale < 1.0 ? 1.0 : scale;
  const double support = support_1 * filterscale;
  const int stride = static_cast<int>(std::ceil(support)) * 2 + 1;
  const double inverse_filterscale = 1.0 / filterscale;

  Taps taps;
  taps.stride = stride;
  taps.first.resize(static_cast<std::size_t>(out_size));
  taps.count.resize(static_cast<std::size_t>(out_size));
  taps.weights.assign(static_cast<std::size_t>(out_size) * stride, 0);
  std::vector<double> w(static_cast<std::size_t>(stride));
  for (int xx = 0; xx < out_size; ++xx) {
    const double center = in0 + (xx + 0.5) * scale;
    // (int) truncates toward zero, as in C; the clamps below make the sign irrelevant except
    // for xmin, which Pillow also clamps after truncating.
    int xmin = static_cast<int>(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    int xmax = static_cast<int>(center + support + 0.5);
    if (xmax > in_size) xmax = in_size;
    xmax -= xmin;
    double sum = 0.0;
    for (int x = 0; x < xmax; ++x) {
      const double arg = (x + xmin - center + 0.5) * inverse_filterscale;
      const double v = filter == PilFilter::bicubic ? bicubic_weight(arg) : bilinear_weight(arg);
      w[static_cast<std::size_t>(x)] = v;
      sum += v;
    }
    std::int32_t* out = &taps.weights[static_cast<std::size_t>(xx) * stride];
    for (int x = 0; x < xmax; ++x) {
      double v = w[static_cast<std::size_t>(x)];
      if (sum != 0.0) v /= sum;
      // Round half away from zero, then truncate: (int)(+-0.5 + v * 2^22).
      out[x] = v < 0 ? static_cast<std::int32_t>(-0.5 + v * (1 << kPrecisionBits))
                     : static_cast<std::int32_t>(0.5 + v * (1 << kPrecisionBits));
    }
    taps.first[static_cast<std::size_t>(xx)] = xmin;
    taps.count[static_cast<std::size_t>(xx)] = xmax;
  }
  return taps;
}

// Pillow clips `sum >> 22` to 0..255 through a lookup table covering -640..639; the
// accumulated sums of an 8-bit image with these filters never leave that range.
inline std::uint8_t clip8(std::int32_t sum) {
  const std::int32_t v = sum >> kPrecisionBits;  // arithmetic shift (C++20)
  return static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
}

// The same taps with every window widened to exactly `stride` inputs, moved left where it
// would run past the end and zero-weighted outside the original taps: each output then sums a
// fixed number of products (zeros add nothing to an integer sum), so the horizontal kernel
// can be unrolled for the common widths. Needs stride <= in_size.
Taps uniform_taps(const Taps& taps, int in_size) {
  Taps u;
  u.stride = taps.stride;
  const std::size_t n = taps.first.size();
  u.first.resize(n);
  u.count.assign(n, taps.stride);
  u.weights.assign(taps.weights.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    const int first = std::min(taps.first[i], in_size - taps.stride);
    const int shift = taps.first[i] - first;
    u.first[i] = first;
    for (int t = 0; t < taps.count[i]; ++t) {
      u.weights[i * taps.stride + shift + t] = taps.weights[i * taps.stride + t];
    }
  }
  return u;
}

// One output row of the horizontal pass with `K` taps per output (K = 0: taps.stride, read at
// run time).
template <int K>
void horizontal_row(const std::uint8_t* src, std::uint8_t* dst, int out_w, const Taps& taps) {
  // Locals, not members: stores through uint8_t* may alias anything, which would otherwise
  // force the compiler to reload taps' fields after every output byte.
  const int stride = taps.stride;
  const int k_count = K > 0 ? K : stride;
  const int* first = taps.first.data();
  const std::int32_t* k = taps.weights.data();
  for (int xx = 0; xx < out_w; ++xx, k += stride) {
    const std::uint8_t* p = src + static_cast<std::size_t>(first[xx]) * 3;
    std::int32_t r = kRoundingHalf, g = kRoundingHalf, b = kRoundingHalf;
    for (int t = 0; t < k_count; ++t) {
      const std::int32_t w = k[t];
      r += p[3 * t + 0] * w;
      g += p[3 * t + 1] * w;
      b += p[3 * t + 2] * w;
    }
    const std::uint8_t out[3] = {clip8(r), clip8(g), clip8(b)};
    std::memcpy(dst + 3 * xx, out, 3);
  }
}

// Horizontal pass over rows [row_begin, row_begin + out.height) of `in` into `out`.
void resample_horizontal(const RgbImage& in, RgbImage& out, int row_begin, const Taps& exact) {
  // Windows wider than the image (tiny inputs) keep their exact per-output tap counts.
  if (exact.stride > in.width) {
    for (int y = 0; y < out.height; ++y) {
      const std::uint8_t* src = in.row(y + row_begin);
      std::uint8_t* dst = out.row(y);
      for (int xx = 0; xx < out.width; ++xx) {
        const std::size_t i = static_cast<std::size_t>(xx);
        const std::int32_t* k = &exact.weights[i * exact.stride];
        const std::uint8_t* p = src + static_cast<std::size_t>(exact.first[i]) * 3;
        std::int32_t r = kRoundingHalf, g = kRoundingHalf, b = kRoundingHalf;
        for (int t = 0; t < exact.count[i]; ++t) {
          r += p[3 * t + 0] * k[t];
          g += p[3 * t + 1] * k[t];
          b += p[3 * t + 2] * k[t];
        }
        dst[3 * xx + 0] = clip8(r);
        dst[3 * xx + 1] = clip8(g);
        dst[3 * xx + 2] = clip8(b);
      }
    }
    return;
  }
  const Taps taps = uniform_taps(exact, in.width);
  // Bilinear upscaling has 3 taps, bicubic upscaling 5, a bilinear 2x shrink 5.
  auto kernel = taps.stride == 3   ? &horizontal_row<3>
                : taps.stride == 5 ? &horizontal_row<5>
                : taps.stride == 7 ? &horizontal_row<7>
                                   : &horizontal_row<0>;
  for (int y = 0; y < out.height; ++y) kernel(in.row(y + row_begin), out.row(y), out.width, taps);
}

// Vertical pass. `in` row 0 is source row `row_offset`. Accumulates a whole output row one tap
// at a time (integer sums are exact, so the order is free): contiguous loads, vectorisable.
void resample_vertical(const RgbImage& in, RgbImage& out, int row_offset, const Taps& taps) {
  const std::size_t n = static_cast<std::size_t>(out.width) * 3;
  std::vector<std::int32_t> acc(n);
  for (int yy = 0; yy < out.height; ++yy) {
    const std::size_t i = static_cast<std::size_t>(yy);
    const std::int32_t* k = &taps.weights[i * taps.stride];
    std::fill(acc.begin(), acc.end(), kRoundingHalf);
    std::int32_t* a = acc.data();
    for (int t = 0; t < taps.count[i]; ++t) {
      const std::uint8_t* src = in.row(taps.first[i] + t - row_offset);
      const std::int32_t w = k[t];
      for (std::size_t j = 0; j < n; ++j) a[j] += src[j] * w;
    }
    std::uint8_t* dst = out.row(yy);
    for (std::size_t j = 0; j < n; ++j) dst[j] = clip8(a[j]);
  }
}

// ImagingScaleAffine with a = (in/out, 0, 0, 0, in/out, 0): positions accumulate by repeated
// addition in double, and (int) truncates; out-of-range rows stay zero (fill = 1).
RgbImage resize_nearest(const RgbImage& in, int out_w, int out_h) {
  const double ax = static_cast<double>(static_cast<float>(in.width) - 0.0f) / out_w;
  const double ay = static_cast<double>(static_cast<float>(in.height) - 0.0f) / out_h;
  auto coord = [](double v) { return v < 0.0 ? -1 : static_cast<int>(v); };
  std::vector<int> column(static_cast<std::size_t>(out_w), -1);
  double xo = 0.0 + ax * 0.5;
  for (int x = 0; x < out_w; ++x) {
    const int xin = coord(xo);
    if (xin >= 0 && xin < in.width) column[static_cast<std::size_t>(x)] = xin;
    xo += ax;
  }
  RgbImage out(out_w, out_h);
  double yo = 0.0 + ay * 0.5;
  for (int y = 0; y < out_h; ++y) {
    const int yin = coord(yo);
    std::uint8_t* dst = out.row(y);
    if (yin >= 0 && yin < in.height) {
      const std::uint8_t* src = in.row(yin);
      for (int x = 0; x < out_w; ++x) {
        const int xin = column[static_cast<std::size_t>(x)];
        if (xin < 0) continue;
        std::memcpy(dst + 3 * x, src + 3 * xin, 3);
      }
    }
    yo += ay;
  }
  return out;
}

}  // namespace

RgbImage pil_resize(const RgbImage& image, int out_width, int out_height, PilFilter filter) {
  if (out_width < 1 || out_height < 1) {
    throw std::invalid_argument("pil_resize: output size " + std::to_string(out_width) + "x" +
                                std::to_string(out_height) + " must be at least 1x1");
  }
  if (image.width < 1 || image.height < 1 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3) {
    throw std::invalid_argument(
        "pil_resize: input image is empty or its pixel buffer size "
        "does not match its width and height");
  }
  if (out_width == image.width && out_height == image.height) return image;
  if (filter == PilFilter::nearest) return resize_nearest(image, out_width, out_height);

  const bool horizontal = out_width != image.width;
  const bool vertical = out_height != image.height;
  const Taps htaps = compute_taps(image.width, out_width, filter);
  const Taps vtaps = compute_taps(image.height, out_height, filter);
  // Rows the vertical pass reads; the horizontal pass computes only those.
  const int row_begin = vtaps.first.front();
  const int row_end = vtaps.first.back() + vtaps.count.back();

  if (!vertical) {
    RgbImage out(out_width, image.height);
    resample_horizontal(image, out, 0, htaps);
    return out;
  }
  if (!horizontal) {
    RgbImage out(image.width, out_height);
    resample_vertical(image, out, 0, vtaps);
    return out;
  }
  // The intermediate image is reused per thread: a fresh multi-megabyte buffer per call costs
  // page faults and zeroing comparable to the vertical pass itself.
  thread_local RgbImage temp;
  temp.width = out_width;
  temp.height = row_end - row_begin;
  temp.pixels.resize(static_cast<std::size_t>(temp.width) * temp.height * 3);
  resample_horizontal(image, temp, row_begin, htaps);
  RgbImage out(out_width, out_height);
  resample_vertical(temp, out, row_begin, vtaps);
  return out;
}

}  // namespace ovbench
