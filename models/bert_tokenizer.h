#pragma once
// bert-base-uncased tokenisation as HuggingFace's BertTokenizer does it for GLIP: the basic
// tokenizer (bert_basic_tokenizer.h), then WordPiece per word (greedy longest match first from
// the left, continuations prefixed "##"; a word of more than 100 characters, or with any position
// that matches nothing, is one [UNK]), then [CLS] ... [SEP], truncated to max_length.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ovbench {

// A token's characters in the original text, as code-point indices [begin, end): what
// HuggingFace's BertTokenizerFast reports as offset_mapping. [CLS] and [SEP] get (0, 0).
struct BertTokenSpan {
  std::uint32_t begin = 0, end = 0;
  bool operator==(const BertTokenSpan&) const = default;
};

struct BertTokens {
  std::vector<std::string> tokens;  // with [CLS] and [SEP]
  std::vector<std::int32_t> ids;
  std::vector<BertTokenSpan> offsets;  // one per token
};

// HuggingFace Encoding.char_to_token: the first token whose span contains character
// `char_index` (a code-point index into the original text); nullopt for characters no token
// covers (whitespace, removed control characters) and for indices past the end.
std::optional<std::size_t> bert_char_to_token(const BertTokens& tokens, std::size_t char_index);

class BertTokenizer {
 public:
  static constexpr std::size_t kGlipMaxLength = 256;  // GLIP's MODEL.LANGUAGE_BACKBONE.MAX_QUERY_LEN

  // The embedded models/data/bert-base-uncased-vocab.txt.
  static const BertTokenizer& builtin();
  // One token per line, id = line number; `source` names the file in errors.
  BertTokenizer(std::string_view vocab_text, const std::string& source);

  // WordPiece tokens (no [CLS]/[SEP]) of UTF-8 text; invalid UTF-8 decodes as U+FFFD, which
  // the basic tokenizer removes.
  std::vector<std::string> wordpieces(std::string_view utf8_text) const;
  // [CLS] + wordpieces + [SEP], keeping the first max_length - 2 wordpieces (truncation=True).
  BertTokens tokenize(std::string_view utf8_text, std::size_t max_length = kGlipMaxLength) const;
  std::int32_t id_of(const std::string& token) const;  // [UNK]'s id when absent
  std::int32_t pad_id() const { return pad_; }

 private:
  struct Piece {
    std::string text;
    BertTokenSpan span;
  };
  std::vector<Piece> pieces(std::string_view utf8_text) const;

  std::unordered_map<std::string, std::int32_t> vocab_;
  std::int32_t unk_ = 100, cls_ = 101, sep_ = 102, pad_ = 0;
};

}  // namespace ovbench
