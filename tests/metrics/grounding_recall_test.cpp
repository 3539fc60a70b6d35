// Grounding Recall@k against MDETR's flickr_eval.py (ashkamath/mdetr@ea09acc), one test per
// behaviour; every expected value is worked out by hand in the comment above it.

#include "metrics/grounding_recall.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.h"

namespace ovbench {
namespace {

// Builds a ground truth and predictions sentence by sentence.
struct Problem {
  GroundingGroundTruth gt;
  GroundingPredictions pred;

  std::uint32_t type(const std::string& name) {
    for (std::uint32_t t = 0; t < gt.type_names.size(); ++t) {
      if (gt.type_names[t] == name) return t;
    }
    gt.type_names.push_back(name);
    return static_cast<std::uint32_t>(gt.type_names.size() - 1);
  }
  void sentence(const std::string& image, std::int64_t id) {
    gt.sentences.push_back({image, id, static_cast<std::uint32_t>(gt.phrases.size()), 0});
  }
  void phrase(std::vector<GroundingBox> boxes, std::vector<std::string> types) {
    GroundingGroundTruth::Phrase p;
    p.first_box = static_cast<std::uint32_t>(gt.boxes.size());
    p.box_count = static_cast<std::uint32_t>(boxes.size());
    p.first_type = static_cast<std::uint32_t>(gt.phrase_types.size());
    p.type_count = static_cast<std::uint32_t>(types.size());
    gt.boxes.insert(gt.boxes.end(), boxes.begin(), boxes.end());
    for (const auto& t : types) gt.phrase_types.push_back(type(t));
    gt.phrases.push_back(p);
    ++gt.sentences.back().phrase_count;
  }
  void prediction(const std::string& image, std::int64_t id,
                  std::vector<std::vector<GroundingBox>> lists) {
    GroundingPredictions::Record r{image, id,
                                   static_cast<std::uint32_t>(pred.list_begin.size() - 1),
                                   static_cast<std::uint32_t>(lists.size())};
    for (const auto& l : lists) {
      pred.boxes.insert(pred.boxes.end(), l.begin(), l.end());
      pred.list_begin.push_back(pred.boxes.size());
    }
    pred.records.push_back(r);
  }
  GroundingRecallReport run(GroundingProtocol protocol = GroundingProtocol::kAnyBox) {
    GroundingRecallOptions o;
    o.protocol = protocol;
    o.threads = 2;
    return evaluate_grounding_recall(gt, pred, o);
  }
};

double recall(const GroundingRecallReport& r, int k, const std::string& category) {
  for (std::size_t ki = 0; ki < r.top_k.size(); ++ki) {
    if (r.top_k[ki] != k) continue;
    for (std::size_t c = 0; c < r.categories.size(); ++c) {
      if (r.categories[c] == category) return r.recall(ki, c);
    }
  }
  ADD_FAILURE() << "no recall for k=" << k << " category " << category;
  return -1;
}

const GroundingBox kMiss{90, 90, 95, 95};  // IoU 0 with every gt box below

TEST(GroundingBoxIou, NoPlusOnePixel) {
  // [0,0,10,10] vs [5,0,15,10]: inter 5*10 = 50, union 100+100-50 = 150 -> 1/3.
  // (VOC's +1 convention would give 66/176 = 0.375.)
  EXPECT_DOUBLE_EQ(grounding_box_iou({0, 0, 10, 10}, {5, 0, 15, 10}), 1.0 / 3.0);
  // Disjoint boxes: intersection sides clipped at 0 -> 0, not a negative product.
  EXPECT_EQ(grounding_box_iou({0, 0, 10, 10}, {20, 20, 30, 30}), 0.0);
  // Two zero-area boxes: 0 / 0 = NaN, as numpy's inter / union.
  EXPECT_TRUE(std::isnan(grounding_box_iou({0, 0, 0, 10}, {0, 0, 0, 5})));
}

TEST(EnclosingBox, MinOfCornersMaxOfCorners) {
  const GroundingBox boxes[] = {{10, 20, 30, 40}, {5, 25, 20, 50}, {12, 0, 35, 10}};
  const GroundingBox m = enclosing_box(boxes, 3);
  EXPECT_EQ(m.x1, 5);
  EXPECT_EQ(m.y1, 0);
  EXPECT_EQ(m.x2, 35);
  EXPECT_EQ(m.y2, 50);
}

TEST(GroundingRecall, IouExactlyHalfIsAHit) {
  // gt [0,0,10,10], pred [0,0,10,5]: inter 50, union 100 -> IoU 0.5, and MDETR tests >= 0.5.
  // pred [0,0,10,4.9] -> 49/100 < 0.5: a miss.
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("1", 0, {{{0, 0, 10, 5}}, {{0, 0, 10, 4.9}}});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 0.5);
  EXPECT_EQ(recall(r, -1, "all"), 0.5);
}

TEST(GroundingRecall, TopKLooksAtTheFirstKRankedBoxes) {
  // Four phrases with the matching box at rank 1, 3, 7 and 12 (0-based 0, 2, 6, 11):
  // R@1 = 1/4, R@5 = 2/4, R@10 = 3/4, upper bound (all boxes) = 4/4.
  Problem p;
  p.sentence("1", 0);
  const GroundingBox g{0, 0, 10, 10};
  std::vector<std::vector<GroundingBox>> lists;
  for (int rank : {0, 2, 6, 11}) {
    p.phrase({g}, {"other"});
    std::vector<GroundingBox> l(12, kMiss);
    l[static_cast<std::size_t>(rank)] = g;
    lists.push_back(l);
  }
  p.prediction("1", 0, lists);
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 0.25);
  EXPECT_EQ(recall(r, 5, "all"), 0.5);
  EXPECT_EQ(recall(r, 10, "all"), 0.75);
  EXPECT_EQ(recall(r, -1, "all"), 1.0);
}

