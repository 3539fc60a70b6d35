#pragma once
// One image preprocessing pipeline as data, so a model card can carry it (docs/preprocessing.md
// lists the JSON keys and the values each official pipeline uses). Parsing is strict: an
// unknown key, a wrong type or an out-of-range value is an InputError naming the key.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "models/preprocess/chw_normalization.h"
#include "models/preprocess/resize_geometry.h"

namespace ovbench {

enum class ResizeRule {
  none,                      // the image as decoded
  fixed,                     // exactly width x height (CLIP crops, square inputs)
  detectron2_shortest_edge,  // detectron2_shortest_edge_size(short_edge, max_size)
  maskrcnn_shortest_edge,    // maskrcnn_shortest_edge_size(short_edge, max_size)
  mmcv_keep_ratio,           // mmcv_rescale_size(scale[0], scale[1])
  torchvision_short_side,    // torchvision_short_side_size(short_edge)
};

enum class ResizeFilter {
  pil_nearest,
  pil_bilinear,  // detectron2 ResizeTransform, torchvision Resize on PIL images (GLIP)
  pil_bicubic,   // CLIP's Resize(n_px, interpolation=BICUBIC)
  cv2_linear,    // cv2.resize INTER_LINEAR: mmcv.imresize (mmseg, DenseCLIP); OpenCV side only
};

// Whether decoding applies the EXIF orientation tag. PIL's Image.open does not (GLIP, CLIP);
// detectron2's read_image does (_apply_exif_orientation, RegionCLIP) and so does OpenCV's
// IMREAD_COLOR, which mmcv.imread's default 'color' flag is (mmseg, DenseCLIP).
enum class ExifOrientation { ignore, apply };

struct PreprocessSpec {
  ExifOrientation exif_orientation = ExifOrientation::ignore;
  ResizeRule resize = ResizeRule::none;
  ResizeFilter filter = ResizeFilter::pil_bilinear;
  int short_edge = 0;                    // detectron2/maskrcnn short side, torchvision size
  int max_size = 0;                      // detectron2/maskrcnn long-side limit; 0 = none
  int scale_a = 0, scale_b = 0;          // mmcv img_scale pair, e.g. (2048, 512)
  ImageSize fixed_size;                  // ResizeRule::fixed
  std::optional<ImageSize> center_crop;  // torchvision CenterCrop after the resize
  Normalization normalization;
  int size_divisibility = 0;  // pad bottom/right to a multiple (detectron2 FPN, GLIP: 32)
  float pad_value = 0.0f;     // value of the padding, after normalisation

  // The spec as JSON in the card format (every key written), for provenance in stored runs.
  nlohmann::json to_json() const;
};

// Parses a spec object. `where` prefixes every error, e.g. "card.json: field 'preprocess'".
// {"preset": NAME, ...} starts from official_preprocess(NAME) and overrides the keys given.
PreprocessSpec parse_preprocess_spec(const nlohmann::json& spec, const std::string& where);

std::string_view resize_rule_name(ResizeRule rule);
std::string_view resize_filter_name(ResizeFilter filter);

}  // namespace ovbench
