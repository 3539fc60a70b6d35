#pragma once
// DenseCLIP (raoyongming/DenseCLIP, segmentation/denseclip/denseclip.py) through mmseg 0.x's
// test procedure: the class text embeddings go into the module with every crop; with mode
// "slide" the (already resized) image is cut into windows (models/denseclip/), the windows'
// logits are accumulated and averaged, then resized bilinearly (align_corners=False) to the
// original image size and argmaxed into a label map. mode "whole" runs the image in one piece.

#include <memory>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/adapters/class_embeddings.h"
#include "models/cards/model_card.h"

namespace ovbench {

class DenseClipAdapter final : public SegmenterAdapter {
 public:
  static constexpr const char* kSignature =
      "forward(Tensor crop[1,3,h,w] float32, Tensor class_embeddings[K,D]) -> Tensor[1,K,h',w'] logits";
  DenseClipAdapter(ModelCard card, AdapterContext context);
  PrepareReport prepare(const Vocabulary& vocabulary) override;
  LabelMap segment(const ModelImage& image) override;

 private:
  ModelCard card_;
  AdapterContext context_;
  std::unique_ptr<ScriptModule> module_;
  ClassEmbeddingSource class_source_;
  EmbeddingMatrix classes_;
};

}  // namespace ovbench