TEST(GroundingRecall, FewerBoxesThanKUsesAllOfThem) {
  // ious[:10] of a 2-row matrix is the 2 rows: a hit at rank 2 counts at k = 5 and 10.
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 10, 10}}, {"other"});
  p.prediction("1", 0, {{kMiss, {0, 0, 10, 10}}});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 0.0);
  EXPECT_EQ(recall(r, 5, "all"), 1.0);
  EXPECT_EQ(recall(r, 10, "all"), 1.0);
}

TEST(GroundingRecall, AnyBoxMatchesAnyGtBoxMergedBoxOnlyTheirUnion) {
  // The phrase's entity owns [0,0,10,10] and [20,0,30,10]; enclosing box [0,0,30,10].
  // Prediction A = [0,0,10,10]: any-box IoU 1 (hit); merged IoU 100/300 = 1/3 (miss).
  // Prediction B = [0,0,30,10]: any-box IoU 100/300 with each (miss); merged IoU 1 (hit).
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 10, 10}, {20, 0, 30, 10}}, {"people"});
  p.phrase({{0, 0, 10, 10}, {20, 0, 30, 10}}, {"people"});
  p.prediction("1", 0, {{{0, 0, 10, 10}}, {{0, 0, 30, 10}}});
  const auto any = p.run(GroundingProtocol::kAnyBox);
  const auto merged = p.run(GroundingProtocol::kMergedBox);
  EXPECT_EQ(recall(any, 1, "all"), 0.5);
  EXPECT_EQ(recall(merged, 1, "all"), 0.5);
  // Distinguish which phrase hit: only A under any-box, only B under merged-box.
  p.pred = {};
  p.prediction("1", 0, {{{0, 0, 10, 10}}, {kMiss}});
  EXPECT_EQ(recall(p.run(GroundingProtocol::kAnyBox), 1, "all"), 0.5);
  EXPECT_EQ(recall(p.run(GroundingProtocol::kMergedBox), 1, "all"), 0.0);
}

