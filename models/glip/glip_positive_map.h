#pragma once
// GLIP's positive map: which BERT tokens of the prompt belong to which label, found from the
// labels' character spans through the tokenizer's character offsets, and the token input the
// GLIP module takes for that prompt.
//
// Reference: GLIP maskrcnn_benchmark/engine/inference.py create_positive_dict (detection) and
// maskrcnn_benchmark/data/datasets/modulated_coco.py create_positive_map (grounding). For a span
// [beg, end): the first token is char_to_token(beg), else of beg + 1, else beg + 2; the last is
// char_to_token(end - 1), else end - 2, else end - 3; a span for which either stays unfound is
// skipped; every token from first to last (inclusive) belongs to the label.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/bert_tokenizer.h"
#include "models/glip/glip_prompt.h"

namespace ovbench {

struct GlipPositiveMap {
  // labels[i] owns token indices tokens[i] (indices into the tokenisation with [CLS] at 0).
  // A label none of whose spans found a token is absent (GLIP's defaultdict never gets it), so
  // it scores 0 and is never detected.
  std::vector<std::int64_t> labels;
  std::vector<std::vector<std::size_t>> tokens;
};

// Detection prompts (create_positive_dict): one entry per label that found tokens, in prompt
// order, token indices in span order. The prompt is tokenised without truncation as GLIP does
// here; a token index the module cannot see (>= max_length - 1, where truncation puts [SEP])
// throws std::invalid_argument naming the label: the prompt is too long, use smaller chunks.
GlipPositiveMap glip_positive_map(const GlipPrompt& prompt, const BertTokenizer& tokenizer,
                                  std::size_t max_length = BertTokenizer::kGlipMaxLength);

// A caption's phrases, each with one or more character spans (tokens_positive_eval in MDETR's
// Flickr30K json). Phrase j gets label j + plus (plus = 1 for GLIP's VLDYHEAD, as
// tools/test_grounding_net.py -> engine/inference.py passes to
// create_positive_map_label_to_token_from_positive_map) and the sorted set of its tokens (the
// 0/1 map's nonzero columns); every phrase is present, possibly with no tokens.
GlipPositiveMap glip_phrase_positive_map(const std::string& caption,
                                         const std::vector<std::vector<GlipCharSpan>>& phrases,
                                         const BertTokenizer& tokenizer, std::int64_t plus = 1,
                                         std::size_t max_length = BertTokenizer::kGlipMaxLength);

// The GLIP module's text input for a prompt: token ids truncated to max_length and padded with
// [PAD] to max_length (MODEL.LANGUAGE_BACKBONE.PAD_MAX = True, MAX_QUERY_LEN = 256 in
// config/defaults.py; modeling/detector/generalized_vl_rcnn.py tokenises with
// padding='max_length', truncation=True), and the attention mask (1 for real tokens).
struct GlipTextInput {
  std::vector<std::int64_t> input_ids;
  std::vector<std::int64_t> attention_mask;
};
GlipTextInput glip_text_input(const std::string& prompt, const BertTokenizer& tokenizer,
                              std::size_t max_length = BertTokenizer::kGlipMaxLength);

}  // namespace ovbench
