// TIDE's error analysis (metrics/detection_errors.h): one detection per error type, dAPs worked
// out by hand, TIDE's less obvious rules (the best-scoring error fixes a gt, ignored
// detections still get errors, fixed points go before correct ones on score ties, empty
// categories leave the mean), the per-image cap, LVIS ignore regions, the novel/base
// confusion, and randomised cases whose expected numbers came from running tidecv 1.0.1.

#include "metrics/detection_errors.h"

#include <gtest/gtest.h>

#include "detection_fixture.h"
#include "test_rng.h"

namespace ovbench {
namespace {

using testing::DetectionFixture;

constexpr double kTol = 1e-9;

std::size_t at(TideError e) { return static_cast<std::size_t>(e); }

ErrorAnalysisOptions coco_options(int max_dets = 100) {
  ErrorAnalysisOptions o;
  o.max_dets_per_image = max_dets;
  o.threads = 1;
  return o;
}

// TIDE's AP of one category: sum over the 101 recall thresholds of the interpolated precision,
// / 101 * 100. `thresholds` at precision `p` each.
double ap_points(double sum) { return sum / 101 * 100; }

// One image, categories A (1) and B (2); every detection is an A.
//   gts: A1 [0,0], A2 [50,50], A3 [80,80], B1 [20,60], all 10x10.
//   .9 [55,50]: IoU 1/3 with A2                      -> Loc  (A2 unused: fixable)
//   .8 [20,60]: no A overlap, IoU 1 with B1           -> Cls  (B1 unused: fixable)
//   .7 [30,20]: touches nothing                       -> Bkg
//   .6 [25,60]: IoU 1/3 with B1 only                  -> Both
//   .3 [0,0]:   A1                                    -> true positive
//   .2 [0,0]:   A1 again, already taken               -> Dupe
//   A3 has no detection and no error claims it        -> Miss
DetectionFixture one_of_each() {
  DetectionFixture f;
  f.image(1).category(1).category(2);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 1, {50, 50, 10, 10}).gt(3, 1, 1, {80, 80, 10, 10});
  f.gt(4, 1, 2, {20, 60, 10, 10});
  f.dt(1, 1, {55, 50, 10, 10}, 0.9).dt(1, 1, {20, 60, 10, 10}, 0.8).dt(1, 1, {30, 20, 10, 10}, 0.7);
  f.dt(1, 1, {25, 60, 10, 10}, 0.6).dt(1, 1, {0, 0, 10, 10}, 0.3).dt(1, 1, {0, 0, 10, 10}, 0.2);
  return f;
}

TEST(DetectionErrors, OneDetectionOfEachErrorType) {
  const auto f = one_of_each();
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), coco_options()).tide;
  for (TideError e : {TideError::kCls, TideError::kLoc, TideError::kBoth, TideError::kDupe,
                      TideError::kBkg, TideError::kMiss}) {
    EXPECT_EQ(t.count[at(e)], 1u) << tide_error_key(e);
  }
}

TEST(DetectionErrors, DeltaApByHand) {
  const auto f = one_of_each();
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), coco_options()).tide;
  // As it is: A's points are FP FP FP FP TP FP; its one TP has precision 1/5 at recall 1/3,
  // which covers the recall thresholds 0.00..0.33 (34 of them). B has a gt and no point: 0.
  const double ap_a = ap_points(34 * 0.2);
  const double base = ap_a / 2;
  EXPECT_NEAR(t.ap, base, kTol);
  // Cls fixed: the .8 becomes B's only point, a TP (B: 100); A loses an FP (TP at 1/4).
  EXPECT_NEAR(t.dap[at(TideError::kCls)], (ap_points(34 * 0.25) + 100) / 2 - base, kTol);
  // Loc fixed: A is TP(.9) FP FP FP TP(.3): precisions 1 then 2/5 at recalls 1/3, 2/3; the
  // thresholds 0..0.33 get 1, 0.34..0.66 get 0.4: 34 + 33 * 0.4 = 47.2.
  EXPECT_NEAR(t.dap[at(TideError::kLoc)], ap_points(47.2) / 2 - base, kTol);
  EXPECT_NEAR(t.dap[at(TideError::kLoc)], 20.0, kTol);  // (47.2 - 6.8) / 2.02
  // Bkg or Both fixed: one FP fewer ahead of the TP: precision 1/4.
  EXPECT_NEAR(t.dap[at(TideError::kBkg)], ap_points(34 * 0.25) / 2 - base, kTol);
  EXPECT_NEAR(t.dap[at(TideError::kBoth)], ap_points(34 * 0.25) / 2 - base, kTol);
  // Dupe fixed: its FP comes after A's last TP, which changes no precision.
  EXPECT_EQ(t.dap[at(TideError::kDupe)], 0.0);
  // Miss fixed: A3 leaves the gt count (3 -> 2), so the TP is at recall 1/2: 51 thresholds.
  EXPECT_NEAR(t.dap[at(TideError::kMiss)], ap_points(51 * 0.2) / 2 - base, kTol);
  // FalsePos: TPs scored 1, FPs 0: A's TP at precision 1, recall 1/3; B still 0.
  EXPECT_NEAR(t.false_pos_dap, ap_points(34) / 2 - base, kTol);
  // FalseNeg: every unmatched gt leaves the count: A has 1 (recall 1 at precision 1/5: all 101
  // thresholds), B has 0 gts and no points, so it leaves the mean (APDataObject.is_empty).
  EXPECT_NEAR(t.false_neg_dap, ap_points(101 * 0.2) - base, kTol);
}

