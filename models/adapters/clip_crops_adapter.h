#pragma once
// CLIP on cropped regions, the baseline of ViLD's paper (Gu et al. 2022, Sec. 4.2): each
// class-agnostic proposal (from a results file) is cropped from the original image at 1x and
// 1.5x its size, each crop resized to CLIP's input with Pillow's bicubic filter and CLIP's
// normalisation, embedded by CLIP's image encoder; the L2-normalised embeddings of the scales
// are averaged and scored against the vocabulary (softmax over classes, no background), then
// per-class NMS and the top detections per image.

#include <map>
#include <memory>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/adapters/class_embeddings.h"
#include "models/cards/model_card.h"

namespace ovbench {

class ClipCropsAdapter final : public DetectorAdapter {
 public:
  static constexpr const char* kSignature = "encode_image(Tensor crops[N,3,S,S] float32) -> Tensor[N,D]";
  ClipCropsAdapter(ModelCard card, AdapterContext context);
  bool needs_original_pixels() const override { return true; }
  PrepareReport prepare(const Vocabulary& vocabulary) override;
  std::vector<Detection> detect(const std::vector<const ModelImage*>& batch) override;

 private:
  struct Proposal {
    BoxXYWH box;
    float score;
  };
  ModelCard card_;
  AdapterContext context_;
  std::unique_ptr<ScriptModule> encoder_;
  ClassEmbeddingSource class_source_;
  Vocabulary vocabulary_;
  EmbeddingMatrix classes_;
  std::map<std::int64_t, std::vector<Proposal>> proposals_;
};

// The crop of `box` scaled by `scale` about its centre, clipped to the image, at least 1 pixel.
RgbImage crop_scaled_box(const RgbImage& image, const BoxXYWH& box, double scale);

}  // namespace ovbench
