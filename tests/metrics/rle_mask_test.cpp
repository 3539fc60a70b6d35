// Checks ovbench::rle against pycocotools' maskApi.c. Small cases are derived by hand (the
// derivation sits next to each); larger ones are constants printed by /work/ref/rle_reference.py
// from pycocotools built from cocoapi 8c9bcc3 ("expected from pycocotools 8c9bcc3 maskApi").
// Compressed strings are compared wherever maskApi produced the mask: the string encodes every
// count, zero-length runs included, so string equality means count-for-count equality.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/rle_mask.h"

namespace ovbench::rle {
namespace {

RleMask Make(std::uint32_t h, std::uint32_t w, std::vector<std::uint32_t> counts) {
  return RleMask{h, w, std::move(counts)};
}

// Column-major pixels of the reference script's pattern_mask(h, w, k).
std::vector<std::uint8_t> PatternMask(std::uint32_t h, std::uint32_t w, std::uint32_t k) {
  std::vector<std::uint8_t> px(static_cast<std::size_t>(h) * w);
  for (std::uint32_t x = 0; x < w; ++x) {
    for (std::uint32_t y = 0; y < h; ++y) px[x * h + y] = (x * x + 3 * y + k) % 7 < 3 ? 1 : 0;
  }
  return px;
}

RleMask Pattern(std::uint32_t k) {
  const std::vector<std::uint8_t> px = PatternMask(20, 15, k);
  return encode(px.data(), 20, 15);
}

// Expected from pycocotools 8c9bcc3 maskApi: mask.encode(pattern_mask(20, 15, k))['counts'].
const char* const kPatternString[3] = {
    "0120O00010O00010O10O10O00010O00010O010O00010O00010O0000010O00010O00000000010O00010O0001000"
    "O00010O00010O00010O00010O000110OO00010O00010O10O10O00010O00010O010O00010O00010O0000010O000"
    "10O00000000010O00010O0001000O00010O00010O00010O00010O000110OO00010O00010O0",
    "011010O00010O00011OO0010O00010O00010O010O00010O00030M00010O00010O020N00010O00010O010O010O0"
    "0010O00010O00010O00010O000000010O00010O00011OO0010O00010O00010O010O00010O00030M00010O00010"
    "O020N00010O00010O010O010O00010O00010O00010O00010O000000010O00010O00010",
    "01100010O00010O00020N00010O00010O010O00010O00010O0000010O00010O000100000O00010O0001000O000"
    "10O00010O00010O00010O00010O000000010O00010O00020N00010O00010O010O00010O00010O0000010O00010"
    "O000100000O00010O0001000O00010O00010O00010O00010O00010O000000010O00010O0000",
};

TEST(RleMaskEncode, SmallMasksByHand) {
  // 3x2, column-major 0 1 1 | 1 0 0: one zero, three ones (wrapping into column 1), two zeros.
  const std::uint8_t a[6] = {0, 1, 1, 1, 0, 0};
  const RleMask ra = encode(a, 3, 2);
  EXPECT_EQ(ra.height, 3u);
  EXPECT_EQ(ra.width, 2u);
  EXPECT_EQ(ra.counts, (std::vector<std::uint32_t>{1, 3, 2}));
  // A mask starting with foreground gets a leading zero-length run of zeros.
  const std::uint8_t b[6] = {1, 1, 0, 0, 0, 1};
  EXPECT_EQ(encode(b, 3, 2).counts, (std::vector<std::uint32_t>{0, 2, 3, 1}));
  const std::uint8_t empty[4] = {0, 0, 0, 0};
  EXPECT_EQ(encode(empty, 2, 2).counts, (std::vector<std::uint32_t>{4}));
  const std::uint8_t full[4] = {1, 1, 1, 1};
  EXPECT_EQ(encode(full, 2, 2).counts, (std::vector<std::uint32_t>{0, 4}));
}

TEST(RleMaskEncode, NonZeroBytesCountAsForeground) {
  // 0/255 masks (PNG-style) must encode like 0/1 masks: maskApi only sees the transitions.
  const std::uint8_t a[6] = {0, 255, 255, 255, 0, 0};
  EXPECT_EQ(encode(a, 3, 2).counts, (std::vector<std::uint32_t>{1, 3, 2}));
}

TEST(RleMaskEncode, DecodeRoundTrip) {
  for (std::uint32_t k = 0; k < 3; ++k) {
    const std::vector<std::uint8_t> px = PatternMask(20, 15, k);
    const RleMask r = encode(px.data(), 20, 15);
    EXPECT_TRUE(covers_image(r));
    EXPECT_EQ(decode(r), px) << "k=" << k;
  }
  const std::uint8_t b[6] = {1, 1, 0, 0, 0, 1};
  EXPECT_EQ(decode(encode(b, 3, 2)), (std::vector<std::uint8_t>{1, 1, 0, 0, 0, 1}));
}

TEST(RleMaskEncode, MatchesPycocotoolsOnPatterns) {
  // Expected from pycocotools 8c9bcc3 maskApi: area and toBbox of the pattern masks.
  const std::uint64_t kArea[3] = {131, 127, 127};
  for (std::uint32_t k = 0; k < 3; ++k) {
    const RleMask r = Pattern(k);
    EXPECT_EQ(to_string(r), kPatternString[k]) << "k=" << k;
    EXPECT_EQ(area(r), kArea[k]) << "k=" << k;
  }
}

TEST(RleMaskString, ToStringByHand) {
  // Counts below 16 are one char, '0' + count.
  EXPECT_EQ(to_string(Make(3, 2, {1, 3, 2})), "132");
  // From the fourth count on, the difference to the count two before is stored: 2 - 6 = -4,
  // i.e. 5-bit group 28 with the sign bit (0x10) set and no continuation: '0' + 28 = 'L'. The
  // third count (3) is still absolute, the fifth is 3 - 3 = 0.
  EXPECT_EQ(to_string(Make(4, 4, {2, 6, 3, 2, 3})), "263L0");
  // 100 = 3*32 + 4: low group 4 with the continuation bit 0x20 -> '0' + 36 = 'T', then '3'.
  // 16 sets the sign bit of its only group, so it needs a second, zero group: '0'+48 = '`', '0'.
  // The third count (4) is absolute.
  EXPECT_EQ(to_string(Make(10, 12, {100, 16, 4})), "T3`04");
  // 36 = 1*32 + 4 -> 'T', '1' (as pycocotools writes an empty 6x6 mask).
  EXPECT_EQ(to_string(Make(6, 6, {36})), "T1");
  EXPECT_EQ(to_string(Make(0, 0, {})), "");
}

TEST(RleMaskString, FromStringByHand) {
  RleMask r;
  ASSERT_TRUE(from_string("263L0", 4, 4, r));
  EXPECT_EQ(r.height, 4u);
  EXPECT_EQ(r.width, 4u);
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{2, 6, 3, 2, 3}));
  ASSERT_TRUE(from_string("T3`04", 10, 12, r));
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{100, 16, 4}));
  // '1' = 1, '?' = 15, '0' = 0, then 'O' = '0' + 31 has the sign bit set: -1, and as the
  // fourth count it is added to the second: 15 - 1 = 14.
  ASSERT_TRUE(from_string("1?0O", 4, 4, r));
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{1, 15, 0, 14}));
  ASSERT_TRUE(from_string("", 0, 0, r));
  EXPECT_TRUE(r.counts.empty());
}

