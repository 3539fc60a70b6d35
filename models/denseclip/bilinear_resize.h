#pragma once
// Bilinear resizing of channel-first float maps with PyTorch's F.interpolate(mode='bilinear',
// align_corners=False) semantics (mmseg.ops.resize -> F.interpolate with an output size, which
// DenseCLIP's encode_decode and slide_inference use with align_corners=False from
// configs/_base_/models/denseclip_r50.py), and the argmax over channels that turns class logits
// into a label map.
//
// Per output index d along an axis of input size n and output size m:
//   scale = float(n) / float(m)                     (float)
//   src = max(scale * (d + 0.5) - 0.5, 0)           (double, from the float scale)
//   i0 = min(floor(src), n - 1);  i1 = i0 + (i0 < n - 1)
//   w1 = float(src - i0);  w0 = 1 - w1              (float)
// which are exactly the weights PyTorch's CPU kernel uses (checked against torch 1.13:
// identical for every position tried). The value is then, in float,
//   out = (v[y0][x0] * wx0 + v[y0][x1] * wx1) * wy0 + (v[y1][x0] * wx0 + v[y1][x1] * wx1) * wy1.
// PyTorch's kernels leave the compiler free to fuse these multiply-adds (its AVX2 CPU build and
// nvcc do), so its results differ from these in the last bits (about 1e-7 relative); a label
// map can differ only where two classes' interpolated logits are that close. The CUDA kernel
// also forms the source position in float, which moves some weights by an ulp.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ovbench {

// Input [channels, in_h, in_w] row-major; returns [channels, out_h, out_w].
std::vector<float> resize_bilinear(std::span<const float> input, std::size_t channels,
                                   std::size_t in_h, std::size_t in_w, std::size_t out_h,
                                   std::size_t out_w);

// torch.argmax(dim=0) of [channels, h, w]: the first channel holding the maximum; NaN counts as
// the maximum (the first NaN wins). Throws std::invalid_argument for more than 65536 channels.
std::vector<std::uint16_t> argmax_channels(std::span<const float> logits, std::size_t channels,
                                           std::size_t h, std::size_t w);

// argmax_channels(resize_bilinear(...)) without materialising the resized logits (a 150-class
// ADE20K map at full size is ~200 MB); identical results.
std::vector<std::uint16_t> resize_bilinear_argmax(std::span<const float> logits,
                                                  std::size_t channels, std::size_t in_h,
                                                  std::size_t in_w, std::size_t out_h,
                                                  std::size_t out_w);

}  // namespace ovbench
