#include "models/adapters/replay_adapter.h"

#include "core/errors.h"
#include "datasets/detection_results_reader.h"
#include "datasets/grounding_predictions_reader.h"

namespace ovbench {

ReplayDetector::ReplayDetector(const ModelCard& card) {
  const auto results = read_detection_results(card.file("predictions"), ResultsReadOptions{false, 0});
  for (const auto& d : results.items) by_image_[d.image_id].push_back(d);
}

std::vector<Detection> ReplayDetector::detect(const std::vector<const ModelImage*>& batch) {
  std::vector<Detection> out;
  for (const auto* image : batch) {
    const auto it = by_image_.find(image->image_id);
    if (it != by_image_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

ReplayGrounder::ReplayGrounder(const ModelCard& card)
    : predictions_(read_grounding_predictions(card.file("predictions"))) {
  for (std::size_t r = 0; r < predictions_.records.size(); ++r)
    index_[{predictions_.records[r].image_id, predictions_.records[r].sentence_id}] = r;
}

PhraseBoxes ReplayGrounder::ground(const ModelImage&, const GroundingQuery& query) {
  PhraseBoxes out(query.phrases.size());
  const auto it = index_.find({query.image_id, query.sentence_id});
  if (it == index_.end()) return out;
  const auto& record = predictions_.records[it->second];
  for (std::uint32_t l = 0; l < record.list_count && l < out.size(); ++l) {
    const std::uint32_t list = record.first_list + l;
    for (std::uint64_t b = predictions_.list_begin[list]; b < predictions_.list_begin[list + 1]; ++b) {
      const auto& box = predictions_.boxes[b];
      out[l].push_back({box.x1, box.y1, box.x2, box.y2});
    }
  }
  return out;
}

ReplaySegmenter::ReplaySegmenter(const ModelCard& card) : directory_(card.file("predictions")) {
  if (!std::filesystem::is_directory(directory_))
    throw InputError(card.path.string() + ": files.predictions: " + directory_.string() +
                     ": expected a directory of PNG label maps for the segment task");
}

LabelMap ReplaySegmenter::segment(const ModelImage& image) {
  const auto stem = std::filesystem::path(image.file_name).stem().string();
  return read_label_map_png(directory_ / (stem + ".png"));
}

}  // namespace ovbench
