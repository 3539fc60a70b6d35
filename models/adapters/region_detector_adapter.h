#pragma once
// The region-based families, RegionCLIP and ViLD: the image module proposes class-agnostic
// regions with embeddings; the adapter scores them against the vocabulary's text embeddings
// (region_scoring.h) and selects detections (region_detections.h). RegionCLIP also grounds
// phrases: each phrase's embedding ranks the regions by cosine similarity.

#include <memory>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/adapters/class_embeddings.h"
#include "models/cards/model_card.h"
#include "models/regions/region_scoring.h"

namespace ovbench {

class RegionDetectorAdapter final : public DetectorAdapter, public GrounderAdapter {
 public:
  RegionDetectorAdapter(ModelCard card, AdapterContext context);

  int batch_size() const override { return static_cast<int>(card_.integer("batch_size")); }
  PrepareReport prepare(const Vocabulary& vocabulary) override;
  std::vector<Detection> detect(const std::vector<const ModelImage*>& batch) override;
  PhraseBoxes ground(const ModelImage& image, const GroundingQuery& query) override;

 private:
  struct ImageRegions {
    std::vector<float> boxes;  // R x 4
    RegionEmbeddings embeddings, second;  // second: objectness-free image branch (ViLD)
    std::vector<float> objectness;
  };
  std::vector<ImageRegions> run_image_module(const std::vector<const ModelImage*>& batch);

  ModelCard card_;
  AdapterContext context_;
  bool vild_;
  std::unique_ptr<ScriptModule> image_module_;
  ClassEmbeddingSource class_source_;
  Vocabulary vocabulary_;
  EmbeddingMatrix classes_;
  std::vector<float> background_;
  std::vector<bool> novel_;
};

}  // namespace ovbench