TEST(RleMaskString, RoundTripsPycocotoolsStrings) {
  for (std::uint32_t k = 0; k < 3; ++k) {
    RleMask r;
    ASSERT_TRUE(from_string(kPatternString[k], 20, 15, r)) << "k=" << k;
    EXPECT_EQ(r.counts, Pattern(k).counts) << "k=" << k;
    EXPECT_EQ(decode(r), PatternMask(20, 15, k)) << "k=" << k;
  }
  // Expected from pycocotools 8c9bcc3 maskApi: frPyObjects of LVIS v0.5 val annotation 1's
  // polygon on its 375x500 image (first counts, area and box from the same run).
  const std::string lvis =
      R"(cd4j0g:7O00000000000O10000000000000O010O100O100O100O010O100O1K5J5K6J6Jb\V5)";
  RleMask r;
  ASSERT_TRUE(from_string(lvis, 375, 500, r));
  ASSERT_GE(r.counts.size(), 4u);
  EXPECT_EQ(r.counts[0], 4755u);
  EXPECT_EQ(r.counts[1], 26u);
  EXPECT_EQ(r.counts[2], 343u);
  EXPECT_EQ(r.counts[3], 33u);
  EXPECT_EQ(r.counts.back(), 170754u);
  EXPECT_EQ(r.counts.size(), 67u);
  EXPECT_TRUE(covers_image(r));
  EXPECT_EQ(area(r), 967u);
  EXPECT_EQ(to_string(r), lvis);
}

