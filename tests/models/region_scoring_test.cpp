// Region scoring against hand-computed values (every constant is derived in its comment).
#include <gtest/gtest.h>

#include <cmath>

#include "models/regions/region_scoring.h"

namespace ovbench {
namespace {

EmbeddingMatrix axes() {  // c0 = [1, 0], c1 = [0, 1]
  EmbeddingMatrix m;
  m.rows = 2;
  m.dim = 2;
  m.values = {1, 0, 0, 1};
  return m;
}

TEST(RegionClipScoring, SoftmaxWithZeroBackgroundThenGeometricMeanWithObjectness) {
  // Region [1, 0] at T = 0.5: logits c0 = 2, c1 = 0, background 0 (no learned one).
  // p0 = e^2 / (e^2 + 2) = 0.78698604216, p1 = 1 / (e^2 + 2) = 0.10650697892.
  // Fused with objectness 0.64: sqrt(p0 * 0.64) = 0.70969787021, sqrt(p1 * 0.64) = 0.26108325589.
  RegionEmbeddings r{1, 2, {1, 0}};
  const auto s = score_regionclip(r, axes(), nullptr, {0.64f}, RegionClipScoring{0.5, true, false});
  ASSERT_EQ(s.rank.size(), 2u);
  EXPECT_NEAR(s.rank[0], 0.70969787021, 1e-6);
  EXPECT_NEAR(s.rank[1], 0.26108325589, 1e-6);
  // RegionCLIP reports the class probability (scores_bf_multiply), ranks by the fused score.
  EXPECT_NEAR(s.reported[0], 0.78698604216, 1e-6);
  EXPECT_NEAR(s.reported[1], 0.10650697892, 1e-6);
  const auto fused = score_regionclip(r, axes(), nullptr, {0.64f}, RegionClipScoring{0.5, true, true});
  EXPECT_EQ(fused.reported, fused.rank);
}

TEST(RegionClipScoring, LearnedBackgroundWeightIsNotNormalised) {
  // Region [3, 4] -> unit [0.6, 0.8]; w_bg = [1, 1] (norm sqrt 2, used as is):
  // logits c0 = 1.2, c1 = 1.6, bg = (0.6 + 0.8) / 0.5 = 2.8;
  // softmax = [0.13432091222, 0.20038325426, (bg) 0.66529583351].
  RegionEmbeddings r{1, 2, {3, 4}};
  const std::vector<float> bg = {1, 1};
  const auto s = score_regionclip(r, axes(), &bg, {}, RegionClipScoring{0.5, false, false});
  EXPECT_NEAR(s.rank[0], 0.13432091222, 1e-6);
  EXPECT_NEAR(s.rank[1], 0.20038325426, 1e-6);
}

TEST(VildScoring, EnsembleWeightsTextAndImageBranchesByBaseOrNovel) {
  // Text branch [1, 0], image branch [0, 1], T = 0.5, no background:
  // p_text = [e^2, 1] / (e^2 + 1) = [0.88079707798, 0.11920292202], p_image the reverse.
  // lambda = 2/3. Base class 0: p_t^(2/3) p_i^(1/3) = 0.88079707798^(2/3) * 0.11920292202^(1/3)
  // = 0.45221629823; class 1 as base: 0.11920292202^(2/3) * 0.88079707798^(1/3) = 0.23217558902;
  // class 1 as novel: p_t^(1/3) p_i^(2/3) = 0.11920292202^(1/3) * 0.88079707798^(2/3) = 0.45221629823.
  RegionEmbeddings text{1, 2, {1, 0}}, image{1, 2, {0, 1}};
  const VildScoring how{0.5, true, 2.0 / 3.0};
  const auto base = score_vild(text, &image, axes(), nullptr, {false, false}, how);
  EXPECT_NEAR(base.rank[0], 0.45221629823, 1e-6);
  EXPECT_NEAR(base.rank[1], 0.23217558902, 1e-6);
  const auto novel = score_vild(text, &image, axes(), nullptr, {false, true}, how);
  EXPECT_NEAR(novel.rank[1], 0.45221629823, 1e-6);
  // ViLD-text alone is the plain softmax.
  const auto text_only = score_vild(text, nullptr, axes(), nullptr, {}, VildScoring{0.5, false, 0});
  EXPECT_NEAR(text_only.rank[0], 0.88079707798, 1e-6);
}

TEST(ClipCropScoring, SoftmaxOverClassesOnly) {
  // Crop [1, 1] -> cos 0.70710678 with both classes: equal logits, p = 0.5 each; fused with a
  // proposal score 0.25: sqrt(0.5 * 0.25) = 0.35355339.
  RegionEmbeddings r{1, 2, {1, 1}};
  const std::vector<float> proposal = {0.25f};
  const auto s = score_clip_crops(r, axes(), 0.01, &proposal);
  EXPECT_NEAR(s.rank[0], 0.35355339, 1e-6);
  EXPECT_NEAR(s.rank[1], 0.35355339, 1e-6);
}

TEST(RegionScoring, MismatchedWidthsAreRejected) {
  RegionEmbeddings r{1, 3, {1, 0, 0}};
  EXPECT_THROW(score_regionclip(r, axes(), nullptr, {1.0f}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace ovbench
