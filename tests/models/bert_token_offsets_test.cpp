// Character offsets of BERT tokens (HuggingFace BertTokenizerFast offset_mapping and
// Encoding.char_to_token), derived by hand from the word pieces: offsets are code-point
// indices into the original text.

#include <gtest/gtest.h>

#include "models/bert_tokenizer.h"

namespace ovbench {
namespace {

using Spans = std::vector<BertTokenSpan>;

TEST(BertTokenOffsets, WordsPiecesAndPunctuation) {
  const BertTokens t = BertTokenizer::builtin().tokenize("person. frisbee");
  ASSERT_EQ(t.tokens,
            (std::vector<std::string>{"[CLS]", "person", ".", "fr", "##is", "##bee", "[SEP]"}));
  EXPECT_EQ(t.offsets, (Spans{{0, 0}, {0, 6}, {6, 7}, {8, 10}, {10, 12}, {12, 15}, {0, 0}}));
}

TEST(BertTokenOffsets, AccentsCountOriginalCharacters) {
  // "Naïve" with a precomposed ï is 5 code points; NFD + accent stripping gives "naive".
  const BertTokens a = BertTokenizer::builtin().tokenize("Na\xC3\xAFve ski");
  ASSERT_EQ(a.tokens, (std::vector<std::string>{"[CLS]", "naive", "ski", "[SEP]"}));
  EXPECT_EQ(a.offsets, (Spans{{0, 0}, {0, 5}, {6, 9}, {0, 0}}));
  // Decomposed input: i + U+0308 is two code points, so the word spans 6.
  const BertTokens d = BertTokenizer::builtin().tokenize("nai\xCC\x88ve ski");
  ASSERT_EQ(d.tokens, a.tokens);
  EXPECT_EQ(d.offsets, (Spans{{0, 0}, {0, 6}, {7, 10}, {0, 0}}));
}

TEST(BertTokenOffsets, SpecialTokensControlCharactersAndCjk) {
  // A control character (U+0001) is removed but still occupies its index; "[MASK]" is kept whole.
  const BertTokens t = BertTokenizer::builtin().tokenize(
      "a\x01"
      "b [MASK]");
  ASSERT_EQ(t.tokens, (std::vector<std::string>{"[CLS]", "ab", "[MASK]", "[SEP]"}));
  EXPECT_EQ(t.offsets, (Spans{{0, 0}, {0, 3}, {4, 10}, {0, 0}}));
  // Each CJK ideograph is its own word.
  const BertTokens c = BertTokenizer::builtin().tokenize("x\xE4\xB8\x80y");
  ASSERT_EQ(c.tokens.size(), 5u);
  EXPECT_EQ(c.offsets, (Spans{{0, 0}, {0, 1}, {1, 2}, {2, 3}, {0, 0}}));
}

TEST(BertTokenOffsets, CharToToken) {
  const BertTokens t = BertTokenizer::builtin().tokenize("person. frisbee");
  EXPECT_EQ(bert_char_to_token(t, 0), 1u);
  EXPECT_EQ(bert_char_to_token(t, 5), 1u);
  EXPECT_EQ(bert_char_to_token(t, 6), 2u);
  EXPECT_EQ(bert_char_to_token(t, 7), std::nullopt);  // the space
  EXPECT_EQ(bert_char_to_token(t, 11), 4u);
  EXPECT_EQ(bert_char_to_token(t, 14), 5u);
  EXPECT_EQ(bert_char_to_token(t, 15), std::nullopt);  // past the end
}

TEST(BertTokenOffsets, TruncationKeepsOffsetsOfKeptTokens) {
  const BertTokens t = BertTokenizer::builtin().tokenize("a b c d", 4);
  ASSERT_EQ(t.tokens, (std::vector<std::string>{"[CLS]", "a", "b", "[SEP]"}));
  EXPECT_EQ(t.offsets, (Spans{{0, 0}, {0, 1}, {2, 3}, {0, 0}}));
}

}  // namespace
}  // namespace ovbench
