#pragma once
// Where a region or segmentation adapter gets its class embeddings: a precomputed tensor named
// by the card (RegionCLIP's concept .pth, saved with torch.save), or the card's text module run
// over the vocabulary's prompts (through the text-embedding cache).

#include <memory>
#include <string>
#include <vector>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/cards/model_card.h"
#include "models/text/class_text_embedder.h"

namespace ovbench {

class ClassEmbeddingSource {
 public:
  ClassEmbeddingSource(const ModelCard& card, AdapterContext& context);
  EmbeddingMatrix for_vocabulary(const Vocabulary& vocabulary, PrepareReport& report);
  // Free texts (grounding phrases); needs the text module.
  EmbeddingMatrix for_texts(const std::vector<std::string>& texts);
  // The optional background embedding file ([D]); empty when the card has none.
  std::vector<float> background(std::int64_t dim);

 private:
  ClassTextEmbedder& embedder();

  const ModelCard& card_;
  AdapterContext& context_;
  std::unique_ptr<ScriptModule> text_module_;
  std::unique_ptr<ClassTextEmbedder> embedder_;
};

}  // namespace ovbench
