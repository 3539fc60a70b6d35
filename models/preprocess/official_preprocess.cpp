// The official evaluation pipelines as PreprocessSpec values (declared in preprocess_spec.h).
// Each cites the config it follows; docs/preprocessing.md explains the rules.

#include "models/preprocess/official_preprocess.h"

#include <array>

#include "core/errors.h"

namespace ovbench {
namespace {

// CLIP's normalisation (openai/CLIP clip/clip.py _transform), in RGB order and 0-1 units.
constexpr std::array<double, 3> kClipMean{0.48145466, 0.4578275, 0.40821073};
constexpr std::array<double, 3> kClipStd{0.26862954, 0.26130258, 0.27577711};

PreprocessSpec shortest_edge(ResizeRule rule) {
  PreprocessSpec s;
  s.resize = rule;
  s.filter = ResizeFilter::pil_bilinear;
  s.short_edge = 800;
  s.max_size = 1333;
  return s;
}

}  // namespace

PreprocessSpec official_preprocess(std::string_view name, const std::string& where) {
  if (name == "regionclip") {
    // microsoft/RegionCLIP configs/LVISv1-InstanceSegmentation/CLIP_fast_rcnn_R_50_C4.yaml:
    // INPUT.FORMAT "RGB", MIN/MAX_SIZE_TEST 800/1333, MODEL.PIXEL_MEAN/STD = CLIP's; the mean
    // sums to < 3, so CLIPFastRCNN.preprocess_image divides by 255 first. The C4 backbone has
    // size_divisibility 0. Images are read by detectron2's read_image (EXIF applied).
    PreprocessSpec s = shortest_edge(ResizeRule::detectron2_shortest_edge);
    s.exif_orientation = ExifOrientation::apply;
    s.normalization = {ChannelOrder::rgb, PixelRange::to_1, StdMode::divide, kClipMean, kClipStd};
    return s;
  }
  if (name == "detectron2") {
    // detectron2 config defaults (INPUT.FORMAT "BGR", PIXEL_MEAN [103.530, 116.280, 123.675],
    // PIXEL_STD [1, 1, 1], 800/1333) with an FPN backbone (size_divisibility 32): also the
    // offline RPN of RegionCLIP's CLIPFastRCNN (offline_preprocess_image).
    PreprocessSpec s = shortest_edge(ResizeRule::detectron2_shortest_edge);
    s.exif_orientation = ExifOrientation::apply;
    s.normalization = {ChannelOrder::bgr,
                       PixelRange::to_255,
                       StdMode::divide,
                       {103.530, 116.280, 123.675},
                       {1.0, 1.0, 1.0}};
    s.size_divisibility = 32;
    return s;
  }
  if (name == "glip") {
    // microsoft/GLIP configs/pretrain/glip_Swin_T_O365_GoldG.yaml (and glip_Swin_L.yaml):
    // INPUT.PIXEL_MEAN [103.530, 116.280, 123.675], PIXEL_STD [57.375, 57.120, 58.395],
    // MIN/MAX_SIZE_TEST 800/1333, DATALOADER.SIZE_DIVISIBILITY 32; INPUT.FORMAT '' and
    // TO_BGR255 True -> Normalize(format='bgr255'). Images via PIL Image.open (no EXIF);
    // Resize calls torchvision F.resize on the PIL image (bilinear).
    PreprocessSpec s = shortest_edge(ResizeRule::maskrcnn_shortest_edge);
    s.normalization = {ChannelOrder::bgr,
                       PixelRange::to_255,
                       StdMode::divide,
                       {103.530, 116.280, 123.675},
                       {57.375, 57.120, 58.395}};
    s.size_divisibility = 32;
    return s;
  }
  if (name == "clip") {
    // openai/CLIP clip/clip.py _transform(224): Resize(224, BICUBIC), CenterCrop(224),
    // ToTensor, Normalize(CLIP mean, std).
    PreprocessSpec s;
    s.resize = ResizeRule::torchvision_short_side;
    s.filter = ResizeFilter::pil_bicubic;
    s.short_edge = 224;
    s.center_crop = ImageSize{224, 224};
    s.normalization = {ChannelOrder::rgb, PixelRange::to_1, StdMode::divide, kClipMean, kClipStd};
    return s;
  }
  if (name == "denseclip_ade20k") {
    // raoyongming/DenseCLIP segmentation/configs/_base_/datasets/ade20k_clip.py test_pipeline:
    // LoadImageFromFile (mmcv.imread 'color': OpenCV applies EXIF), Resize(img_scale=(2048, 512),
    // keep_ratio=True) -> mmcv.imrescale (cv2 INTER_LINEAR), Normalize(mean = CLIP mean * 255,
    // std = CLIP std * 255, to_rgb=True) -> mmcv.imnormalize (multiply by 1 / std). No padding
    // at test time (slide inference pads its windows itself).
    PreprocessSpec s;
    s.exif_orientation = ExifOrientation::apply;
    s.resize = ResizeRule::mmcv_keep_ratio;
    s.filter = ResizeFilter::cv2_linear;
    s.scale_a = 2048;
    s.scale_b = 512;
    std::array<double, 3> mean{}, std{};
    for (std::size_t i = 0; i < 3; ++i) {
      mean[i] = kClipMean[i] * 255;  // Python: [v*255 for v in ...], in double
      std[i] = kClipStd[i] * 255;
    }
    s.normalization = {ChannelOrder::rgb, PixelRange::to_255, StdMode::multiply_reciprocal, mean,
                       std};
    return s;
  }
  throw InputError(where + ": unknown preprocessing preset \"" + std::string(name) +
                   "\" (known: \"regionclip\", \"detectron2\", \"glip\", \"clip\", "
                   "\"denseclip_ade20k\")");
}

}  // namespace ovbench
