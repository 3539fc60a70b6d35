#pragma once
// HuggingFace BertTokenizer's text splitting for bert-base-uncased (transformers
// models/bert/tokenization_bert.py BasicTokenizer, do_lower_case=True, strip_accents=None,
// tokenize_chinese_chars=True), on decoded text:
//   split around the special tokens ([UNK] [SEP] [PAD] [CLS] [MASK], matched case-sensitively
//   anywhere, as the added-token trie of PreTrainedTokenizer.tokenize does; they are never
//   lower-cased or split);
//   _clean_text: drop U+0000, U+FFFD and C* characters except \t \n \r; whitespace (\t \n \r,
//   ' ', Zs) -> ' ';
//   _tokenize_chinese_chars: spaces around CJK ideographs (BERT's eight blocks);
//   whitespace_tokenize (str.split());
//   per word: lower-case, NFD, drop Mn (_run_strip_accents), split off every punctuation
//   character (ASCII 33-47, 58-64, 91-96, 123-126, or P*) as its own word.
// Lower-casing is per code point (Σ -> σ always): PreTrainedTokenizer.tokenize lower-cases the
// non-special text one character at a time before BasicTokenizer runs, and the fast
// (Rust) tokenizer also maps each character alone, so neither applies Final_Sigma.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

struct BertWord {
  std::u32string text;
  bool special = false;  // one of the five special tokens, kept verbatim
  // origin[k]: index (in code points) into the input text of the character text[k] came from.
  // Lower-casing and NFD may turn one input character into several; all of them point at it.
  // This is what HuggingFace's fast tokenizer tracks to give each token its character offsets.
  std::vector<std::uint32_t> origin;
};

std::vector<BertWord> bert_basic_tokenize(std::u32string_view text);

}  // namespace ovbench
