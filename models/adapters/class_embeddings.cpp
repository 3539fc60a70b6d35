#include "models/adapters/class_embeddings.h"

#include "core/content_hash.h"
#include "core/errors.h"

namespace ovbench {

ClassEmbeddingSource::ClassEmbeddingSource(const ModelCard& card, AdapterContext& context)
    : card_(card), context_(context) {}

ClassTextEmbedder& ClassEmbeddingSource::embedder() {
  if (!embedder_) {
    const auto& path = card_.file("text_module");
    text_module_ = context_.load_module(path);
    embedder_ = std::make_unique<ClassTextEmbedder>(*text_module_, file_content_hash(path), card_.text,
                                                    context_.text_cache);
  }
  return *embedder_;
}

EmbeddingMatrix ClassEmbeddingSource::for_vocabulary(const Vocabulary& vocabulary, PrepareReport& report) {
  if (card_.has_file("class_embeddings")) {
    const auto& path = card_.file("class_embeddings");
    report.text_source = "class_embeddings";
    return embeddings_from_tensor(context_.load_tensor(path), vocabulary.size(), path.string());
  }
  std::vector<std::string> names;
  names.reserve(vocabulary.size());
  for (const auto& e : vocabulary.entries) names.push_back(e.name);
  auto result = embedder().embed_names(names);
  report.text_source = "text_module";
  report.text_from_cache = result.from_cache;
  report.text_forward_calls += result.forward_calls;
  return std::move(result.embeddings);
}

EmbeddingMatrix ClassEmbeddingSource::for_texts(const std::vector<std::string>& texts) {
  if (!card_.has_file("text_module"))
    throw InputError(card_.path.string() + ": files.text_module: grounding free-form phrases needs a text module");
  return std::move(embedder().embed_texts(texts).embeddings);
}

std::vector<float> ClassEmbeddingSource::background(std::int64_t dim) {
  if (!card_.has_file("background_embedding")) return {};
  const auto& path = card_.file("background_embedding");
  auto t = context_.load_tensor(path);
  if (t.numel() != dim)
    throw InputError(path.string() + ": background embedding has " + std::to_string(t.numel()) +
                     " values, the class embeddings are " + std::to_string(dim) + "-d");
  return t.f32;
}

}  // namespace ovbench