TEST(RleMaskString, RejectsInvalidText) {
  RleMask r;
  // ' ' (32) is below '0' (48), 'p' (112) above 'o' (111).
  EXPECT_FALSE(from_string("13 2", 3, 2, r));
  EXPECT_FALSE(from_string("13p", 3, 2, r));
  EXPECT_FALSE(from_string("13\x80", 3, 2, r));
  // 'T' has the continuation bit set, so the string ends inside a number.
  EXPECT_FALSE(from_string("13T", 3, 2, r));
}

TEST(RleMaskArea, SumsOddRuns) {
  // Runs alternate zeros/ones starting with zeros: 3 + 3 ones.
  EXPECT_EQ(area(Make(4, 4, {2, 3, 4, 3, 4})), 6u);
  EXPECT_EQ(area(Make(2, 2, {0, 4})), 4u);
  EXPECT_EQ(area(Make(2, 2, {4})), 0u);
  EXPECT_EQ(area(Make(0, 0, {})), 0u);
}

TEST(RleMaskCoversImage, ChecksTotal) {
  EXPECT_TRUE(covers_image(Make(3, 2, {1, 3, 2})));
  EXPECT_FALSE(covers_image(Make(3, 2, {1, 3, 1})));
  EXPECT_FALSE(covers_image(Make(3, 2, {1, 3, 3})));
  EXPECT_TRUE(covers_image(Make(0, 0, {})));
}

void ExpectBox(const BoxXYWH& b, double x, double y, double w, double h) {
  EXPECT_EQ(b.x, x);
  EXPECT_EQ(b.y, y);
  EXPECT_EQ(b.w, w);
  EXPECT_EQ(b.h, h);
}

TEST(RleMaskToBbox, TightBoxInsideOneColumn) {
  // 4x3, pixels 5 and 6 = column 1, rows 1-2.
  ExpectBox(to_bbox(Make(4, 3, {5, 2, 5})), 1, 1, 1, 2);
  // Two separate runs in columns 0 (rows 1-2) and 2 (row 3).
  ExpectBox(to_bbox(Make(4, 3, {1, 2, 8, 1})), 0, 1, 3, 3);
}

TEST(RleMaskToBbox, RunAcrossColumnsSpansFullHeight) {
  // 4x3, pixels 2..5 = column 0 rows 2-3 and column 1 rows 0-1: maskApi sets ys = 0, ye = h-1.
  ExpectBox(to_bbox(Make(4, 3, {2, 4, 6})), 0, 0, 2, 4);
  // The run from pixel 3 (column 0, row 3) to pixel 4 (column 1, row 0) also gives full height.
  ExpectBox(to_bbox(Make(4, 3, {3, 2, 7})), 0, 0, 2, 4);
}

TEST(RleMaskToBbox, EmptyMasks) {
  // Fewer than two counts: maskApi's m rounds down to 0 and the box is all zeros.
  ExpectBox(to_bbox(Make(4, 3, {12})), 0, 0, 0, 0);
  ExpectBox(to_bbox(Make(0, 0, {})), 0, 0, 0, 0);
  // A zero-length foreground run still contributes: t = cc - 1 = pixel 4 (column 1, row 0) and
  // the run start pixel 5 (column 1, row 1). Expected from pycocotools 8c9bcc3 maskApi as well:
  // toBbox of {'size': [4, 3], 'counts': [5, 0, 7]} = [1, 0, 1, 2].
  ExpectBox(to_bbox(Make(4, 3, {5, 0, 7})), 1, 0, 1, 2);
  EXPECT_EQ(area(Make(4, 3, {5, 0, 7})), 0u);
}

TEST(RleMaskToBbox, MatchesPycocotoolsOnPatterns) {
  // Expected from pycocotools 8c9bcc3 maskApi: toBbox of the pattern masks and their intersection.
  ExpectBox(to_bbox(Pattern(0)), 0, 0, 15, 20);
  ExpectBox(to_bbox(merge({Pattern(0), Pattern(1), Pattern(2)}, true)), 0, 0, 15, 19);
}

