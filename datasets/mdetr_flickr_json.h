#pragma once
// MDETR's pre-processed Flickr30K Entities annotations,
// final_flickr_{separate,merged}GT_<split>.json (written by scripts/pre-training/flickr_combined.py
// in ashkamath/mdetr@ea09acc; GLIP trains and runs inference from the same files). COCO-style, one
// "image" per (image, sentence):
//   images[]:      id, file_name, caption, sentence_id (0-based line index), original_img_id (the
//                  Flickr id, an integer in MDETR's files), tokens_positive_eval: per phrase with
//                  a gt box, in sentence order, a list of [char_start, char_end] spans of caption;
//   annotations[]: id, image_id, bbox [x, y, w, h], tokens_positive: the spans of every phrase of
//                  the sentence whose chain owns the box (boxes with IoU >= 0.95 merged into one).
// height/width (strings in MDETR's files), tokens_negative and dataset_name are not kept.
// The recall evaluator itself reads the original tree (datasets/flickr_entities_tree.h), as
// MDETR's does; this reader gives models the prompts and phrase-to-token spans.

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ovbench {

using CharSpan = std::pair<std::int64_t, std::int64_t>;  // [start, end) in the caption's chars

struct MdetrFlickrImage {
  std::int64_t id = 0;
  std::string file_name;
  std::string caption;
  std::int64_t sentence_id = 0;
  std::string original_img_id;  // decimal text of the integer, or the string as given
  std::vector<std::vector<CharSpan>> tokens_positive_eval;
};

struct MdetrFlickrAnnotation {
  std::int64_t id = 0, image_id = 0;
  std::array<double, 4> bbox{};  // x, y, w, h
  std::vector<CharSpan> tokens_positive;
};

struct MdetrFlickrDataset {
  std::vector<MdetrFlickrImage> images;
  std::vector<MdetrFlickrAnnotation> annotations;
};

// Throws InputError naming the file, the record ("FILE: images: record 3: field 'caption'") and the
// field.
MdetrFlickrDataset parse_mdetr_flickr_json(const std::string& bytes, const std::string& name);
MdetrFlickrDataset read_mdetr_flickr_json(const std::filesystem::path& path);

}  // namespace ovbench