// Two errors claim one gt (BestGTMatch): only the higher-scoring one is fixed, the other is
// removed; a Loc and a Cls error share the claim.
TEST(DetectionErrors, OnlyTheBestScoringErrorFixesAGt) {
  DetectionFixture f;
  f.image(1).category(1).category(2);
  f.gt(1, 1, 1, {0, 0, 10, 10});
  // Two Loc errors on gt 1 (IoU 1/3 each), and a B detection on it: Cls.
  f.dt(1, 1, {5, 0, 10, 10}, 0.6).dt(1, 1, {0, 5, 10, 10}, 0.5).dt(1, 2, {0, 0, 10, 10}, 0.9);
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), coco_options()).tide;
  EXPECT_EQ(t.count[at(TideError::kLoc)], 2u);
  EXPECT_EQ(t.count[at(TideError::kCls)], 1u);
  EXPECT_EQ(t.count[at(TideError::kMiss)], 0u);  // claimed: usable
  // As it is: A has no TP (0), B has one FP and no gt (AP 0 but counted): 0.
  EXPECT_EQ(t.ap, 0.0);
  // Cls fixed: the .9 (the best claim) becomes A's TP: A = 100; B loses its only point and,
  // without gts, leaves the mean: 100.
  EXPECT_NEAR(t.dap[at(TideError::kCls)], 100.0, kTol);
  // Loc fixed: neither Loc error is the gt's best claim (the Cls one is), so both are removed
  // and nothing becomes a TP: A stays 0, B stays 0.
  EXPECT_EQ(t.dap[at(TideError::kLoc)], 0.0);
}

TEST(DetectionErrors, IgnoredDetectionsLeaveTheApButGetErrors) {
  DetectionFixture f;
  f.image(1).category(1);
  f.gt(1, 1, 1, {0, 0, 40, 40}, /*crowd=*/true).gt(2, 1, 1, {60, 60, 10, 10});
  // Inside the crowd region (crowd IoU = 1 > 0.5): ignored; its error is Bkg (no object
  // overlaps it). A second one half inside (crowd IoU 0.5, not > 0.5): a counted FP.
  f.dt(1, 1, {10, 10, 10, 10}, 0.9).dt(1, 1, {35, 0, 10, 10}, 0.8).dt(1, 1, {60, 60, 10, 10}, 0.7);
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), coco_options()).tide;
  EXPECT_EQ(t.count[at(TideError::kBkg)], 2u);
  // AP: FP(.8) then TP(.7): precision 1/2 at recall 1 -> 50 (the ignored .9 is no point).
  EXPECT_NEAR(t.ap, 50.0, kTol);
  EXPECT_NEAR(t.dap[at(TideError::kBkg)], 50.0, kTol);
}

// TIDE's fix_errors pushes the errors' points first and adds the true positives back after, so
// on a score tie the fixed configurations see the FP before the TP, the original AP the TP
// first (file order): the false-negative special error comes out negative, as TIDE's does.
TEST(DetectionErrors, TiesPutErrorPointsBeforeTruePositivesWhenFixing) {
  DetectionFixture f;
  f.image(1).category(1);
  f.gt(1, 1, 1, {0, 0, 10, 10});
  f.dt(1, 1, {0, 0, 10, 10}, 0.5).dt(1, 1, {80, 80, 10, 10}, 0.5);
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), coco_options()).tide;
  EXPECT_NEAR(t.ap, 100.0, kTol);
  EXPECT_NEAR(t.false_neg_dap, -50.0, kTol);  // FP then TP: precision 1/2
  EXPECT_EQ(t.dap[at(TideError::kCls)], 0.0);  // also -50, floored
  EXPECT_EQ(t.dap[at(TideError::kBkg)], 0.0);  // the FP removed: 100 again
}

