#pragma once
// Phrase grounding predictions in MDETR's format (what its PostProcessFlickr + FlickrEvaluator
// consume, and GLIP's flickr_post_process produces): a JSON array of
//   {"image_id": 1000092795 | "1000092795", "sentence_id": 0,
//    "boxes": [[[x1, y1, x2, y2], ...], ...]}
// with one ranked box list (best first) per evaluable phrase of the sentence, in sentence order,
// boxes in original image pixels. Other fields are ignored. An integer image_id is matched as
// its decimal text, a string as-is (MDETR formats f"{image_id}_{sentence_id}").

#include <filesystem>
#include <string>

#include "metrics/grounding_types.h"

namespace ovbench {

// Throws InputError naming the file, the record and the field ("boxes": list 2, box 5: ...).
GroundingPredictions read_grounding_predictions(const std::filesystem::path& path);
GroundingPredictions parse_grounding_predictions(const std::string& bytes, const std::string& name);

}  // namespace ovbench
