#include "harness/predict/image_preparation.h"

#include "models/preprocess/preprocess_pipeline.h"
#include "models/torch_plugin.h"

namespace ovbench {
namespace {

// mmcv.imresize (cv2 INTER_LINEAR) lives in the plugin, next to OpenCV.
RgbImage plugin_cv2_linear(const RgbImage& image, int width, int height) {
  return torch_plugin().cv_resize_linear(image, width, height);
}

}  // namespace

ModelImage prepare_model_image(const ImageJob& job, const PreprocessSpec& spec, bool keep_original) {
  RgbImage rgb = torch_plugin().decode_image(job.path, spec.exif_orientation == ExifOrientation::apply);
  PreprocessedImage pre = preprocess(rgb, spec, plugin_cv2_linear);
  ModelImage image;
  image.image_id = job.image_id;
  image.file_name = job.file_name;
  image.original_width = pre.geometry.original.width;
  image.original_height = pre.geometry.original.height;
  image.input_width = pre.geometry.content.width;
  image.input_height = pre.geometry.content.height;
  image.padded_width = pre.geometry.padded.width;
  image.padded_height = pre.geometry.padded.height;
  image.chw = std::move(pre.chw);
  if (keep_original) image.original = std::move(rgb);
  return image;
}

}  // namespace ovbench