TEST(DetectionErrors, PerImageCapDropsTheLowestScores) {
  DetectionFixture f;
  f.image(1).category(1).category(2);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 2, {50, 50, 10, 10});
  f.dt(1, 2, {50, 50, 10, 10}, 0.1).dt(1, 1, {0, 0, 10, 10}, 0.9).dt(1, 1, {80, 0, 10, 10}, 0.5);
  const TideErrors capped = analyse_detection_errors(f.gt(), f.dt(), coco_options(2)).tide;
  EXPECT_EQ(capped.count[at(TideError::kMiss)], 1u);  // the B detection is past the cap
  EXPECT_EQ(capped.count[at(TideError::kBkg)], 1u);
  EXPECT_NEAR(capped.ap, 50.0, kTol);  // A: 100, B: 0
  const TideErrors all = analyse_detection_errors(f.gt(), f.dt(), coco_options(0)).tide;
  EXPECT_EQ(all.count[at(TideError::kMiss)], 0u);
  EXPECT_NEAR(all.ap, 100.0, kTol);
}

// tidecv.datasets.LVIS: categories neither annotated nor negative in an image, and not
// exhaustive ones, are whole-image ignore regions; their detections still get an error.
TEST(DetectionErrors, LvisUnverifiedCategoriesAreIgnored) {
  DetectionFixture f;
  f.image(1, /*neg=*/{2}, /*not_exhaustive=*/{3}).category(1).category(2).category(3).category(4);
  f.gt(1, 1, 1, {0, 0, 10, 10}).gt(2, 1, 3, {50, 50, 10, 10});
  f.dt(1, 1, {0, 0, 10, 10}, 0.9);    // TP
  f.dt(1, 2, {80, 80, 10, 10}, 0.8);  // negative category: a counted FP (Bkg)
  f.dt(1, 4, {80, 0, 10, 10}, 0.95);  // unverified: ignored (Bkg)
  f.dt(1, 3, {0, 80, 10, 10}, 0.85);  // not exhaustive, unmatched: ignored (Bkg)
  f.dt(1, 3, {50, 50, 10, 10}, 0.7);  // not exhaustive, matched: TP
  ErrorAnalysisOptions o = coco_options(300);
  o.protocol = ErrorAnalysisProtocol::kLvis;
  const TideErrors t = analyse_detection_errors(f.gt(), f.dt(), o).tide;
  EXPECT_EQ(t.count[at(TideError::kBkg)], 3u);
  // Categories: 1 = 100, 3 = 100, 2 = 0 (an FP, no gt); 4 was never pushed: not in the mean.
  EXPECT_NEAR(t.ap, 200.0 / 3, kTol);
  EXPECT_NEAR(t.dap[at(TideError::kBkg)], 100.0 - 200.0 / 3, kTol);  // category 2 empties out
}

