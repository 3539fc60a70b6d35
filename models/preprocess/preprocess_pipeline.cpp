#include "models/preprocess/preprocess_pipeline.h"

#include <stdexcept>
#include <string>

#include "models/preprocess/chw_normalization.h"
#include "models/preprocess/pil_resize.h"
#include "models/preprocess/resize_geometry.h"

namespace ovbench {
namespace {

ImageSize resized_size(ImageSize original, const PreprocessSpec& s) {
  switch (s.resize) {
    case ResizeRule::none:
      return original;
    case ResizeRule::fixed:
      return s.fixed_size;
    case ResizeRule::detectron2_shortest_edge:
      return detectron2_shortest_edge_size(original, s.short_edge, s.max_size);
    case ResizeRule::maskrcnn_shortest_edge:
      return maskrcnn_shortest_edge_size(original, s.short_edge, s.max_size);
    case ResizeRule::mmcv_keep_ratio:
      return mmcv_rescale_size(original, s.scale_a, s.scale_b);
    case ResizeRule::torchvision_short_side:
      return torchvision_short_side_size(original, s.short_edge);
  }
  return original;
}

}  // namespace

PreprocessGeometry plan_preprocess(ImageSize original, const PreprocessSpec& spec) {
  if (original.width < 1 || original.height < 1) {
    throw std::invalid_argument("preprocess: empty image (" + std::to_string(original.width) + "x" +
                                std::to_string(original.height) + ")");
  }
  PreprocessGeometry g;
  g.original = original;
  g.resized = resized_size(original, spec);
  if (g.resized.width < 1 || g.resized.height < 1) {
    throw std::invalid_argument("preprocess: resize rule " +
                                std::string(resize_rule_name(spec.resize)) + " maps " +
                                std::to_string(original.width) + "x" +
                                std::to_string(original.height) + " to an empty image");
  }
  g.content = g.resized;
  if (spec.center_crop) {
    g.crop_offset = torchvision_center_crop_offset(g.resized, *spec.center_crop);
    g.content = *spec.center_crop;
  }
  g.padded = divisible_padded_size(g.content, spec.size_divisibility);
  g.scale_x = static_cast<double>(g.resized.width) / original.width;
  g.scale_y = static_cast<double>(g.resized.height) / original.height;
  g.box_scale_x = static_cast<double>(original.width) / g.resized.width;
  g.box_scale_y = static_cast<double>(original.height) / g.resized.height;
  return g;
}

RgbImage resize_and_crop(const RgbImage& image, const PreprocessGeometry& g,
                         const PreprocessSpec& spec, ExternalResampler cv2_linear) {
  if (image.width != g.original.width || image.height != g.original.height) {
    throw std::invalid_argument("preprocess: the geometry was planned for another image size");
  }
  RgbImage resized;
  const bool same = g.resized == g.original;
  switch (spec.filter) {
    case ResizeFilter::pil_nearest:
      resized = pil_resize(image, g.resized.width, g.resized.height, PilFilter::nearest);
      break;
    case ResizeFilter::pil_bilinear:
      resized = pil_resize(image, g.resized.width, g.resized.height, PilFilter::bilinear);
      break;
    case ResizeFilter::pil_bicubic:
      resized = pil_resize(image, g.resized.width, g.resized.height, PilFilter::bicubic);
      break;
    case ResizeFilter::cv2_linear:
      if (same) {
        resized = image;
      } else if (cv2_linear == nullptr) {
        throw std::invalid_argument(
            "preprocess: the spec resizes with cv2_linear, which needs OpenCV; pass "
            "cv_resize_linear (models/torch/image_decode.h)");
      } else {
        resized = cv2_linear(image, g.resized.width, g.resized.height);
      }
      break;
  }
  if (!spec.center_crop) return resized;
  return crop_image(resized, g.crop_offset, g.content);
}

void preprocess_into(const RgbImage& image, const PreprocessSpec& spec, PreprocessedImage& out,
                     ExternalResampler cv2_linear) {
  out.geometry = plan_preprocess({image.width, image.height}, spec);
  const RgbImage content = resize_and_crop(image, out.geometry, spec, cv2_linear);
  const NormalizationTable table = make_normalization_table(spec.normalization);
  const ImageSize padded = out.geometry.padded;
  out.chw.resize(static_cast<std::size_t>(3) * padded.width * padded.height);
  normalize_to_chw(content, table, padded, spec.pad_value, out.chw.data());
}

PreprocessedImage preprocess(const RgbImage& image, const PreprocessSpec& spec,
                             ExternalResampler cv2_linear) {
  PreprocessedImage out;
  preprocess_into(image, spec, out, cv2_linear);
  return out;
}

}  // namespace ovbench
