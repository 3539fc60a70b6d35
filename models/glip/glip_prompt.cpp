#include "models/glip/glip_prompt.h"

#include <algorithm>
#include <stdexcept>

#include "models/utf8.h"

namespace ovbench {

std::string glip_clean_name(std::string_view name) {
  // re.sub(r"\(.*\)", "", name): scanning left to right, a match starts at a "(" and, '.' being
  // greedy and not matching "\n", ends at the last ")" before the next newline.
  std::string no_parens;
  for (std::size_t i = 0; i < name.size();) {
    if (name[i] == '(') {
      const std::size_t line_end = std::min(name.find('\n', i), name.size());
      const std::size_t close = name.substr(0, line_end).rfind(')');
      if (close != std::string_view::npos && close > i) {
        i = close + 1;
        continue;
      }
    }
    no_parens.push_back(name[i]);
    ++i;
  }
  for (char& c : no_parens) {
    if (c == '_') c = ' ';
  }
  // re.sub(r"  ", " ", name): non-overlapping, one pass.
  std::string out;
  for (std::size_t i = 0; i < no_parens.size(); ++i) {
    out.push_back(no_parens[i]);
    if (no_parens[i] == ' ' && i + 1 < no_parens.size() && no_parens[i + 1] == ' ') ++i;
  }
  return out;
}

std::size_t utf8_code_points(std::string_view text) {
  return decode_utf8(text).size();
}

GlipPrompt build_glip_prompt(const std::vector<std::int64_t>& labels,
                             const std::vector<std::string>& names,
                             const GlipPromptOptions& options) {
  if (labels.size() != names.size()) {
    throw std::invalid_argument("build_glip_prompt: " + std::to_string(labels.size()) +
                                " labels for " + std::to_string(names.size()) + " names");
  }
  const auto* caption = options.caption_prompt;
  if (caption != nullptr && caption->size() < names.size()) {
    throw std::invalid_argument("build_glip_prompt: " + std::to_string(caption->size()) +
                                " caption prompt entries for " + std::to_string(names.size()) +
                                " categories");
  }
  GlipPrompt p;
  p.labels = labels;
  std::size_t length = 0;  // code points in p.text so far
  const auto append = [&](std::string_view s) {
    p.text += s;
    length += utf8_code_points(s);
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (caption != nullptr) append((*caption)[i].prefix);
    const std::size_t begin = length;
    append(caption != nullptr ? (*caption)[i].name : glip_clean_name(names[i]));
    p.spans.push_back({begin, length});
    if (caption != nullptr) append((*caption)[i].suffix);
    if (i + 1 != names.size()) append(options.separator);
  }
  if (!options.additional_texts.empty()) {
    append(options.separator);
    for (std::size_t i = 0; i < options.additional_texts.size(); ++i) {
      append(options.additional_texts[i]);
      if (i + 1 != options.additional_texts.size()) append(options.separator);
    }
  }
  return p;
}

std::vector<std::pair<std::size_t, std::size_t>> glip_prompt_chunks(std::size_t n,
                                                                    long chunk_size) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (chunk_size <= 0) {
    out.emplace_back(0, n);
    return out;
  }
  const auto step = static_cast<std::size_t>(chunk_size);
  for (std::size_t begin = 0; begin < n; begin += step)
    out.emplace_back(begin, std::min(n, begin + step));
  return out;
}

}  // namespace ovbench
