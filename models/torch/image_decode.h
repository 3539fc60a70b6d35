#pragma once
// Image decoding (OpenCV's codecs) and OpenCV's bilinear resize, behind a torch- and
// OpenCV-free header: only image_decode.cpp includes OpenCV, so the preprocessing code and
// its callers compile without it.

#include <filesystem>

#include "models/preprocess/preprocess_spec.h"
#include "models/preprocess/rgb_image.h"
#include "models/torch/plugin_export.h"

namespace ovbench {

// Decodes a JPEG, PNG, BMP, TIFF, WebP, ... file to 8-bit RGB. Grayscale and palette images
// become RGB; an alpha channel is dropped (PIL's convert("RGB") drops it too). By default the
// EXIF orientation tag is ignored (IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION), as PIL's
// Image.open ignores it (GLIP, CLIP); ExifOrientation::apply rotates/flips as detectron2's
// read_image and mmcv.imread (OpenCV's default) do. Throws InputError naming the file when it
// is missing, unreadable, empty, corrupt or of an unsupported format.
OVBENCH_TORCH_API RgbImage decode_image_file(const std::filesystem::path& path,
                                             ExifOrientation orientation = ExifOrientation::ignore);

// cv2.resize(image, (out_width, out_height), interpolation=cv2.INTER_LINEAR): what
// mmcv.imresize does for mmseg and DenseCLIP (no antialiasing; OpenCV's fixed-point bilinear
// with half-pixel centres; an exact 2x shrink in both directions is an area average). The
// PreprocessSpec filter "cv2_linear"; pass it to preprocess() as the external resampler.
// Throws std::invalid_argument for an empty image or output size.
OVBENCH_TORCH_API RgbImage cv_resize_linear(const RgbImage& image, int out_width, int out_height);

}  // namespace ovbench
