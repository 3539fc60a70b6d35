// MDETR's final_flickr_separateGT_<split>.json layout (scripts/pre-training/flickr_combined.py).

#include "datasets/mdetr_flickr_json.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace ovbench {
namespace {

// One sentence "Two men in a park" of Flickr image 1000092795: phrase "Two men" (chars 0-7)
// owns one box, [10, 20, 30, 40] in xywh; heights/widths are strings, as MDETR writes them.
const char* kJson = R"({"images": [{"file_name": "1000092795.jpg", "height": "333", "width": "500",
  "id": 0, "caption": "Two men in a park", "dataset_name": "flickr", "tokens_negative": [[0, 17]],
  "sentence_id": 2, "original_img_id": 1000092795, "tokens_positive_eval": [[[0, 7]]]}],
  "annotations": [{"area": 1200.0, "iscrowd": 0, "image_id": 0, "category_id": 1, "id": 5,
  "bbox": [10.0, 20.0, 30.0, 40.0], "tokens_positive": [[0, 7], [11, 17]]}],
  "categories": [{"supercategory": "object", "id": 1, "name": "object"}]})";

TEST(MdetrFlickrJson, ReadsImagesPerSentenceAndSpans) {
  const auto d = parse_mdetr_flickr_json(kJson, "final_flickr_separateGT_val.json");
  ASSERT_EQ(d.images.size(), 1u);
  EXPECT_EQ(d.images[0].original_img_id, "1000092795");
  EXPECT_EQ(d.images[0].sentence_id, 2);
  EXPECT_EQ(d.images[0].caption, "Two men in a park");
  ASSERT_EQ(d.images[0].tokens_positive_eval.size(), 1u);
  EXPECT_EQ(d.images[0].tokens_positive_eval[0], (std::vector<CharSpan>{{0, 7}}));
  ASSERT_EQ(d.annotations.size(), 1u);
  EXPECT_EQ(d.annotations[0].bbox[2], 30.0);
  EXPECT_EQ(d.annotations[0].tokens_positive, (std::vector<CharSpan>{{0, 7}, {11, 17}}));
}

TEST(MdetrFlickrJson, BadFieldsNameFileRecordAndField) {
  std::string bad = kJson;
  bad.replace(bad.find("[[[0, 7]]]"), 10, "[[[0, 70]]]");
  try {
    parse_mdetr_flickr_json(bad, "f.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("f.json: images: record 0: field 'tokens_positive_eval'"),
              std::string::npos)
        << e.what();
  }
  bad = kJson;
  bad.replace(bad.find("\"image_id\": 0"), 13, "\"image_id\": 9");
  try {
    parse_mdetr_flickr_json(bad, "f.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("annotations: record 0: field 'image_id'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace ovbench
