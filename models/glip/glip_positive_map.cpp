#include "models/glip/glip_positive_map.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>

namespace ovbench {

namespace {

constexpr std::size_t kNoTruncation = std::numeric_limits<std::size_t>::max();

// char_to_token for a possibly negative position (GLIP computes beg + 1, end - 2, ... without
// bounds checks; a position outside the text finds no token).
std::optional<std::size_t> token_at(const BertTokens& t, long long pos) {
  if (pos < 0) return std::nullopt;
  return bert_char_to_token(t, static_cast<std::size_t>(pos));
}

// The inclusive token range of one span, or nullopt when GLIP skips the span.
std::optional<std::pair<std::size_t, std::size_t>> span_tokens(const BertTokens& t,
                                                               GlipCharSpan s) {
  const auto beg = static_cast<long long>(s.begin);
  const auto end = static_cast<long long>(s.end);
  std::optional<std::size_t> first = token_at(t, beg);
  if (!first) first = token_at(t, beg + 1);
  if (!first) first = token_at(t, beg + 2);
  std::optional<std::size_t> last = token_at(t, end - 1);
  if (!last) last = token_at(t, end - 2);
  if (!last) last = token_at(t, end - 3);
  if (!first || !last) return std::nullopt;
  return std::make_pair(*first, *last);
}

void check_visible(std::size_t token, std::size_t max_length, std::int64_t label) {
  if (max_length >= 1 && token >= max_length - 1) {
    throw std::invalid_argument("GLIP positive map: label " + std::to_string(label) +
                                " needs token " + std::to_string(token) + ", beyond the " +
                                std::to_string(max_length) +
                                " tokens the model sees; split the vocabulary into smaller chunks");
  }
}

}  // namespace

GlipPositiveMap glip_positive_map(const GlipPrompt& prompt, const BertTokenizer& tokenizer,
                                  std::size_t max_length) {
  const BertTokens t = tokenizer.tokenize(prompt.text, kNoTruncation);
  GlipPositiveMap map;
  for (std::size_t j = 0; j < prompt.spans.size(); ++j) {
    const auto range = span_tokens(t, prompt.spans[j]);
    if (!range) continue;
    std::vector<std::size_t> tokens;
    // range(beg_pos, end_pos + 1): empty when the fallbacks cross (last < first).
    for (std::size_t i = range->first; i <= range->second; ++i) {
      check_visible(i, max_length, prompt.labels[j]);
      tokens.push_back(i);
    }
    // GLIP's defaultdict(list) gains the key only by appending.
    if (tokens.empty()) continue;
    map.labels.push_back(prompt.labels[j]);
    map.tokens.push_back(std::move(tokens));
  }
  return map;
}

GlipPositiveMap glip_phrase_positive_map(const std::string& caption,
                                         const std::vector<std::vector<GlipCharSpan>>& phrases,
                                         const BertTokenizer& tokenizer, std::int64_t plus,
                                         std::size_t max_length) {
  const BertTokens t = tokenizer.tokenize(caption, kNoTruncation);
  GlipPositiveMap map;
  for (std::size_t j = 0; j < phrases.size(); ++j) {
    const std::int64_t label = static_cast<std::int64_t>(j) + plus;
    std::vector<std::size_t> tokens;
    for (const GlipCharSpan& s : phrases[j]) {
      const auto range = span_tokens(t, s);
      if (!range) continue;
      for (std::size_t i = range->first; i <= range->second; ++i) {
        check_visible(i, max_length, label);
        tokens.push_back(i);
      }
    }
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    map.labels.push_back(label);
    map.tokens.push_back(std::move(tokens));
  }
  return map;
}

GlipTextInput glip_text_input(const std::string& prompt, const BertTokenizer& tokenizer,
                              std::size_t max_length) {
  const BertTokens t = tokenizer.tokenize(prompt, max_length);
  GlipTextInput in;
  in.input_ids.assign(t.ids.begin(), t.ids.end());
  in.attention_mask.assign(t.ids.size(), 1);
  in.input_ids.resize(std::max(max_length, t.ids.size()), tokenizer.pad_id());
  in.attention_mask.resize(in.input_ids.size(), 0);
  return in;
}

}  // namespace ovbench
