// GLIP prompt construction, name cleaning, chunking and positive maps, against values derived
// by hand from GLIP's create_queries_and_maps / clean_name / create_positive_dict.

#include "models/glip/glip_prompt.h"

#include <gtest/gtest.h>

#include "models/bert_tokenizer.h"
#include "models/glip/glip_positive_map.h"

namespace ovbench {
namespace {

using Tokens = std::vector<std::vector<std::size_t>>;

TEST(GlipCleanName, RegexSemantics) {
  EXPECT_EQ(glip_clean_name("bow_(weapon)"), "bow ");
  EXPECT_EQ(glip_clean_name("traffic_light"), "traffic light");
  EXPECT_EQ(glip_clean_name("person"), "person");
  // Greedy: from the first "(" to the last ")".
  EXPECT_EQ(glip_clean_name("a (b) c (d)"), "a ");
  // "x__z" -> "x  z" -> "x z"; three spaces become two (one non-overlapping pass).
  EXPECT_EQ(glip_clean_name("x_(y)_z"), "x z");
  EXPECT_EQ(glip_clean_name("a   b"), "a  b");
  // No ")" after the "(" on its line: nothing removed.
  EXPECT_EQ(glip_clean_name("(unclosed"), "(unclosed");
  EXPECT_EQ(glip_clean_name("a)(b"), "a)(b");
  EXPECT_EQ(glip_clean_name("l(x\n)y"), "l(x\n)y");
}

TEST(GlipPrompt, NamesJoinedWithSpans) {
  const GlipPrompt p =
      build_glip_prompt({1, 2, 3, 4}, {"person", "traffic_light", "bow_(weapon)", "frisbee"});
  EXPECT_EQ(p.text, "person. traffic light. bow . frisbee");
  EXPECT_EQ(p.labels, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(p.spans, (std::vector<GlipCharSpan>{{0, 6}, {8, 21}, {23, 27}, {29, 36}}));
}

TEST(GlipPrompt, SpansCountCodePoints) {
  // "crème" is 5 code points, 6 bytes.
  const GlipPrompt p = build_glip_prompt({5, 9}, {"cr\xC3\xA8me", "cat"});
  EXPECT_EQ(p.text, "cr\xC3\xA8me. cat");
  EXPECT_EQ(p.spans, (std::vector<GlipCharSpan>{{0, 5}, {7, 10}}));
}

TEST(GlipPrompt, CaptionPromptAndAdditionalTexts) {
  const std::vector<GlipCaptionPrompt> caption{{"a ", "fish_x", " swimming"}, {"", "shark", ""}};
  GlipPromptOptions options;
  options.caption_prompt = &caption;
  options.additional_texts = {"sea", "rock"};
  const GlipPrompt p = build_glip_prompt({1, 2}, {"ignored", "ignored"}, options);
  // The caption prompt's name is used as written, not cleaned.
  EXPECT_EQ(p.text, "a fish_x swimming. shark. sea. rock");
  EXPECT_EQ(p.spans, (std::vector<GlipCharSpan>{{2, 8}, {19, 24}}));
  EXPECT_THROW(build_glip_prompt({1}, {"a", "b"}), std::invalid_argument);
}

TEST(GlipPrompt, Chunks) {
  using C = std::vector<std::pair<std::size_t, std::size_t>>;
  EXPECT_EQ(glip_prompt_chunks(85, 40), (C{{0, 40}, {40, 80}, {80, 85}}));
  EXPECT_EQ(glip_prompt_chunks(80, 40), (C{{0, 40}, {40, 80}}));
  EXPECT_EQ(glip_prompt_chunks(85, -1), (C{{0, 85}}));
}

TEST(GlipPositiveMap, MultiTokenNamesAndTrailingSpaceFallback) {
  const GlipPrompt p =
      build_glip_prompt({1, 2, 3, 4}, {"person", "traffic_light", "bow_(weapon)", "frisbee"});
  // Tokens: [CLS] person . traffic light . bow . fr ##is ##bee [SEP]
  //          0      1     2  3       4    5  6  7  8   9    10   11
  // "bow " ends on a space: char_to_token(end - 1) finds nothing, end - 2 finds "bow".
  const GlipPositiveMap m = glip_positive_map(p, BertTokenizer::builtin());
  EXPECT_EQ(m.labels, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(m.tokens, (Tokens{{1}, {3, 4}, {6}, {8, 9, 10}}));
}

TEST(GlipPositiveMap, LabelWithNoTokensIsAbsent) {
  // A caption-prompt name of spaces only maps to no token: GLIP skips the span.
  const std::vector<GlipCaptionPrompt> caption{{"", "dog", ""}, {"", "   ", ""}};
  GlipPromptOptions options;
  options.caption_prompt = &caption;
  const GlipPositiveMap m =
      glip_positive_map(build_glip_prompt({7, 8}, {"", ""}, options), BertTokenizer::builtin());
  EXPECT_EQ(m.labels, (std::vector<std::int64_t>{7}));
  EXPECT_EQ(m.tokens, (Tokens{{1}}));
}

TEST(GlipPositiveMap, TooLongPromptIsAnError) {
  std::vector<std::int64_t> labels;
  std::vector<std::string> names;
  for (int i = 0; i < 200; ++i) {
    labels.push_back(i + 1);
    names.push_back("dog");  // "dog" and "." are one token each: 400 tokens
  }
  EXPECT_THROW(glip_positive_map(build_glip_prompt(labels, names), BertTokenizer::builtin()),
               std::invalid_argument);
  // The first 127 names fit: name k is token 2k + 1 <= 253 < 255.
  labels.resize(127);
  names.resize(127);
  const GlipPositiveMap m =
      glip_positive_map(build_glip_prompt(labels, names), BertTokenizer::builtin());
  EXPECT_EQ(m.tokens.back(), (std::vector<std::size_t>{253}));
}

TEST(GlipPositiveMap, PhrasesWithSeveralSpansAndLeadingSpace) {
  // "a red car and a dog": [CLS] a red car and a dog [SEP]
  //                        0     1 2   3   4   5 6
  const std::string caption = "a red car and a dog";
  // Phrase 0: " red car" starts on a space (beg + 1 finds "red"); phrase 1: "a dog" twice
  // over (duplicates merge) plus "a" at the start; phrase 2 covers only a space.
  const GlipPositiveMap m = glip_phrase_positive_map(
      caption, {{{1, 9}}, {{14, 19}, {14, 19}, {0, 1}}, {{13, 14}}}, BertTokenizer::builtin());
  EXPECT_EQ(m.labels, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(m.tokens, (Tokens{{2, 3}, {1, 5, 6}, {}}));
  const GlipPositiveMap zero =
      glip_phrase_positive_map(caption, {{{0, 1}}}, BertTokenizer::builtin(), 0);
  EXPECT_EQ(zero.labels, (std::vector<std::int64_t>{0}));
}

TEST(GlipTextInput, PaddedToMaxLength) {
  const GlipTextInput in = glip_text_input("person. car", BertTokenizer::builtin(), 8);
  // [CLS] person . car [SEP] [PAD] x3
  EXPECT_EQ(in.input_ids, (std::vector<std::int64_t>{101, 2711, 1012, 2482, 102, 0, 0, 0}));
  EXPECT_EQ(in.attention_mask, (std::vector<std::int64_t>{1, 1, 1, 1, 1, 0, 0, 0}));
  EXPECT_EQ(glip_text_input("person", BertTokenizer::builtin()).input_ids.size(), 256u);
}

}  // namespace
}  // namespace ovbench