TEST(GroundingRecall, MergedBoxLeavesASingleBoxAlone) {
  // _merge_boxes returns a one-box list unchanged: same result under both protocols.
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("1", 0, {{{0, 0, 10, 6}}});  // IoU 0.6
  EXPECT_EQ(recall(p.run(GroundingProtocol::kMergedBox), 1, "all"), 1.0);
  EXPECT_EQ(recall(p.run(GroundingProtocol::kAnyBox), 1, "all"), 1.0);
}

TEST(GroundingRecall, PhraseCountsOnceForEachOfItsTypes) {
  // Phrase 1 [people, clothing] hit; phrase 2 [people] miss; phrase 3 [clothing, clothing] miss
  // (RecallTracker adds once per list entry, so the duplicate type counts twice).
  // all: 1/3; people: 1/2; clothing: hits 1 of 1 + 2 = 3 -> 1/3. Categories sorted.
  Problem p;
  p.sentence("1", 0);
  const GroundingBox g{0, 0, 10, 10};
  p.phrase({g}, {"people", "clothing"});
  p.phrase({g}, {"people"});
  p.phrase({g}, {"clothing", "clothing"});
  p.prediction("1", 0, {{g}, {kMiss}, {kMiss}});
  const auto r = p.run();
  EXPECT_EQ(r.categories, (std::vector<std::string>{"all", "clothing", "people"}));
  EXPECT_EQ(recall(r, 1, "all"), 1.0 / 3.0);
  EXPECT_EQ(recall(r, 1, "people"), 0.5);
  EXPECT_EQ(recall(r, 1, "clothing"), 1.0 / 3.0);
  EXPECT_EQ(r.totals, (std::vector<std::int64_t>{3, 3, 2}));
}

TEST(GroundingRecall, MicroAverageOverAllPhrasesNotPerSentence) {
  // Sentence A: 1 phrase, hit. Sentence B: 3 phrases, all miss. Micro: 1/4 (a per-sentence
  // mean would be (1 + 0) / 2 = 0.5).
  Problem p;
  const GroundingBox g{0, 0, 10, 10};
  p.sentence("1", 0);
  p.phrase({g}, {"people"});
  p.sentence("1", 1);
  for (int i = 0; i < 3; ++i) p.phrase({g}, {"people"});
  p.prediction("1", 0, {{g}});
  p.prediction("1", 1, {{kMiss}, {kMiss}, {kMiss}});
  EXPECT_EQ(recall(p.run(), 1, "all"), 0.25);
}

TEST(GroundingRecall, NanIouAmongTheFirstKMakesAMiss) {
  // gt boxes: zero-area [0,0,0,10] and [20,20,30,30]. Predictions: rank 1 [0,0,0,5] (0/0 = NaN
  // with the first gt), rank 2 [20,20,30,30] (IoU 1). numpy's max propagates NaN, so
  // ious[:k].max() >= 0.5 is False for every k: a miss everywhere, hit nowhere.
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 0, 10}, {20, 20, 30, 30}}, {"other"});
  p.prediction("1", 0, {{{0, 0, 0, 5}, {20, 20, 30, 30}}});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 5, "all"), 0.0);
  EXPECT_EQ(recall(r, -1, "all"), 0.0);
  // With the order swapped, k = 1 sees only the good row: a hit at 1, a miss from k = 5 on.
  p.pred = {};
  p.prediction("1", 0, {{{20, 20, 30, 30}, {0, 0, 0, 5}}});
  const auto s = p.run();
  EXPECT_EQ(recall(s, 1, "all"), 1.0);
  EXPECT_EQ(recall(s, 5, "all"), 0.0);
}

