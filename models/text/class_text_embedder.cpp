#include "models/text/class_text_embedder.h"

#include <cmath>

#include "core/content_hash.h"
#include "core/errors.h"
#include "models/clip_tokenizer.h"
#include "models/text/prompt_templates.h"

namespace ovbench {

void normalize_rows(EmbeddingMatrix& m) {
  for (std::int64_t r = 0; r < m.rows; ++r) {
    float* row = m.values.data() + r * m.dim;
    double sum = 0;
    for (std::int64_t d = 0; d < m.dim; ++d) sum += static_cast<double>(row[d]) * row[d];
    if (sum <= 0) continue;
    const float inv = static_cast<float>(1.0 / std::sqrt(sum));
    for (std::int64_t d = 0; d < m.dim; ++d) row[d] *= inv;
  }
}

EmbeddingMatrix embeddings_from_tensor(const HostTensor& t, std::size_t expected_rows,
                                       const std::string& source) {
  if (t.type != TensorType::float32 || t.shape.size() != 2)
    throw InputError(source + ": expected a float tensor [C, D], got shape " + t.shape_string());
  if (static_cast<std::size_t>(t.shape[0]) != expected_rows)
    throw InputError(source + ": holds " + std::to_string(t.shape[0]) +
                     " class embeddings, the vocabulary has " + std::to_string(expected_rows));
  EmbeddingMatrix m;
  m.rows = t.shape[0];
  m.dim = t.shape[1];
  m.values = t.f32;
  normalize_rows(m);
  return m;
}

ClassTextEmbedder::ClassTextEmbedder(ScriptModule& text_module, std::string module_hash,
                                     TextEncoderSettings settings, TextEmbeddingCache cache)
    : module_(text_module), module_hash_(std::move(module_hash)), settings_(std::move(settings)),
      cache_(std::move(cache)) {
  require_method(module_, kMethod, kSignature);
}

TextEmbeddingResult ClassTextEmbedder::embed_names(const std::vector<std::string>& names) {
  std::vector<std::string> prompts;
  std::vector<std::size_t> offsets{0};
  for (const auto& name : names) {
    for (auto& p : prompts_for_name(name, settings_)) prompts.push_back(std::move(p));
    offsets.push_back(prompts.size());
  }
  return embed_grouped(prompts, offsets, settings_.ensembling == "normalize-mean");
}

TextEmbeddingResult ClassTextEmbedder::embed_texts(const std::vector<std::string>& texts) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i <= texts.size(); ++i) offsets.push_back(i);
  return embed_grouped(texts, offsets, true);
}

TextEmbeddingResult ClassTextEmbedder::embed_grouped(const std::vector<std::string>& prompts,
                                                     const std::vector<std::size_t>& offsets,
                                                     bool normalize_each) {
  TextEmbeddingResult result;
  if (prompts.empty()) return result;  // an empty vocabulary: nothing to embed
  // The key covers everything the numbers depend on; prompts are joined with a separator that
  // cannot occur inside one (they are single lines of text).
  std::string identity = module_hash_ + "\nclip-bpe-16e6\n" + (normalize_each ? "normalize-mean" : "mean");
  for (std::size_t r = 0; r + 1 < offsets.size(); ++r) {
    identity += "\n#";
    for (std::size_t i = offsets[r]; i < offsets[r + 1]; ++i) {
      identity += '\n';
      identity += prompts[i];
    }
  }
  result.cache_key = content_hash(identity);
  if (auto cached = cache_.load(result.cache_key);
      cached && cached->rows == static_cast<std::int64_t>(offsets.size() - 1)) {
    result.embeddings = std::move(*cached);
    result.from_cache = true;
    return result;
  }

  const auto& tokenizer = ClipTokenizer::builtin();
  const std::int64_t context = static_cast<std::int64_t>(ClipTokenizer::kContextLength);
  std::vector<float> prompt_embeddings;
  std::int64_t dim = 0;
  for (std::size_t start = 0; start < prompts.size(); start += settings_.batch_size) {
    const std::size_t end = std::min(prompts.size(), start + static_cast<std::size_t>(settings_.batch_size));
    std::vector<std::int64_t> tokens;
    tokens.reserve((end - start) * context);
    for (std::size_t i = start; i < end; ++i)
      for (auto id : pad_clip_tokens(tokenizer.tokenize(prompts[i]))) tokens.push_back(id);
    const auto n = static_cast<std::int64_t>(end - start);
    auto out = module_.call(kMethod, {HostTensor::ints({n, context}, std::move(tokens))});
    ++result.forward_calls;
    if (out.empty() || out[0].size() != 1 || out[0][0].shape.size() != 2 || out[0][0].shape[0] != n ||
        out[0][0].type != TensorType::float32)
      throw InputError(module_.path() + ": " + kMethod + " must return one float tensor [N, D] for N = " +
                       std::to_string(n) + " prompts; got " +
                       (out.empty() || out[0].empty() ? std::string("nothing") : out[0][0].shape_string()));
    const auto& emb = out[0][0];
    if (dim == 0) dim = emb.shape[1];
    if (emb.shape[1] != dim) throw InputError(module_.path() + ": encode_text changed its output width");
    prompt_embeddings.insert(prompt_embeddings.end(), emb.f32.begin(), emb.f32.end());
  }

  EmbeddingMatrix& m = result.embeddings;
  m.rows = static_cast<std::int64_t>(offsets.size() - 1);
  m.dim = dim;
  m.values.assign(static_cast<std::size_t>(m.rows * dim), 0.0f);
  std::vector<double> acc(static_cast<std::size_t>(dim));
  for (std::int64_t r = 0; r < m.rows; ++r) {
    std::fill(acc.begin(), acc.end(), 0.0);
    const std::size_t first = offsets[r], last = offsets[r + 1];
    for (std::size_t p = first; p < last; ++p) {
      const float* e = prompt_embeddings.data() + p * dim;
      double scale = 1.0;
      if (normalize_each) {
        double sum = 0;
        for (std::int64_t d = 0; d < dim; ++d) sum += static_cast<double>(e[d]) * e[d];
        scale = sum > 0 ? 1.0 / std::sqrt(sum) : 0.0;
      }
      for (std::int64_t d = 0; d < dim; ++d) acc[d] += e[d] * scale;
    }
    const double count = static_cast<double>(last - first);
    for (std::int64_t d = 0; d < dim; ++d) m.values[r * dim + d] = static_cast<float>(acc[d] / count);
  }
  normalize_rows(m);
  cache_.store(result.cache_key, m);
  return result;
}

}  // namespace ovbench
