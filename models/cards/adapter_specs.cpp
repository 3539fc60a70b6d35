#include "models/cards/adapter_specs.h"

#include "core/errors.h"

namespace ovbench {
namespace {

using T = ProtocolField::Type;

const char* kRegionModuleSignature =
    "forward(Tensor images[N,3,H,W] float32, Tensor image_sizes[N,2] int64 (h, w)) -> "
    "(List[Tensor] boxes [R,4] xyxy in input pixels, List[Tensor] embeddings [R,D], "
    "List[Tensor] objectness [R] in [0,1])";
const char* kTextModuleSignature = "encode_text(Tensor tokens[N,77] int64) -> Tensor[N,D]";
const char* kClassEmbeddings = "tensor [C,D] saved with torch.save (C = vocabulary size, in its order)";

std::vector<AdapterSpec> make_specs() {
  std::vector<AdapterSpec> specs;
  specs.push_back(AdapterSpec{
      "regionclip",
      {"detect", "ground"},
      {{"image_module", true, kRegionModuleSignature},
       {"text_module", false, kTextModuleSignature},
       {"class_embeddings", false, kClassEmbeddings},
       {"background_embedding", false, "tensor [D] (a learned background classifier weight); "
                                       "absent: RegionCLIP's zero-initialised background"}},
      {{"temperature", T::number, 0.01, {}, "MODEL.CLIP.CLSS_TEMP (RegionCLIP fast_rcnn.py)"},
       {"objectness_fusion", T::choice, "geometric-mean", {"geometric-mean", "none"},
        "MODEL.CLIP.MULTIPLY_RPN_SCORE True in RegionCLIP's zero-shot/OVD eval scripts: "
        "sqrt(p_class * objectness)"},
       {"reported_score", T::choice, "class-probability", {"class-probability", "fused"},
        "fast_rcnn_inference_single_image ranks by the fused score but reports "
        "scores_bf_multiply (the class probability)"},
       {"score_threshold", T::number, 0.0001, {}, "MODEL.ROI_HEADS.SCORE_THRESH_TEST (RegionCLIP zero-shot configs)"},
       {"nms_iou", T::number, 0.5, {}, "MODEL.ROI_HEADS.NMS_THRESH_TEST"},
       {"detections_per_image", T::integer, 100, {}, "TEST.DETECTIONS_PER_IMAGE (300 for LVIS)"},
       {"batch_size", T::integer, 1, {}, "images per forward call"}},
      true});
  specs.push_back(AdapterSpec{
      "vild",
      {"detect"},
      {{"image_module", true,
        "forward(Tensor images[N,3,H,W] float32, Tensor image_sizes[N,2] int64) -> (List[Tensor] "
        "boxes [R,4], List[Tensor] text_branch_embeddings [R,D], List[Tensor] "
        "image_branch_embeddings [R,D])"},
       {"text_module", false, kTextModuleSignature},
       {"class_embeddings", false, kClassEmbeddings},
       {"background_embedding", false, "tensor [D]: ViLD-text's learned background embedding"}},
      {{"temperature", T::number, 0.01, {}, "ViLD paper, Sec. 3.2: tau = 0.01"},
       {"ensemble", T::boolean, true, {}, "ViLD-ensemble (text and image branches)"},
       {"ensemble_weight", T::number, 2.0 / 3.0, {},
        "lambda = 2/3: base p_text^l * p_image^(1-l), novel p_text^(1-l) * p_image^l (ViLD paper, Eq. 4)"},
       {"score_threshold", T::number, 0.0, {}, "no threshold before NMS"},
       {"nms_iou", T::number, 0.5, {}, "ViLD's test NMS threshold"},
       {"detections_per_image", T::integer, 300, {}, "LVIS protocol: 300 per image"},
       {"batch_size", T::integer, 1, {}, "images per forward call"}},
      true});
  specs.push_back(AdapterSpec{
      "clip_crops",
      {"detect"},
      {{"image_encoder", true, "encode_image(Tensor crops[N,3,S,S] float32) -> Tensor[N,D] (CLIP visual)"},
       {"text_module", false, kTextModuleSignature},
       {"class_embeddings", false, kClassEmbeddings},
       {"proposals", true, "COCO results JSON of class-agnostic proposals (image_id, bbox, score)"}},
      {{"crop_scales", T::numbers, nlohmann::json::array({1.0, 1.5}), {},
        "ViLD paper, Sec. 4 (CLIP on cropped regions): 1x and 1.5x crops, embeddings averaged"},
       {"input_size", T::integer, 224, {}, "CLIP's n_px (ViT-B/32, RN50)"},
       {"temperature", T::number, 0.01, {}, "CLIP's logit scale 100"},
       {"proposal_score_fusion", T::choice, "none", {"none", "geometric-mean"}, "optional objectness fusion"},
       {"proposals_per_image", T::integer, 300, {}, "top proposals kept per image"},
       {"nms_iou", T::number, 0.5, {}, "per-class NMS"},
       {"detections_per_image", T::integer, 100, {}, "COCO protocol"},
       {"batch_size", T::integer, 64, {}, "crops per encode_image call"}},
      true});
  specs.push_back(AdapterSpec{
      "glip",
      {"detect", "ground"},
      {{"module", true,
        "forward(Tensor images[N,3,H,W] float32, Tensor image_sizes[N,2] int64, Tensor input_ids[N,256] "
        "int64, Tensor attention_mask[N,256] int64) -> (List[Tensor] boxes [A,4] xyxy in input pixels, "
        "List[Tensor] token_logits [A,256], List[Tensor] centerness_logits [A], Tensor level_sizes "
        "[levels] int64)"}},
      {{"chunk_size", T::integer, 40, {}, "TEST.CHUNKED_EVALUATION: categories per prompt (GLIP's LVIS command line; -1: one prompt)"},
       {"aggregation", T::choice, "mean", {"mean", "max"}, "token score aggregation"},
       {"score_threshold", T::number, 0.05, {}, "MODEL.ATSS.INFERENCE_TH"},
       {"pre_nms_top_n", T::integer, 1000, {}, "MODEL.ATSS.PRE_NMS_TOP_N"},
       {"nms_iou", T::number, 0.6, {}, "MODEL.ATSS.NMS_TH"},
       {"detections_per_image", T::integer, 100, {}, "TEST.DETECTIONS_PER_IMG (300 for LVIS)"},
       {"batch_size", T::integer, 1, {}, "images per forward call"}},
      false});
  specs.push_back(AdapterSpec{
      "denseclip",
      {"segment"},
      {{"module", true,
        "forward(Tensor crop[1,3,h,w] float32, Tensor class_embeddings[K,D]) -> Tensor[1,K,h',w'] logits"},
       {"text_module", false, kTextModuleSignature},
       {"class_embeddings", false, kClassEmbeddings}},
      {{"mode", T::choice, "slide", {"slide", "whole"}, "mmseg test_cfg.mode (DenseCLIP ADE20K config: slide)"},
       {"crop_size", T::integer, 512, {}, "test_cfg.crop_size (512, 512)"},
       {"stride", T::integer, 341, {}, "test_cfg.stride (341, 341)"}},
      true});
  specs.push_back(AdapterSpec{
      "replay",
      {"detect", "ground", "segment"},
      {{"predictions", true,
        "COCO results JSON (detect), MDETR grounding JSON (ground) or a directory of PNG label "
        "maps (segment)"}},
      {},
      false});
  return specs;
}

}  // namespace

const std::vector<AdapterSpec>& adapter_specs() {
  static const std::vector<AdapterSpec> specs = make_specs();
  return specs;
}

const AdapterSpec& find_adapter_spec(const std::string& name, const std::string& file) {
  std::string known;
  for (const auto& spec : adapter_specs()) {
    if (spec.name == name) return spec;
    if (!known.empty()) known += ", ";
    known += spec.name;
  }
  throw InputError(file + ": adapter: unknown adapter \"" + name + "\" (known: " + known + ")");
}

}  // namespace ovbench