TEST(RleMaskFromBbox, IntegerBox) {
  // Box [1, 1, 2, 2] in 4x4: the pixels whose centres lie inside are x, y in {1, 2}, i.e. runs
  // 5 zeros, rows 1-2 of column 1, 2 zeros, rows 1-2 of column 2, 5 zeros.
  const RleMask r = from_bbox({1, 1, 2, 2}, 4, 4);
  EXPECT_EQ(r.height, 4u);
  EXPECT_EQ(r.width, 4u);
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{5, 2, 2, 2, 5}));
  EXPECT_EQ(to_string(r), "52203");  // expected from pycocotools 8c9bcc3 maskApi too
}

TEST(RleMaskFromBbox, FractionalBox) {
  // Expected from pycocotools 8c9bcc3 maskApi: frPyObjects(np.array([[1.2, .6, 2.5, 1.9]]), 5, 6)
  // = columns 1-3, rows 1-2 (row 2's centre lies on the bottom edge 2.5 and is kept).
  const RleMask r = from_bbox({1.2, 0.6, 2.5, 1.9}, 5, 6);
  EXPECT_EQ(to_string(r), "6230009");
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{6, 2, 3, 2, 3, 2, 12}));
  // A box smaller than a pixel gets the one pixel whose centre it holds.
  // Expected from pycocotools 8c9bcc3 maskApi: [0.3, 0.3, 0.4, 0.4] in 3x3 -> pixel (0, 0).
  EXPECT_EQ(from_bbox({0.3, 0.3, 0.4, 0.4}, 3, 3).counts, (std::vector<std::uint32_t>{0, 1, 8}));
}

TEST(RleMaskFromPolygon, Triangle) {
  // (0,0) (6,0) (0,6) in 7x7: the pixels whose centres lie strictly inside x + y < 6, i.e.
  // x + y <= 4: column x holds rows 0..4-x. Runs: 0 zeros, 5, 2, 4, 3, 3, 4, 2, 5, 1, 20.
  const double xy[6] = {0, 0, 6, 0, 0, 6};
  const RleMask r = from_polygon(xy, 3, 7, 7);
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{0, 5, 2, 4, 3, 3, 4, 2, 5, 1, 20}));
  EXPECT_EQ(to_string(r), "052O1O1O1O?");  // expected from pycocotools 8c9bcc3 maskApi
  EXPECT_EQ(area(r), 15u);
}

TEST(RleMaskFromPolygon, FractionalCoordinates) {
  // Expected from pycocotools 8c9bcc3 maskApi.
  const double quad[8] = {1.3, 0.7, 7.6, 2.2, 6.1, 7.45, 0.55, 5.9};
  const RleMask r = from_polygon(quad, 4, 8, 9);
  EXPECT_EQ(to_string(r), "953001O01O0O?");
  EXPECT_EQ(area(r), 31u);
  ExpectBox(to_bbox(r), 1, 1, 6, 6);
  // LVIS v0.5 val annotation 1 (7 points, the last repeating the first), 375x500 image.
  const double lvis[14] = {12.67, 249.44, 35.21, 246.69, 44.57, 245.03, 39.62,
                           275.32, 25.3,  282.48, 12.08, 281.38, 12.67, 249.44};
  const RleMask l = from_polygon(lvis, 7, 375, 500);
  EXPECT_EQ(to_string(l),
            R"(cd4j0g:7O00000000000O10000000000000O010O100O100O100O010O100O1K5J5K6J6Jb\V5)");
  EXPECT_EQ(area(l), 967u);
  ExpectBox(to_bbox(l), 12, 245, 33, 37);
}

TEST(RleMaskFromPolygon, PartlyOutsideImage) {
  // Expected from pycocotools 8c9bcc3 maskApi: a quad poking out on every side of a 5x5 image.
  const double quad[8] = {-1.5, -1.0, 3.2, 0.6, 7.0, 4.4, 1.0, 6.5};
  const RleMask r = from_polygon(quad, 4, 5, 5);
  EXPECT_EQ(to_string(r), "0?1E1O");
  EXPECT_EQ(r.counts, (std::vector<std::uint32_t>{0, 15, 1, 4, 2, 3}));
  EXPECT_TRUE(covers_image(r));
  // Square [2.5, 9]^2 clipped to 5x5: centres 3.5 and 4.5 are inside in both axes; 2.5 lies on
  // the edge and is out. 3*5 + 3 = 18 zeros, then rows 3-4 of columns 3 and 4.
  const double square[8] = {2.5, 2.5, 9, 2.5, 9, 9, 2.5, 9};
  const RleMask s = from_polygon(square, 4, 5, 5);
  EXPECT_EQ(s.counts, (std::vector<std::uint32_t>{18, 2, 3, 2}));
  EXPECT_EQ(to_string(s), "b0230");  // expected from pycocotools 8c9bcc3 maskApi too
}

