#pragma once
// CLIP's byte-level BPE tokenizer, token for token as openai/CLIP clip/simple_tokenizer.py
// (d05afc4) and clip.tokenize (clip/clip.py), minus ftfy (docs/tokenizers.md says what that
// changes). Used by ViLD, RegionCLIP, DenseCLIP and CLIP-on-crops. Immutable after
// construction, so one instance serves every thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ovbench {

class ClipTokenizer {
 public:
  static constexpr std::size_t kContextLength = 77;  // every CLIP model

  // The merges file openai/CLIP ships (embedded: models/data/bpe_simple_vocab_16e6.txt.gz).
  static const ClipTokenizer& builtin();
  // From the (already inflated) text of a merges file; `source` names it in errors.
  ClipTokenizer(std::string_view merges_text, const std::string& source);

  // SimpleTokenizer.encode: BPE ids of UTF-8 text, without <|startoftext|>/<|endoftext|>.
  // Invalid UTF-8 is decoded as Python's errors="replace" would (utf8.h).
  std::vector<std::int32_t> encode(std::string_view utf8_text) const;

  // clip.tokenize for one text, unpadded: [SOT] + encode(text) + [EOT]. Longer than
  // `context_length`: with `truncate`, the first context_length ids with the last set to EOT;
  // without, InputError ("Input ... is too long for context length 77"), as clip.tokenize
  // raises RuntimeError.
  std::vector<std::int32_t> tokenize(std::string_view utf8_text,
                                     std::size_t context_length = kContextLength,
                                     bool truncate = true) const;

  // The vocabulary entry of an id (byte-level form, e.g. "photo</w>"); throws out_of_range.
  const std::string& token(std::int32_t id) const { return vocab_.at(static_cast<std::size_t>(id)); }
  std::size_t vocab_size() const { return vocab_.size(); }
  std::int32_t start_of_text() const { return sot_; }
  std::int32_t end_of_text() const { return eot_; }

 private:
  struct Merge {
    std::int32_t rank;
    std::int32_t merged;
  };
  void bpe(std::string_view piece_bytes, std::vector<std::int32_t>& out) const;
  const Merge* find_merge(std::int32_t first, std::int32_t second) const;

  std::vector<std::string> vocab_;                          // id -> token
  std::unordered_map<std::string, std::int32_t> encoder_;  // token -> id (last one wins)
  std::unordered_map<std::uint64_t, Merge> merges_;        // (first id, second id) -> merge
  std::int32_t byte_id_[256]{};                            // byte -> id of its character
  std::int32_t byte_end_id_[256]{};                        // byte -> id of character + "</w>"
  std::int32_t sot_ = 0;
  std::int32_t eot_ = 0;
};

// clip.tokenize's tensor row: ids zero-padded to `context_length`.
std::vector<std::int32_t> pad_clip_tokens(std::vector<std::int32_t> ids,
                                          std::size_t context_length = ClipTokenizer::kContextLength);

}  // namespace ovbench
