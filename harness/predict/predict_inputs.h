#pragma once
// What a prediction pass runs over, per task: the images (with their ids and files) and the
// vocabulary or queries, read from the benchmark's own files.
//  - detect:  a COCO/LVIS instances JSON (images, categories); `groups` marks novel categories
//             (a group named "novel", e.g. --groups ov-coco or a groups file).
//  - ground:  a Flickr30K Entities root and split: each sentence's evaluable phrases.
//  - segment: a class list (built-in name or file) and every image in the images directory.

#include <filesystem>
#include <string>
#include <vector>

#include "datasets/detection_dataset_reader.h"
#include "metrics/detection_types.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/vocabulary.h"

namespace ovbench {

struct ImageJob {
  std::int64_t image_id = 0;
  std::string id_text;        // the id as the output format writes it (Flickr ids are strings)
  std::string file_name;      // as the dataset names it
  std::filesystem::path path;
};

struct DetectionInputs {
  std::vector<ImageJob> images;
  Vocabulary vocabulary;
  std::vector<Category> categories;  // as the file gives them (the runner resolves suite groups)
};
DetectionInputs detection_inputs(const std::filesystem::path& gt, const std::filesystem::path& images_dir,
                                 const std::string& groups_spec, const DatasetReadOptions& read = {});

struct GroundingInputs {
  std::vector<ImageJob> images;
  std::vector<std::vector<GroundingQuery>> queries;  // per image, its sentences
};
GroundingInputs grounding_inputs(const std::filesystem::path& flickr_root, const std::string& split,
                                 const std::filesystem::path& images_dir);

struct SegmentationInputs {
  std::vector<ImageJob> images;
  Vocabulary vocabulary;
};
SegmentationInputs segmentation_inputs(const std::string& classes_spec, const std::filesystem::path& images_dir);

// Keeps the first `limit` images (limit <= 0: all).
template <class Inputs>
void limit_images(Inputs& inputs, long long limit) {
  if (limit > 0 && inputs.images.size() > static_cast<std::size_t>(limit)) inputs.images.resize(static_cast<std::size_t>(limit));
}

}  // namespace ovbench