TEST(RleMaskFromPolygon, DegeneratePolygons) {
  // Zero area encloses no pixel centre: one run of zeros. Strings expected from pycocotools
  // 8c9bcc3 maskApi ("T1" = 36, "`0" = 16, see ToStringByHand).
  const double line[6] = {1, 1, 3, 3, 5, 5};
  const RleMask l = from_polygon(line, 3, 6, 6);
  EXPECT_EQ(l.counts, (std::vector<std::uint32_t>{36}));
  EXPECT_EQ(to_string(l), "T1");
  const double point[6] = {2, 2, 2, 2, 2, 2};
  const RleMask p = from_polygon(point, 3, 4, 4);
  EXPECT_EQ(p.counts, (std::vector<std::uint32_t>{16}));
  EXPECT_EQ(to_string(p), "`0");
  // maskApi with k = 0 leaves only the sentinel h*w in its count list.
  EXPECT_EQ(from_polygon(nullptr, 0, 3, 4).counts, (std::vector<std::uint32_t>{12}));
}

TEST(RleMaskMerge, UnionAndIntersection) {
  // 2x2: a = pixels {0, 1}, b = pixels {1, 2}. Union {0, 1, 2} = runs 0, 3, 1; intersection
  // {1} = runs 1, 1, 2 (pycocotools 8c9bcc3 gives "031" and "112").
  const RleMask a = Make(2, 2, {0, 2, 2});
  const RleMask b = Make(2, 2, {1, 2, 1});
  const RleMask u = merge({a, b}, false);
  EXPECT_EQ(u.height, 2u);
  EXPECT_EQ(u.width, 2u);
  EXPECT_EQ(u.counts, (std::vector<std::uint32_t>{0, 3, 1}));
  const RleMask i = merge({a, b}, true);
  EXPECT_EQ(i.counts, (std::vector<std::uint32_t>{1, 1, 2}));
  // One mask is returned as is.
  EXPECT_EQ(merge({b}, false).counts, b.counts);
}

TEST(RleMaskMerge, MatchesPycocotoolsOnPatterns) {
  // Expected from pycocotools 8c9bcc3 maskApi: merge of the three pattern masks.
  const std::vector<RleMask> p = {Pattern(0), Pattern(1), Pattern(2)};
  const RleMask u = merge(p, false);
  EXPECT_EQ(to_string(u),
            "01130M030M040L030M030M010O030M030M050K030M030M020N030M030M10O30M030M030M030M030M0201"
            "0M030M040L030M030M010O030M030M050K030M030M020N030M030M10O30M030M030M030M030M02010M03"
            "0M03");
  EXPECT_EQ(area(u), 213u);
  const RleMask i = merge(p, true);
  EXPECT_EQ(to_string(i),
            "01600010O000N0200020N000O01000L04000000000M0300010O000N0200020N000O01000L04000000000"
            "M03000O");
  EXPECT_EQ(area(i), 45u);
}

TEST(RleMaskMerge, DifferentSizesGiveEmptyMask) {
  // maskApi sets h = w = m = 0 (pycocotools: {'size': [0, 0], 'counts': b''}).
  const RleMask r = merge({Make(2, 2, {0, 2, 2}), Make(2, 3, {6})}, false);
  EXPECT_EQ(r.height, 0u);
  EXPECT_EQ(r.width, 0u);
  EXPECT_TRUE(r.counts.empty());
  const RleMask s = merge({Make(2, 2, {0, 2, 2}), Make(2, 2, {4}), Make(3, 2, {6})}, true);
  EXPECT_EQ(s.height, 0u);
  EXPECT_TRUE(s.counts.empty());
  EXPECT_TRUE(merge({}, false).counts.empty());
}

TEST(RleMaskIou, NonCrowdAndCrowd) {
  // 2x2: dt = {0, 1}, gt = {1, 2}. Boxes [0,0,1,2] and [0,0,2,2] overlap (the gt run wraps
  // into column 1, so its box is full height); pixels: intersection 1, union 3 -> 1/3; crowd:
  // 1 / area(dt) = 1/2. pycocotools 8c9bcc3 gives 0.3333333333333333 and 0.5.
  const RleMask dt = Make(2, 2, {0, 2, 2});
  const RleMask gt = Make(2, 2, {1, 2, 1});
  EXPECT_EQ(iou(dt, gt, false), 1.0 / 3.0);
  EXPECT_EQ(iou(dt, gt, true), 0.5);
  EXPECT_EQ(iou(dt, dt, false), 1.0);
}