TEST(GroundingRecall, FirstPredictionOfASentenceCountsDuplicatesSkipped) {
  // The first record hits, the duplicate misses: MDETR keeps the first (recall 1) and warns.
  Problem p;
  p.sentence("7", 2);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("7", 2, {{{0, 0, 10, 10}}});
  p.prediction("7", 2, {{kMiss}});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 1.0);
  EXPECT_EQ(r.duplicate_predictions, 1);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("sentence 2 of image 7"), std::string::npos) << r.warnings[0];
}

TEST(GroundingRecall, DuplicateWithWrongListCountIsSkippedNotAnError) {
  // MDETR checks "already evaluated" before it checks the number of box lists.
  Problem p;
  p.sentence("7", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("7", 0, {{{0, 0, 10, 10}}});
  p.prediction("7", 0, {{kMiss}, {kMiss}, {kMiss}});
  EXPECT_EQ(recall(p.run(), 1, "all"), 1.0);
}

TEST(GroundingRecall, PredictionsForSentencesNotEvaluatedAreIgnored) {
  // Sentence 1 of image 7 has no phrase with a box (not in the gt): its prediction is ignored,
  // with a warning because it carries boxes; the one with an empty list is ignored silently.
  Problem p;
  p.sentence("7", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("7", 0, {{{0, 0, 10, 10}}});
  p.prediction("7", 1, {{kMiss}});
  p.prediction("8", 0, {});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 1.0);
  EXPECT_EQ(r.ignored_predictions, 2);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("sentence 1 of image 7"), std::string::npos) << r.warnings[0];
}

TEST(GroundingRecall, WrongNumberOfBoxListsIsAnError) {
  Problem p;
  p.sentence("7", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("7", 0, {{{0, 0, 10, 10}}});
  try {
    p.run();
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("record 0"), std::string::npos) << m;
    EXPECT_NE(m.find("expected 2 box lists"), std::string::npos) << m;
    EXPECT_NE(m.find("sentence 0 of image 7"), std::string::npos) << m;
  }
}

TEST(GroundingRecall, MissingPredictionNamesImageAndSentence) {
  Problem p;
  p.sentence("7", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.sentence("9", 3);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("7", 0, {{{0, 0, 10, 10}}});
  try {
    p.run();
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no prediction for sentence 3 of image 9"),
              std::string::npos)
        << e.what();
  }
}

TEST(GroundingRecall, EmptyBoxListIsAMissEverywhere) {
  // The reference crashes here (np.asarray([]) is not N x 4); ovbench scores a miss.
  Problem p;
  p.sentence("1", 0);
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.phrase({{0, 0, 10, 10}}, {"people"});
  p.prediction("1", 0, {{}, {{0, 0, 10, 10}}});
  const auto r = p.run();
  EXPECT_EQ(recall(r, 1, "all"), 0.5);
  EXPECT_EQ(recall(r, -1, "all"), 0.5);
}

TEST(GroundingRecall, ThreadCountDoesNotChangeCounts) {
  // 100 sentences, sentence s hits at rank s % 12: the same integer hits with 1 and 2 threads,
  // and the rank rule gives R@1 = 9/100 (s % 12 == 0 for s = 0, 12, ..., 96).
  Problem p;
  const GroundingBox g{0, 0, 10, 10};
  for (int s = 0; s < 100; ++s) {
    p.sentence("1", s);
    p.phrase({g}, {"people"});
    std::vector<GroundingBox> l(12, kMiss);
    l[static_cast<std::size_t>(s % 12)] = g;
    p.prediction("1", s, {l});
  }
  GroundingRecallOptions o;
  o.threads = 1;
  const auto one = evaluate_grounding_recall(p.gt, p.pred, o);
  o.threads = 2;
  const auto two = evaluate_grounding_recall(p.gt, p.pred, o);
  EXPECT_EQ(one.hits, two.hits);
  EXPECT_EQ(recall(one, 1, "all"), 0.09);
}

}  // namespace
}  // namespace ovbench
