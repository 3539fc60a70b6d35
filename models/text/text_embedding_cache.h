#pragma once
// A persistent cache of class text embeddings, so a second run over the same vocabulary runs
// no text forward pass. The key is a content hash of everything the embeddings depend on: the
// text module's bytes, the tokenizer, the ensembling rule and every prompt. One file per key,
// written atomically; a damaged file is ignored (and rewritten), never trusted.

#include <filesystem>
#include <optional>
#include <string>

#include "models/vocabulary.h"

namespace ovbench {

class TextEmbeddingCache {
 public:
  // An empty directory disables the cache.
  explicit TextEmbeddingCache(std::filesystem::path directory) : directory_(std::move(directory)) {}
  // $OVBENCH_CACHE_DIR/text-embeddings, else $XDG_CACHE_HOME/ovbench/text-embeddings, else
  // ~/.cache/ovbench/text-embeddings.
  static std::filesystem::path default_directory();

  bool enabled() const { return !directory_.empty(); }
  std::optional<EmbeddingMatrix> load(const std::string& key) const;
  void store(const std::string& key, const EmbeddingMatrix& embeddings) const;
  std::filesystem::path file_for(const std::string& key) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace ovbench
