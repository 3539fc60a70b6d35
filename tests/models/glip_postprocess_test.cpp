// GLIP's ATSS post-processing, chunk merging and phrase grouping on small hand-made head
// outputs; expected detections derived by hand from ATSSPostProcessor's steps.

#include "models/glip/glip_postprocess.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/glip/glip_phrase_grounding.h"

namespace ovbench {
namespace {

// The logit whose float sigmoid is (close to) p.
float logit(double p) {
  return static_cast<float>(std::log(p / (1.0 - p)));
}

TEST(GlipScores, MeanAndMaxAggregation) {
  const std::vector<float> prob{0.1f, 0.2f, 0.6f, 0.9f};
  const std::vector<std::size_t> tokens{1, 2};
  EXPECT_FLOAT_EQ(aggregate_token_scores(prob, tokens, GlipScoreAggregation::kMean), 0.4f);
  EXPECT_FLOAT_EQ(aggregate_token_scores(prob, tokens, GlipScoreAggregation::kMax), 0.6f);
  EXPECT_EQ(aggregate_token_scores(prob, {}, GlipScoreAggregation::kMean), 0.0f);
  EXPECT_EQ(glip_sigmoid(0.0f), 0.5f);
}

// Six tokens; label 10 owns tokens 1 and 2, label 20 owns token 4. Five anchors in a 100 x 100
// image, centerness logit 0 (sigmoid 0.5) everywhere:
//   a0 [10,10,50,50]  label 10 probs (0.9, 0.9) -> 0.9      label 20 0.01
//   a1 [12,12,52,52]  label 10 probs (0.7, 0.9) -> mean 0.8, max 0.9; label 20 0.7
//   a2 [60,60,120,90] label 20 0.3 (box clipped to x2 = 99)
//   a3 [0,0,5,5]      label 10 (0.04, 0.04): below INFERENCE_TH
//   a4 [50,50,40,60]  label 20 0.9, but x2 - x1 + 1 < 0: dropped
// a0 and a1 overlap with IoU (+1 widths) 39^2 / (2 * 41^2 - 39^2) = 0.826 > 0.6.
struct Fixture {
  std::vector<float> boxes{10,  10, 50, 50, 12, 12, 52, 52, 60, 60,
                           120, 90, 0,  0,  5,  5,  50, 50, 40, 60};
  std::vector<float> tokens;
  std::vector<float> centerness = std::vector<float>(5, 0.0f);
  GlipPositiveMap map{{10, 20}, {{1, 2}, {4}}};
  Fixture() {
    const double p[5][6] = {{0.5, 0.9, 0.9, 0.5, 0.01, 0.5},
                            {0.5, 0.7, 0.9, 0.5, 0.7, 0.5},
                            {0.5, 0.01, 0.01, 0.5, 0.3, 0.5},
                            {0.5, 0.04, 0.04, 0.5, 0.01, 0.5},
                            {0.5, 0.01, 0.01, 0.5, 0.9, 0.5}};
    for (const auto& row : p) {
      for (double v : row) tokens.push_back(logit(v));
    }
  }
  GlipHeadOutputs outputs(std::vector<std::size_t> levels = {}) const {
    return {boxes, tokens, centerness, 6, std::move(levels), 100.0f, 100.0f};
  }
};

void expect_detection(const GlipDetection& d, std::int64_t label, double score,
                      std::array<float, 4> box) {
  EXPECT_EQ(d.label, label);
  EXPECT_NEAR(d.score, score, 1e-6);
  EXPECT_EQ(d.box, box);
}

TEST(GlipPostprocess, ThresholdNmsPerLabelAndClipping) {
  const Fixture f;
  const auto dets = glip_postprocess(f.outputs(), f.map);
  ASSERT_EQ(dets.size(), 3u);
  // a1/label 10 (sqrt(0.8 * 0.5)) is suppressed by a0/label 10; a1/label 20 is another class.
  expect_detection(dets[0], 10, std::sqrt(0.9 * 0.5), {10, 10, 50, 50});
  expect_detection(dets[1], 20, std::sqrt(0.7 * 0.5), {12, 12, 52, 52});
  expect_detection(dets[2], 20, std::sqrt(0.3 * 0.5), {60, 60, 99, 90});
}

TEST(GlipPostprocess, MaxAggregation) {
  const Fixture f;
  GlipPostprocessParams params;
  params.aggregation = GlipScoreAggregation::kMax;
  params.nms_threshold = 0.9f;  // let a1 survive to see its MAX score
  const auto dets = glip_postprocess(f.outputs(), f.map, params);
  ASSERT_EQ(dets.size(), 4u);
  // a0 and a1 both score max 0.9 for label 10: tie kept in candidate (anchor) order.
  expect_detection(dets[0], 10, std::sqrt(0.9 * 0.5), {10, 10, 50, 50});
  expect_detection(dets[1], 10, std::sqrt(0.9 * 0.5), {12, 12, 52, 52});
  expect_detection(dets[2], 20, std::sqrt(0.7 * 0.5), {12, 12, 52, 52});
}

TEST(GlipPostprocess, TopNBeforeNmsPerLevel) {
  const Fixture f;
  GlipPostprocessParams params;
  params.pre_nms_top_n = 2;
  // One level: the top 2 candidates by score * centerness are a0/10 (0.45) and a1/10 (0.40);
  // NMS then removes a1/10, leaving one detection.
  auto dets = glip_postprocess(f.outputs(), f.map, params);
  ASSERT_EQ(dets.size(), 1u);
  expect_detection(dets[0], 10, std::sqrt(0.45), {10, 10, 50, 50});
  // Levels {a0, a1} and {a2, a3, a4}, top 1 each: a0/10, and a4/20 (0.45 beats a2/20's 0.15),
  // whose box is then dropped: the box check comes after the top-n selection.
  params.pre_nms_top_n = 1;
  dets = glip_postprocess(f.outputs({2, 3}), f.map, params);
  ASSERT_EQ(dets.size(), 1u);
  expect_detection(dets[0], 10, std::sqrt(0.45), {10, 10, 50, 50});
  // Top 2 each: level 1 keeps a4/20 (dropped) and a2/20; level 0's a1/10 falls to NMS.
  params.pre_nms_top_n = 2;
  dets = glip_postprocess(f.outputs({2, 3}), f.map, params);
  ASSERT_EQ(dets.size(), 2u);
  expect_detection(dets[1], 20, std::sqrt(0.15), {60, 60, 99, 90});
}

TEST(GlipPostprocess, DetectionsPerImageCap) {
  const Fixture f;
  GlipPostprocessParams params;
  params.detections_per_image = 2;
  const auto dets = glip_postprocess(f.outputs(), f.map, params);
  ASSERT_EQ(dets.size(), 2u);
  EXPECT_EQ(dets[0].label, 10);
  EXPECT_EQ(dets[1].label, 20);
  EXPECT_NEAR(dets[1].score, std::sqrt(0.35), 1e-6);
}

TEST(GlipPostprocess, ShapeErrors) {
  const Fixture f;
  GlipHeadOutputs o = f.outputs({2, 2});  // 4 != 5 anchors
  EXPECT_THROW(glip_postprocess(o, f.map), std::invalid_argument);
  GlipPositiveMap bad{{1}, {{6}}};  // token 6 of 6
  EXPECT_THROW(glip_postprocess(f.outputs(), bad), std::invalid_argument);
}

TEST(GlipChunks, MergedDetectionsKeepGlobalLabels) {
  // Two chunks of one vocabulary; each chunk's positive map carries global ids (chunk 2 holds
  // categories 41 and 42 at prompt positions 0 and 1).
  const Fixture f;
  GlipPositiveMap chunk2{{41, 42}, {{1, 2}, {4}}};
  const auto merged = concatenate_chunk_detections(
      {glip_postprocess(f.outputs(), f.map), glip_postprocess(f.outputs(), chunk2)});
  ASSERT_EQ(merged.size(), 6u);
  std::vector<std::int64_t> labels;
  for (const auto& d : merged) labels.push_back(d.label);
  EXPECT_EQ(labels, (std::vector<std::int64_t>{10, 20, 20, 41, 42, 42}));
}

TEST(GlipPhraseGrounding, RankedBoxesPerPhrase) {
  std::vector<GlipDetection> dets(4);
  dets[0] = {{1, 1, 2, 2}, 0.5f, 1};
  dets[1] = {{3, 3, 4, 4}, 0.9f, 2};
  dets[2] = {{5, 5, 6, 6}, 0.7f, 1};
  dets[3] = {{7, 7, 8, 8}, 0.95f, 5};  // no such phrase
  const auto phrases = glip_phrase_boxes(dets, 3);
  ASSERT_EQ(phrases.size(), 3u);
  using B = std::vector<std::array<float, 4>>;
  EXPECT_EQ(phrases[0].boxes, (B{{5, 5, 6, 6}, {1, 1, 2, 2}, {0, 0, 0, 0}}));
  EXPECT_EQ(phrases[0].scores, (std::vector<float>{0.7f, 0.5f}));
  EXPECT_EQ(phrases[1].boxes, (B{{3, 3, 4, 4}, {0, 0, 0, 0}}));
  EXPECT_EQ(phrases[2].boxes, (B{{0, 0, 0, 0}}));
  EXPECT_TRUE(phrases[2].scores.empty());
  EXPECT_EQ(glip_phrase_boxes(dets, 3, 1, false)[2].boxes.size(), 0u);
}

}  // namespace
}  // namespace ovbench
