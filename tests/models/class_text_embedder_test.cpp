// Prompts, template ensembles and the text-embedding cache, with a fake text module.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unistd.h>

#include "core/errors.h"
#include "fake_script_module.h"
#include "models/clip_tokenizer.h"
#include "models/text/class_text_embedder.h"
#include "models/text/prompt_templates.h"

namespace ovbench {
namespace {

using testing::FakeScriptModule;

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("ovbench-text-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

// encode_text: row n = [1, 0] for prompts without "sketch", [0, 3] for prompts with it.
void add_sketch_encoder(FakeScriptModule& m) {
  const auto sketch = ClipTokenizer::builtin().encode("sketch").at(0);
  m.add("encode_text", [sketch](const std::vector<HostTensor>& in) {
    const auto& t = in.at(0);
    std::vector<float> out;
    for (std::int64_t n = 0; n < t.shape[0]; ++n) {
      const bool has = std::count(t.i64.begin() + n * 77, t.i64.begin() + (n + 1) * 77, sketch) > 0;
      out.push_back(has ? 0.f : 1.f);
      out.push_back(has ? 3.f : 0.f);
    }
    return ModuleOutput{{HostTensor::floats({t.shape[0], 2}, out)}};
  });
}

TextEncoderSettings two_templates(const std::string& ensembling) {
  TextEncoderSettings s;
  s.templates = "custom";
  s.custom_templates = {"a photo of a {}.", "a sketch of a {}."};
  s.ensembling = ensembling;
  return s;
}

TEST(PromptTemplates, VildArticleNameProcessingAndThisIsPrefix) {
  TextEncoderSettings s;
  s.templates = "vild-63";
  const auto apple = prompts_for_name("apple", s);
  ASSERT_EQ(apple.size(), 63u);
  EXPECT_EQ(apple[0], "There is an apple in the scene.");  // article from the raw name
  const auto light = prompts_for_name("traffic_light", s);
  // "a photo of {article} {}." starts with 'a': FLAGS.this_is prefixes it.
  EXPECT_NE(std::find(light.begin(), light.end(), "This is a photo of a traffic light."), light.end());
  EXPECT_NE(std::find(light.begin(), light.end(), "itap of a traffic light."), light.end());
}

TEST(PromptTemplates, RegionClipAndClipNameProcessing) {
  TextEncoderSettings s;
  s.templates = "regionclip";
  const auto p = prompts_for_name("bow_(weapon)", s);
  ASSERT_EQ(p.size(), 81u);
  EXPECT_EQ(p[0], "bow weapon.");
  EXPECT_EQ(p[1], "a photo of a bow weapon.");
  s.templates = "clip-80";
  EXPECT_EQ(prompts_for_name("hot_dog", s).size(), 80u);
  s.templates = "single";
  EXPECT_EQ(prompts_for_name("hot_dog", s), std::vector<std::string>{"a photo of a hot dog."});
}

TEST(ClassTextEmbedder, NormaliseThenAverageVersusAverageThenNormalise) {
  FakeScriptModule m;
  add_sketch_encoder(m);
  // normalize-mean: mean([1, 0], [0, 1]) -> [0.70710678, 0.70710678].
  ClassTextEmbedder clip_style(m, "hash-a", two_templates("normalize-mean"), TextEmbeddingCache({}));
  const auto a = clip_style.embed_names({"cat"}).embeddings;
  EXPECT_NEAR(a.values[0], 0.70710678, 1e-6);
  EXPECT_NEAR(a.values[1], 0.70710678, 1e-6);
  // mean (RegionCLIP): mean([1, 0], [0, 3]) = [0.5, 1.5] -> [0.31622777, 0.94868330].
  ClassTextEmbedder regionclip_style(m, "hash-a", two_templates("mean"), TextEmbeddingCache({}));
  const auto b = regionclip_style.embed_names({"cat"}).embeddings;
  EXPECT_NEAR(b.values[0], 0.31622777, 1e-6);
  EXPECT_NEAR(b.values[1], 0.94868330, 1e-6);
}

TEST(ClassTextEmbedder, SecondRunOverTheSameVocabularyRunsNoForwardPass) {
  const auto dir = temp_dir("cache");
  FakeScriptModule first;
  add_sketch_encoder(first);
  auto settings = two_templates("normalize-mean");
  settings.batch_size = 3;  // 2 names x 2 templates = 4 prompts: two encode_text calls
  ClassTextEmbedder one(first, "hash-a", settings, TextEmbeddingCache(dir));
  const auto computed = one.embed_names({"cat", "dog"});
  EXPECT_FALSE(computed.from_cache);
  EXPECT_EQ(computed.forward_calls, 2);
  EXPECT_EQ(first.calls["encode_text"], 2);

  FakeScriptModule second;
  add_sketch_encoder(second);
  ClassTextEmbedder two(second, "hash-a", settings, TextEmbeddingCache(dir));
  const auto cached = two.embed_names({"cat", "dog"});
  EXPECT_TRUE(cached.from_cache);
  EXPECT_EQ(cached.forward_calls, 0);
  EXPECT_EQ(second.calls["encode_text"], 0);
  EXPECT_EQ(cached.embeddings.values, computed.embeddings.values);

  // Another module, another vocabulary or other prompts: computed again.
  ClassTextEmbedder other_module(second, "hash-b", settings, TextEmbeddingCache(dir));
  EXPECT_FALSE(other_module.embed_names({"cat", "dog"}).from_cache);
  EXPECT_FALSE(two.embed_names({"cat", "bird"}).from_cache);
  auto single = settings;
  single.custom_templates = {"a photo of a {}."};
  ClassTextEmbedder other_prompts(second, "hash-a", single, TextEmbeddingCache(dir));
  EXPECT_FALSE(other_prompts.embed_names({"cat", "dog"}).from_cache);

  // A damaged cache file is ignored and rewritten, never trusted.
  const auto file = TextEmbeddingCache(dir).file_for(computed.cache_key);
  std::filesystem::resize_file(file, 10);
  const auto recomputed = two.embed_names({"cat", "dog"});
  EXPECT_FALSE(recomputed.from_cache);
  EXPECT_EQ(recomputed.embeddings.values, computed.embeddings.values);
  std::filesystem::remove_all(dir);
}

TEST(ClassTextEmbedder, ModuleWithoutEncodeTextIsAClearError) {
  FakeScriptModule m("text.pt");
  try {
    ClassTextEmbedder e(m, "h", TextEncoderSettings{}, TextEmbeddingCache({}));
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("text.pt: the TorchScript module has no method 'encode_text'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("Tensor tokens[N,77] int64"), std::string::npos);
  }
}

TEST(ClassTextEmbedder, WrongOutputShapeNamesTheModule) {
  FakeScriptModule m("text.pt");
  m.add("encode_text", [](const std::vector<HostTensor>&) {
    return ModuleOutput{{HostTensor::floats({1, 2}, {1, 0})}};
  });
  ClassTextEmbedder e(m, "h", two_templates("mean"), TextEmbeddingCache({}));
  EXPECT_THROW(e.embed_names({"cat"}), InputError);  // 2 prompts in, 1 row out
}

}  // namespace
}  // namespace ovbench
