// GLIP's k-shot selection (microsoft/GLIP maskrcnn_benchmark/data/datasets/coco.py
// COCODataset.__init__, modulated_coco.py CocoGrounding), one behaviour per test, expected ids
// traced by hand through the reference loop in each comment.

#include "datasets/fewshot_sampler.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace ovbench {
namespace {

DetectionDataset dataset(const std::vector<std::int64_t>& image_ids,
                         const std::vector<std::int64_t>& category_ids,
                         const std::vector<std::pair<std::int64_t, std::int64_t>>& image_category,
                         double w = 5) {
  DetectionDataset ds;
  for (const auto id : image_ids) {
    ds.images.emplace_back();
    ds.images.back().id = id;
  }
  for (const auto id : category_ids) {
    ds.categories.emplace_back();
    ds.categories.back().id = id;
  }
  std::int64_t next = 1;
  for (const auto& [image, category] : image_category) {
    GtAnnotation a;
    a.id = next++;
    a.image_id = image;
    a.category_id = category;
    a.bbox = {0, 0, w, 5};
    ds.annotations.push_back(a);
  }
  return ds;
}

std::vector<std::int64_t> select(const DetectionDataset& ds, int shots, std::int64_t seed,
                                 FewShotDatasetClass c = FewShotDatasetClass::kCocoDataset) {
  FewShotOptions o;
  o.shots = shots;
  o.seed = seed;
  o.dataset_class = c;
  return select_fewshot_images(ds, o);
}

TEST(FewShotSampler, GroundingIgnoresTheSeed) {
  // Valid ids [1, 2, 3] (sorted); CocoGrounding never shuffles, so seed 3 scans 1 {1} keep,
  // 2 {1, 2} keep (2 still needed), 3 {2} skip. (COCODataset with seed 3 would scan the CPython
  // shuffle [2, 3, 1] and keep only 2.)
  const auto ds = dataset({3, 1, 2}, {1, 2}, {{1, 1}, {2, 1}, {2, 2}, {3, 2}});
  EXPECT_EQ(select(ds, 1, 3, FewShotDatasetClass::kCocoGrounding),
            (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(select(ds, 1, 3), (std::vector<std::int64_t>{2}));
}

TEST(FewShotSampler, GroundingQuotaListIsAsLongAsTheLargestId) {
  // Categories {1, 5}: CocoGrounding's list has 5 slots, 5 -> slot 4; 1 {5} keep, 2 {5} skip.
  // COCODataset's list has len(cats) = 2 slots, so cats_freq[4] raises IndexError.
  const auto ds = dataset({1, 2}, {1, 5}, {{1, 5}, {2, 5}});
  EXPECT_EQ(select(ds, 1, 0, FewShotDatasetClass::kCocoGrounding), (std::vector<std::int64_t>{1}));
  EXPECT_THROW(select(ds, 1, 0), InputError);
}

TEST(FewShotSampler, CategoryZeroUsesPythonNegativeIndex) {
  // Categories {0, 2}: two slots; cats_freq[0 - 1] is the last slot, the one category 2 uses.
  // 1 {0} keep -> slot 1 = 0; 2 {2} finds slot 1 at 0: skipped.
  const auto ds = dataset({1, 2}, {0, 2}, {{1, 0}, {2, 2}});
  EXPECT_EQ(select(ds, 1, 0), (std::vector<std::int64_t>{1}));
}

TEST(FewShotSampler, ImagesWithOnlyTinyBoxesAreDroppedFirst) {
  // Image 1's box is 1 px wide (_has_only_empty_bbox: w <= 1), image 2 has no annotation; with
  // k = 5 every remaining image is needed: only 3.
  auto ds = dataset({1, 2, 3}, {1}, {{1, 1}}, 1.0);
  GtAnnotation a = ds.annotations[0];
  a.id = 9;
  a.image_id = 3;
  a.bbox.w = 1.5;
  ds.annotations.push_back(a);
  EXPECT_EQ(select(ds, 5, 0), (std::vector<std::int64_t>{3}));
}

TEST(FewShotSampler, QuotaCanGoNegativeAndKIsPerCategory) {
  // k = 2, one category: 1 keep (1 left), 2 keep (0 left), 3 skip.
  const auto ds = dataset({1, 2, 3}, {1}, {{1, 1}, {2, 1}, {3, 1}});
  EXPECT_EQ(select(ds, 2, 0), (std::vector<std::int64_t>{1, 2}));
}

TEST(FewShotSampler, DuplicateImageIdIsAnInputError) {
  const auto ds = dataset({1, 1}, {1}, {{1, 1}});
  EXPECT_THROW(select(ds, 1, 0), InputError);
}

}  // namespace
}  // namespace ovbench
