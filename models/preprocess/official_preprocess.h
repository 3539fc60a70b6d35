#pragma once
// The official evaluation pipelines as PreprocessSpec values, so a model card can say
// {"preset": "glip"} and get the official repository's test-time preprocessing.

#include <string>
#include <string_view>

#include "models/preprocess/preprocess_spec.h"

namespace ovbench {

// The official evaluation pipelines (docs/preprocessing.md cites each config):
//  "regionclip"         detectron2 800/1333 PIL bilinear, RGB 0-1, CLIP mean/std, EXIF applied
//  "detectron2"         detectron2 800/1333 PIL bilinear, BGR 0-255 caffe mean, std 1, EXIF
//                       applied, divisibility 32 (R-50-FPN; ViLD-style region models)
//  "glip"               maskrcnn 800/1333 PIL bilinear, BGR 0-255, mean/std of the GLIP
//                       configs, divisibility 32
//  "clip"               torchvision short side 224 PIL bicubic, center crop 224, RGB 0-1
//  "denseclip_ade20k"   mmcv keep-ratio (2048, 512) cv2 linear, RGB 0-255, CLIP mean/std x 255,
//                       multiply by the reciprocal std, EXIF applied
// Throws InputError for an unknown name (listing the known ones).
PreprocessSpec official_preprocess(std::string_view name, const std::string& where = "preset");

}  // namespace ovbench
