// `ovbench tokenize` through the real binary: ids, JSON shape, "--", bad usage.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::run_ovbench;

TEST(TokenizeCli, ClipIdsOneLinePerText) {
  // openai/CLIP: clip.tokenize("a photo of a cat") starts 49406 320 1125 539 320 2368 49407.
  const auto r = run_ovbench({"tokenize", "--tokenizer", "clip", "a photo of a cat", "dog"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "49406 320 1125 539 320 2368 49407\n49406 1929 49407\n");
}

TEST(TokenizeCli, BertJsonAfterDoubleDash) {
  const auto r = run_ovbench({"tokenize", "--tokenizer", "bert", "--json", "--", "person. bicycle.", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["text"], "person. bicycle.");
  EXPECT_EQ(j[0]["tokens"], (std::vector<std::string>{"[CLS]", "person", ".", "bicycle", ".", "[SEP]"}));
  EXPECT_EQ(j[0]["ids"], (std::vector<int>{101, 2711, 1012, 10165, 1012, 102}));
  EXPECT_EQ(j[1]["text"], "--help");  // after "--", a text, not an option
}

TEST(TokenizeCli, InvalidUtf8AndUsageErrors) {
  const auto bad = run_ovbench({"tokenize", "--tokenizer", "clip", "--json", std::string("caf\xe9", 4)});
  EXPECT_EQ(bad.exit_code, 0) << bad.err;
  EXPECT_NO_THROW(nlohmann::json::parse(bad.out));
  EXPECT_EQ(run_ovbench({"tokenize", "--tokenizer", "gpt2", "x"}).exit_code, 2);
  EXPECT_EQ(run_ovbench({"tokenize", "x"}).exit_code, 2);
  EXPECT_EQ(run_ovbench({"tokenize", "--tokenizer", "bert"}).exit_code, 2);
}

}  // namespace
}  // namespace ovbench
