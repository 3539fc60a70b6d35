#pragma once
// One decoded image through one PreprocessSpec: resize (the spec's rule and filter), optional
// center crop, normalisation into a float CHW buffer with size-divisibility padding.
// Torch- and OpenCV-free: a spec whose filter is cv2_linear needs the OpenCV resampler passed
// in (models/torch/image_decode.h cv_resize_linear).

#include <vector>

#include "models/preprocess/center_crop.h"
#include "models/preprocess/preprocess_spec.h"
#include "models/preprocess/rgb_image.h"

namespace ovbench {

// Where the image goes: computed from the original size alone.
struct PreprocessGeometry {
  ImageSize original;      // the decoded image
  ImageSize resized;       // after the resize rule: the frame predicted boxes are in
  CropOffset crop_offset;  // of the center crop within `resized` ((0, 0) without one)
  ImageSize content;       // the pixels in the tensor: `resized`, or the crop
  ImageSize padded;        // the tensor's W, H: content rounded up to size_divisibility
  // resized / original (mmseg's w_scale, h_scale: img_meta scale_factor).
  double scale_x = 1.0, scale_y = 1.0;
  // original / resized (detectron2 detector_postprocess's scale_x, scale_y): multiply boxes
  // predicted on the resized image by these to get original coordinates.
  double box_scale_x = 1.0, box_scale_y = 1.0;
};

struct PreprocessedImage {
  PreprocessGeometry geometry;
  std::vector<float> chw;  // 3 x padded.height x padded.width, channel order per the spec
};

using ExternalResampler = RgbImage (*)(const RgbImage&, int out_width, int out_height);

// Throws std::invalid_argument for an empty image or a rule that yields an empty size.
PreprocessGeometry plan_preprocess(ImageSize original, const PreprocessSpec& spec);

// The resized (and cropped) 8-bit image, before normalisation: for models that take two
// normalisations of the same pixels (RegionCLIP's CLIP backbone and its offline RPN).
// Throws std::invalid_argument when the spec needs cv2_linear and `cv2_linear` is null.
RgbImage resize_and_crop(const RgbImage& image, const PreprocessGeometry& geometry,
                         const PreprocessSpec& spec, ExternalResampler cv2_linear = nullptr);

PreprocessedImage preprocess(const RgbImage& image, const PreprocessSpec& spec,
                             ExternalResampler cv2_linear = nullptr);

// The same into `out`, reusing its buffer: a 3x1088x800 float tensor is 10 MB, and a fresh one
// per image costs ~2,500 page faults. Every element is written (padding included).
void preprocess_into(const RgbImage& image, const PreprocessSpec& spec, PreprocessedImage& out,
                     ExternalResampler cv2_linear = nullptr);

}  // namespace ovbench
