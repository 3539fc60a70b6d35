#pragma once
// Phrase grounding data as the recall scorer sees it: flat arrays, no file formats. The
// Flickr30K Entities reader (datasets/flickr_entities_tree.h) and the prediction reader
// (datasets/grounding_predictions_reader.h) fill these.

#include <cstdint>
#include <string>
#include <vector>

namespace ovbench {

struct GroundingBox {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct GroundingGroundTruth {
  struct Phrase {
    std::uint32_t first_box = 0, box_count = 0;    // into `boxes`: the phrase's entity's boxes
    std::uint32_t first_type = 0, type_count = 0;  // into `phrase_types`
  };
  struct Sentence {
    std::string image_id;
    std::int64_t sentence_id = 0;
    std::uint32_t first_phrase = 0, phrase_count = 0;  // into `phrases`, in sentence order
  };
  std::vector<std::string> type_names;  // phrase type vocabulary; phrase_types index it
  std::vector<Sentence> sentences;      // the evaluable sentences (>= 1 phrase each)
  std::vector<Phrase> phrases;
  std::vector<GroundingBox> boxes;
  std::vector<std::uint32_t> phrase_types;
};

// One record per prediction in file order; record r owns box lists [first_list, first_list +
// list_count), list l owns boxes [list_begin[l], list_begin[l + 1]) in rank order.
struct GroundingPredictions {
  struct Record {
    std::string image_id;  // a JSON integer written in decimal, or the JSON string as-is
    std::int64_t sentence_id = 0;
    std::uint32_t first_list = 0, list_count = 0;
  };
  std::vector<Record> records;
  std::vector<std::uint64_t> list_begin{0};
  std::vector<GroundingBox> boxes;
};

}  // namespace ovbench
