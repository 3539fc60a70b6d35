// The CLIP and BERT tokenisers against the known tokenisations in
// tests/fixtures/tokenizer_vectors.json (copied from ../shared/data: public vectors, and ids
// computed with the reference tokenisers, see its "verification"), plus edge cases.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "models/bert_basic_tokenizer.h"
#include "models/bert_tokenizer.h"
#include "models/clip_tokenizer.h"
#include "models/utf8.h"

namespace ovbench {
namespace {

const nlohmann::json& vectors() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(OVBENCH_SOURCE_DIR) + "/tests/fixtures/tokenizer_vectors.json");
    std::stringstream s;
    s << in.rdbuf();
    return nlohmann::json::parse(s.str());
  }();
  return doc;
}

TEST(ClipTokenizer, KnownTokenisations) {
  const auto& tok = ClipTokenizer::builtin();
  ASSERT_EQ(tok.vocab_size(), 49408u);
  const auto& list = vectors()["clip"]["vectors"];
  ASSERT_GT(list.size(), 10u);
  for (const auto& v : list) {
    const auto ids = tok.tokenize(v["text"].get<std::string>());
    EXPECT_EQ(ids, v["ids"].get<std::vector<std::int32_t>>()) << v["text"];
  }
}

TEST(ClipTokenizer, EdgeCases) {
  const auto& tok = ClipTokenizer::builtin();
  EXPECT_EQ(tok.tokenize(""), (std::vector<std::int32_t>{49406, 49407}));
  // Invalid UTF-8 must not crash and gives a defined answer (U+FFFD, as errors="replace").
  const auto bad = tok.tokenize(std::string("a\xff\xfe photo", 8));
  EXPECT_EQ(bad.front(), 49406);
  EXPECT_EQ(bad.back(), 49407);
  // Longer than 77: the first 77 ids with the last one EOT (clip.tokenize(truncate=True)).
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "cat ";
  const auto t = tok.tokenize(long_text);
  ASSERT_EQ(t.size(), 77u);
  EXPECT_EQ(t[76], 49407);
  EXPECT_EQ(t[1], 2368);  // "cat</w>"
  EXPECT_THROW(tok.tokenize(long_text, 77, false), std::exception);
}

TEST(BertTokenizer, KnownTokenisations) {
  const auto& tok = BertTokenizer::builtin();
  const auto& list = vectors()["bert_base_uncased"]["vectors"];
  ASSERT_GT(list.size(), 10u);
  for (const auto& v : list) {
    const std::string text = v["text"].get<std::string>();
    EXPECT_EQ(tok.wordpieces(text), v["wordpieces"].get<std::vector<std::string>>()) << text;
    EXPECT_EQ(tok.tokenize(text).ids, v["ids_with_cls_sep"].get<std::vector<std::int32_t>>()) << text;
  }
}

TEST(BertTokenizer, BasicTokenizerPublicCase) {
  const auto& c = vectors()["bert_base_uncased"]["basic_tokenizer_public_case"];
  std::vector<std::string> words;
  for (const auto& w : bert_basic_tokenize(decode_utf8(c["text"].get<std::string>()))) words.push_back(encode_utf8(w.text));
  EXPECT_EQ(words, c["basic_tokens"].get<std::vector<std::string>>());
}

TEST(BertTokenizer, UnknownWordsTruncationAndBadBytes) {
  const auto& tok = BertTokenizer::builtin();
  // A word of more than 100 characters is one [UNK] (max_input_chars_per_word).
  EXPECT_EQ(tok.wordpieces(std::string(101, 'a')), (std::vector<std::string>{"[UNK]"}));
  // A character no piece covers makes the whole word [UNK].
  EXPECT_EQ(tok.wordpieces("cat\xe2\x98\x83" "dog"), (std::vector<std::string>{"[UNK]"}));  // cat☃dog
  std::string many;
  for (int i = 0; i < 300; ++i) many += "cat ";
  const auto t = tok.tokenize(many);
  ASSERT_EQ(t.ids.size(), 256u);
  EXPECT_EQ(t.ids.front(), 101);
  EXPECT_EQ(t.ids.back(), 102);
  EXPECT_NO_THROW(tok.tokenize(std::string("\xc3\x28\xff", 3)));
  EXPECT_EQ(tok.tokenize("").ids, (std::vector<std::int32_t>{101, 102}));
}

}  // namespace
}  // namespace ovbench
