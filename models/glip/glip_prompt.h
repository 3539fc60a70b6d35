#pragma once
// GLIP's detection prompt: category names joined into one caption, each name's character span
// remembered so the positive map can find its tokens. Follows GLIP
// maskrcnn_benchmark/engine/inference.py create_queries_and_maps (and clean_name,
// chunks, create_queries_and_maps_from_dataset).
//
// Character positions are code-point indices into the UTF-8 prompt (Python's len()/indexing
// on str, which is what GLIP's spans and HuggingFace's char_to_token use).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

// DATASETS.SEPARATION_TOKENS: ". " in every GLIP config (configs/pretrain/glip_*.yaml; the
// library default in config/defaults.py is " ", which no released config uses).
inline constexpr std::string_view kGlipSeparator = ". ";

// GLIP's clean_name: re.sub(r"\(.*\)", "", name) (greedy: from a "(" to the last ")" on the same
// line), then "_" -> " ", then each non-overlapping "  " -> " " (one pass, so three spaces
// become two). E.g. "bow_(weapon)" -> "bow " (the trailing space stays), "traffic_light" ->
// "traffic light".
std::string glip_clean_name(std::string_view name);

// A per-category caption prompt entry (DATASETS.CAPTION_PROMPT, used by the ODinW configs when
// DATASETS.USE_CAPTION_PROMPT is True): the category's text is prefix + name + suffix, and only
// `name` is its span. The name is used as written (GLIP does not clean it).
struct GlipCaptionPrompt {
  std::string prefix;
  std::string name;
  std::string suffix;
};

struct GlipCharSpan {
  std::size_t begin = 0, end = 0;  // code points [begin, end)
  bool operator==(const GlipCharSpan&) const = default;
};

struct GlipPrompt {
  std::string text;
  std::vector<std::int64_t> labels;  // one per category, in prompt order
  std::vector<GlipCharSpan> spans;   // spans[i]: labels[i]'s name in text
};

struct GlipPromptOptions {
  std::string separator{kGlipSeparator};
  // Parallel to the categories of one prompt when set (GLIP indexes caption_prompt by the
  // position inside the prompt, so with chunking every chunk reuses the first entries).
  const std::vector<GlipCaptionPrompt>* caption_prompt = nullptr;
  // DATASETS.SUPRESS_QUERY (with USE_SUPRESS_QUERY): extra texts appended after the names,
  // separated the same way, with no label. Empty by default.
  std::vector<std::string> additional_texts;
};

// The prompt for one list of categories: cleaned names (or caption prompts) joined by the
// separator, nothing after the last name: "person. bicycle. car".
// labels and names are parallel.
GlipPrompt build_glip_prompt(const std::vector<std::int64_t>& labels,
                             const std::vector<std::string>& names,
                             const GlipPromptOptions& options = {});

// TEST.CHUNKED_EVALUATION: split [0, n) into consecutive chunks of `chunk_size` (the last one
// shorter); chunk_size <= 0 (GLIP's -1 default) means one chunk. GLIP's LVIS evaluation
// passes 40 on the command line (README.md "LVIS Evaluation"). Returns [begin, end) pairs.
std::vector<std::pair<std::size_t, std::size_t>> glip_prompt_chunks(std::size_t n, long chunk_size);

// Number of code points in UTF-8 text (invalid bytes count as one each, as the tokenizer's
// decoder turns them into one U+FFFD each).
std::size_t utf8_code_points(std::string_view text);

}  // namespace ovbench
