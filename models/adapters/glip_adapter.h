#pragma once
// GLIP (microsoft/GLIP): the vocabulary becomes prompts "name1. name2. ..." (models/glip/),
// split into chunks for large vocabularies (TEST.CHUNKED_EVALUATION 40 for LVIS); each chunk's
// BERT tokens go into the image+text module with the image batch; per-box token logits become
// category scores through the positive map and ATSS post-processing (glip_postprocess); the
// chunks' detections are concatenated as GLIP does. Boxes are clipped to the resized image
// (last pixel, TO_REMOVE = 1), scaled to the original image, and written as COCO xywh with
// maskrcnn_benchmark's +1 width and height (BoxList.convert("xywh")).
// Phrase grounding: the caption is the prompt, each phrase's token span a label, and the ranked
// boxes per phrase come from glip_phrase_boxes.

#include <memory>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/cards/model_card.h"
#include "models/glip/glip_postprocess.h"

namespace ovbench {

class GlipAdapter final : public DetectorAdapter, public GrounderAdapter {
 public:
  static constexpr const char* kSignature =
      "forward(Tensor images[N,3,H,W] float32, Tensor image_sizes[N,2] int64, Tensor input_ids[N,256] int64, "
      "Tensor attention_mask[N,256] int64) -> (List[Tensor] boxes [A,4] xyxy in input pixels, List[Tensor] "
      "token_logits [A,256], List[Tensor] centerness_logits [A], Tensor level_sizes [levels] int64)";
  GlipAdapter(ModelCard card, AdapterContext context);

  int batch_size() const override { return static_cast<int>(card_.integer("batch_size")); }
  PrepareReport prepare(const Vocabulary& vocabulary) override;
  std::vector<Detection> detect(const std::vector<const ModelImage*>& batch) override;
  PhraseBoxes ground(const ModelImage& image, const GroundingQuery& query) override;

 private:
  struct Chunk {
    std::vector<std::int64_t> input_ids, attention_mask;
    GlipPositiveMap positive_map;
  };
  // Per image of the batch: the post-processed detections for one text input.
  std::vector<std::vector<GlipDetection>> run(const std::vector<const ModelImage*>& batch,
                                              const std::vector<std::int64_t>& ids,
                                              const std::vector<std::int64_t>& mask, const GlipPositiveMap& map);

  ModelCard card_;
  AdapterContext context_;
  std::unique_ptr<ScriptModule> module_;
  std::vector<Chunk> chunks_;
  GlipPostprocessParams params_;
};

}  // namespace ovbench