TEST(DetectionErrors, NovelBaseConfusionCountsAndPairs) {
  DetectionFixture f;
  f.image(1).image(2);
  for (std::int64_t c : {1, 2, 3, 4, 5}) f.category(c);
  // Novel: 1, 2. Base: 3, 4. Category 5 is in neither group.
  f.gt(1, 1, 1, {0, 0, 10, 10});    // only a base (3) detection covers it: confused (1, 3)
  f.gt(2, 1, 1, {50, 50, 10, 10});  // own label and base: detected
  f.gt(3, 1, 2, {0, 50, 10, 10});   // base 3 (.4) and base 4 (.6): attributed to 4
  f.gt(4, 2, 1, {0, 0, 10, 10});    // a base detection at IoU 1/3: not covered
  f.gt(5, 2, 1, {50, 50, 10, 10});  // covered by category 5 only: not base
  f.gt(6, 2, 2, {0, 50, 10, 10}, /*crowd=*/true);  // crowd: not an object
  f.gt(7, 2, 2, {30, 30, 10, 10});  // base 4: confused (2, 4)
  f.gt(8, 2, 3, {80, 80, 10, 10});  // a base gt: not counted
  f.dt(1, 3, {0, 0, 10, 10}, 0.5);
  f.dt(1, 1, {50, 50, 10, 10}, 0.9).dt(1, 3, {50, 50, 10, 10}, 0.8);
  f.dt(1, 3, {0, 50, 10, 10}, 0.4).dt(1, 4, {0, 50, 10, 10}, 0.6);
  f.dt(2, 3, {5, 0, 10, 10}, 0.9);
  f.dt(2, 5, {50, 50, 10, 10}, 0.9);
  f.dt(2, 4, {0, 50, 10, 10}, 0.9);
  f.dt(2, 4, {30, 30, 10, 10}, 0.3);
  ErrorAnalysisOptions o = coco_options();
  o.confusion = true;
  o.novel_category_ids = {1, 2};
  o.base_category_ids = {3, 4};
  const DetectionErrorAnalysis a = analyse_detection_errors(f.gt(), f.dt(), o);
  ASSERT_TRUE(a.has_confusion);
  EXPECT_EQ(a.confusion.novel_gt, 6u);  // gts 1, 2, 3, 4, 5, 7
  EXPECT_EQ(a.confusion.detected_own_label, 1u);
  EXPECT_EQ(a.confusion.detected_as_base, 3u);
  ASSERT_EQ(a.confusion.pairs.size(), 2u);
  // (2, 4) twice (gts 3 and 7), then (1, 3) once.
  EXPECT_EQ(a.confusion.pairs[0].novel_id, 2);
  EXPECT_EQ(a.confusion.pairs[0].base_id, 4);
  EXPECT_EQ(a.confusion.pairs[0].count, 2u);
  EXPECT_EQ(a.confusion.pairs[1].novel_id, 1);
  EXPECT_EQ(a.confusion.pairs[1].base_id, 3);
  EXPECT_EQ(a.confusion.pairs[1].base_name, "cat3");
  EXPECT_EQ(a.confusion.pairs[1].count, 1u);
  const auto j = error_analysis_json(a);
  EXPECT_EQ(j["novel_base_confusion"]["detected_as_base"], 3);
  EXPECT_EQ(j["novel_base_confusion"]["distinct_pairs"], 2);
  EXPECT_EQ(j["novel_base_confusion"]["pairs"][0]["novel"], "cat2");
  EXPECT_EQ(j["novel_base_confusion"]["pairs"][0]["base_id"], 4);
  EXPECT_EQ(j["novel_base_confusion"]["pairs"][0]["count"], 2);
}


// A small random population (splitmix64, integer boxes, scores in eighths so that ties are
// common), drawn in this exact order so that a script outside the repository draws the same
// one and scores it with tidecv 1.0.1 (bbox mode; datasets.COCO / datasets.LVIS semantics).
struct RandomCase {
  DetectionDataset gt;
  Detections dt;
};

// `images` 10 uses the ids below; more are spread ids 1000 + (i * 7919) mod (3 * images).
RandomCase random_case(std::uint64_t seed, bool lvis, int images = 10) {
  testing::TestRng rng{seed};
  auto draw = [&](int n) { return static_cast<int>(rng.uniform() * n); };
  RandomCase c;
  for (int k = 1; k <= 5; ++k) {
    Category cat;
    cat.id = k;
    cat.name = "c";
    cat.name += std::to_string(k);
    cat.frequency = 'f';
    c.gt.categories.push_back(cat);
  }
  std::vector<std::int64_t> ids = {13, 10, 15, 11, 14, 12, 19, 16, 18, 17};
  if (images != 10) {
    ids.clear();
    for (int i = 0; i < images; ++i) ids.push_back(1000 + (static_cast<std::int64_t>(i) * 7919) % (images * 3));
  }
  for (std::int64_t id : ids) {
    ImageRecord im;
    im.id = id;
    im.width = im.height = 100;
    if (lvis) {
      for (int k = 1; k <= 5; ++k) {
        const double u = rng.uniform();
        if (u < 0.25) {
          im.neg_category_ids.push_back(k);
        } else if (u < 0.4) {
          im.not_exhaustive_category_ids.push_back(k);
        }
      }
    }
    c.gt.images.push_back(im);
  }
  std::int64_t ann = 1;
  auto detection = [&](std::int64_t image, std::int64_t category, double x, double y, double w, double h,
                       double score) {
    Detection d;
    d.image_id = image;
    d.category_id = category;
    d.bbox = {x, y, w, h};
    d.score = score;
    c.dt.items.push_back(d);
  };
  for (std::int64_t id : ids) {
    const int n = draw(5);
    for (int g = 0; g < n; ++g) {
      GtAnnotation a;
      a.id = ann++;
      a.image_id = id;
      a.category_id = 1 + draw(5);
      const int x = draw(60), y = draw(60);  // (comma-separated declarators run in order)
      const int w = 8 + draw(30), h = 8 + draw(30);
      a.bbox = {static_cast<double>(x), static_cast<double>(y), static_cast<double>(w), static_cast<double>(h)};
      a.area = w * h;
      a.iscrowd = !lvis && rng.uniform() < 0.1;
      c.gt.annotations.push_back(a);
      const int m = draw(4);
      for (int j = 0; j < m; ++j) {
        const int dx = draw(17) - 8, dy = draw(17) - 8, dw = draw(9) - 4, dh = draw(9) - 4;
        const bool same = rng.uniform() < 0.7;
        const int other = 1 + draw(5);
        const double score = (1 + draw(8)) / 8.0;
        detection(id, same ? a.category_id : other, x + dx, y + dy, w + dw, h + dh, score);
      }
    }
    const int b = draw(3);
    for (int j = 0; j < b; ++j) {
      const int x = draw(80), y = draw(80), w = 5 + draw(20), h = 5 + draw(20);
      const int category = 1 + draw(5);
      const double score = (1 + draw(8)) / 8.0;
      detection(id, category, x, y, w, h, score);
    }
  }
  return c;
}

