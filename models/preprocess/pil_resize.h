#pragma once
// Pillow's Image.resize for 8-bit RGB images, bit for bit (src/libImaging/Resample.c and
// Geometry.c; Pillow 9.4, Debian 12's, and Pillow's current main compute the same pixels).
// detectron2's ResizeTransform (RegionCLIP), torchvision's Resize on PIL images (GLIP's
// maskrcnn_benchmark transforms, CLIP's _transform) all call it; OpenCV's INTER_LINEAR is a
// different filter (no antialiasing when shrinking, other rounding) and gives different
// pixels, hence this file.
//
// What is reproduced: Image.resize(size, filter) with box=None and reducing_gap=None, i.e.
//  - BILINEAR/BICUBIC: ImagingResample — a separable convolution whose support is scaled by
//    the downscale factor (antialiasing), coefficients normalised to sum 1 and then rounded to
//    22-bit fixed point (PRECISION_BITS = 32 - 8 - 2), horizontal pass first (only over the rows
//    the vertical pass reads) into an 8-bit image, then the vertical pass; each pass rounds
//    half up and clips to 0..255. A pass whose size does not change is skipped.
//  - NEAREST: ImagingScaleAffine — source index = (int)(accumulated (i + 0.5) * in / out).
//  - The same size in and out returns a copy (Image.resize does).

#include "models/preprocess/rgb_image.h"

namespace ovbench {

enum class PilFilter { nearest, bilinear, bicubic };

// Throws std::invalid_argument for an empty input or a non-positive output size (PIL raises
// ValueError "height and width must be > 0").
RgbImage pil_resize(const RgbImage& image, int out_width, int out_height, PilFilter filter);

}  // namespace ovbench