TEST(RleMaskIou, OverlappingBoxesDisjointPixels) {
  // dt = the diagonal {0, 3}, gt = the anti-diagonal {1, 2}: both boxes are the whole image,
  // no shared pixel -> 0 (maskApi sets the union to 1 when the intersection is 0).
  EXPECT_EQ(iou(Make(2, 2, {0, 1, 2, 1}), Make(2, 2, {1, 2, 1}), false), 0.0);
  EXPECT_EQ(iou(Make(2, 2, {0, 1, 2, 1}), Make(2, 2, {1, 2, 1}), true), 0.0);
}

TEST(RleMaskIou, SizeMismatch) {
  // Boxes [0,0,1,2] and (2x3, pixels 1-2 = column 0 row 1, column 1 row 0) [0,0,2,2] overlap,
  // so maskApi reaches the size check: -1, crowd or not.
  EXPECT_EQ(iou(Make(2, 2, {0, 2, 2}), Make(2, 3, {1, 2, 3}), false), -1.0);
  EXPECT_EQ(iou(Make(2, 2, {0, 2, 2}), Make(2, 3, {1, 2, 3}), true), -1.0);
  // Boxes that do not overlap end the computation before the size check: 0, not -1.
  // dt = pixel 0 ([0,0,1,1]), gt = pixel 5 of 2x3 ([2,1,1,1]).
  EXPECT_EQ(iou(Make(2, 2, {0, 1, 3}), Make(2, 3, {5, 1}), false), 0.0);
}

TEST(RleMaskIou, MatchesPycocotoolsOnPatterns) {
  // Expected from pycocotools 8c9bcc3 maskApi: iou([p0], [p1], [0]) and [1] (float.hex()).
  EXPECT_EQ(iou(Pattern(0), Pattern(1), false), 0x1.0000000000000p-1);
  EXPECT_EQ(iou(Pattern(0), Pattern(1), true), 0x1.501f44659e4a4p-1);
}

TEST(RleMaskBoxIou, OverlapNoPlusOne) {
  // [0,0,2,2] vs [1,1,2,2]: inter 1*1 = 1, union 4 + 4 - 1 = 7 -> 1/7 (with a +1 on widths it
  // would be 4/14); crowd: 1 / dt area 4.
  EXPECT_EQ(box_iou({0, 0, 2, 2}, {1, 1, 2, 2}, false), 1.0 / 7.0);
  EXPECT_EQ(box_iou({0, 0, 2, 2}, {1, 1, 2, 2}, true), 0.25);
  EXPECT_EQ(box_iou({0.5, 0.5, 1, 1}, {1, 1, 1, 1}, false), 1.0 / 7.0);
  EXPECT_EQ(box_iou({3, 4, 5, 6}, {3, 4, 5, 6}, false), 1.0);
}

TEST(RleMaskBoxIou, TouchingAndDisjointBoxes) {
  // Shared edge: w = min(1, 2) - max(0, 1) = 0 -> 0.
  EXPECT_EQ(box_iou({0, 0, 1, 1}, {1, 0, 1, 1}, false), 0.0);
  EXPECT_EQ(box_iou({0, 0, 1, 1}, {1, 0, 1, 1}, true), 0.0);
  EXPECT_EQ(box_iou({0, 0, 1, 1}, {0, 1, 1, 1}, false), 0.0);
  EXPECT_EQ(box_iou({0, 0, 1, 1}, {5, 5, 1, 1}, false), 0.0);
}

TEST(RleMaskBoxIou, MatchesPycocotools) {
  // Expected from pycocotools 8c9bcc3 maskApi bbIou via mask.iou on float64 boxes.
  EXPECT_EQ(box_iou({10.3, 20.1, 30.7, 40.9}, {15.2, 18.4, 25.5, 33.3}, false),
            0x1.3d9c4552f5385p-1);
  EXPECT_EQ(box_iou({10.3, 20.1, 30.7, 40.9}, {15.2, 18.4, 25.5, 33.3}, true),
            0x1.489365f8b0555p-1);
}

}  // namespace
}  // namespace ovbench::rle