struct TideExpectation {
  std::uint64_t seed;
  bool lvis;
  int images;
  int max_dets;
  std::size_t gts, detections;
  double ap;
  std::array<double, kTideErrorTypes> dap;
  std::array<std::uint64_t, kTideErrorTypes> count;
  double false_pos, false_neg;
};

// tidecv 1.0.1 on the same populations (TIDE().evaluate(gt, pred, mode=TIDE.BOX), then
// fix_main_errors(), fix_special_errors(), count_errors()), printed with repr().
const TideExpectation kTideRuns[] = {
    {7, false, 10, 100, 19, 37, 8.288543140028285,
     {11.852899575671856, 25.45497406883545, 0.0, 0.0, 0.0, 0.46204620462046364}, {5, 8, 5, 3, 12, 6},
     8.939179632248944, 2.3573785950023574},
    {7, false, 10, 4, 19, 37, 6.478076379066472,
     {12.178217821782184, 25.945308816595947, 0.0, 0.0, 0.0, 2.833569071192848}, {5, 5, 5, 1, 9, 7},
     6.789250353606796, 4.72890146157474},
    {11, true, 10, 300, 23, 34, 23.00990099009901,
     {0.0, 36.66760961810468, 0.0, 0.0, 0.0, 12.387407971566379}, {1, 15, 2, 4, 5, 8},
     7.881188118811885, 25.25006346788526},
    {12, false, 10, 100, 22, 49, 20.289328932893277,
     {0.0, 24.33249039189632, 0.0, 1.373565928021403, 0.5891874901775793, 0.0}, {1, 17, 5, 5, 13, 4},
     21.690869086908705, 4.834197705484815},
    // 200 images: ~160 points per category, enough for the radix sort's path (>= 64).
    {31, false, 200, 100, 413, 839, 6.010670720930852,
     {2.023130946330493, 23.929207923966864, 0.39243069120551155, 0.0, 1.8206608708517535, 1.9855200747553532},
     {55, 276, 102, 36, 254, 111}, 25.67249759590083, 11.414108776346415},
    {32, true, 200, 300, 410, 826, 14.714412629960586,
     {2.373851804771446, 29.006224720074982, 0.0, 0.0, 0.6522530388026233, 2.7045609714695242},
     {61, 266, 98, 49, 202, 116}, 22.315290340336453, 19.152269660416003},
};

TEST(DetectionErrors, RandomCasesEqualTidecv) {
  for (const TideExpectation& want : kTideRuns) {
    SCOPED_TRACE("seed " + std::to_string(want.seed) + (want.lvis ? " lvis" : " coco") + " max_dets " +
                 std::to_string(want.max_dets));
    const RandomCase c = random_case(want.seed, want.lvis, want.images);
    ASSERT_EQ(c.gt.annotations.size(), want.gts);
    ASSERT_EQ(c.dt.items.size(), want.detections);
    ErrorAnalysisOptions o = coco_options(want.max_dets);
    if (want.lvis) o.protocol = ErrorAnalysisProtocol::kLvis;
    for (unsigned threads : {1u, 3u}) {
      o.threads = threads;
      const TideErrors t = analyse_detection_errors(c.gt, c.dt, o).tide;
      EXPECT_NEAR(t.ap, want.ap, kTol);
      for (std::size_t e = 0; e < kTideErrorTypes; ++e) {
        EXPECT_NEAR(t.dap[e], want.dap[e], kTol) << tide_error_key(static_cast<TideError>(e));
        EXPECT_EQ(t.count[e], want.count[e]) << tide_error_key(static_cast<TideError>(e));
      }
      EXPECT_NEAR(t.false_pos_dap, want.false_pos, kTol);
      EXPECT_NEAR(t.false_neg_dap, want.false_neg, kTol);
    }
  }
}

}  // namespace
}  // namespace ovbench
