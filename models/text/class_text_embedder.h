#pragma once
// Class text embeddings through a model's text module: prompts from templates
// (prompt_templates.h), CLIP BPE tokens, encode_text in batches, then the template ensemble
// (normalise-then-average, or average-then-normalise for RegionCLIP), re-normalised. Results
// come from TextEmbeddingCache when the same module, tokenizer and prompts were seen before.

#include <string>
#include <vector>

#include "models/cards/model_card.h"
#include "models/runtime/script_module.h"
#include "models/text/text_embedding_cache.h"
#include "models/vocabulary.h"

namespace ovbench {

struct TextEmbeddingResult {
  EmbeddingMatrix embeddings;  // one unit row per name (or text)
  bool from_cache = false;
  int forward_calls = 0;       // encode_text calls made (0 when cached)
  std::string cache_key;
};

class ClassTextEmbedder {
 public:
  static constexpr const char* kMethod = "encode_text";
  static constexpr const char* kSignature = "encode_text(Tensor tokens[N,77] int64) -> Tensor[N,D]";

  // `module_hash` identifies the text module's weights (file_content_hash of its file).
  ClassTextEmbedder(ScriptModule& text_module, std::string module_hash, TextEncoderSettings settings,
                    TextEmbeddingCache cache);

  // Template-ensembled embeddings of category names.
  TextEmbeddingResult embed_names(const std::vector<std::string>& names);
  // One embedding per text, used as given (grounding phrases, captions).
  TextEmbeddingResult embed_texts(const std::vector<std::string>& texts);

 private:
  // Embeds prompts grouped per row: row r averages prompts [offsets[r], offsets[r+1]).
  TextEmbeddingResult embed_grouped(const std::vector<std::string>& prompts,
                                    const std::vector<std::size_t>& offsets, bool normalize_each);

  ScriptModule& module_;
  std::string module_hash_;
  TextEncoderSettings settings_;
  TextEmbeddingCache cache_;
};

// L2-normalises each row in place (rows of zeros stay zero).
void normalize_rows(EmbeddingMatrix& m);
// A [C, D] tensor (e.g. RegionCLIP's concept .pth) as normalised rows; checks C against the
// vocabulary size, naming `source`.
EmbeddingMatrix embeddings_from_tensor(const HostTensor& tensor, std::size_t expected_rows,
                                       const std::string& source);

}  // namespace ovbench
