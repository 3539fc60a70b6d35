#pragma once
// The replay "model": predictions read from files instead of a network, so that any exported
// result (COCO results JSON, MDETR grounding JSON, PNG label maps) goes through the same
// runner, store and reports as a live model.

#include <map>
#include <string>
#include <vector>

#include "metrics/grounding_types.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/cards/model_card.h"

namespace ovbench {

class ReplayDetector final : public DetectorAdapter {
 public:
  explicit ReplayDetector(const ModelCard& card);
  PrepareReport prepare(const Vocabulary&) override { return {false, 0, "none"}; }
  std::vector<Detection> detect(const std::vector<const ModelImage*>& batch) override;

 private:
  std::map<std::int64_t, std::vector<Detection>> by_image_;
};

class ReplayGrounder final : public GrounderAdapter {
 public:
  explicit ReplayGrounder(const ModelCard& card);
  PhraseBoxes ground(const ModelImage& image, const GroundingQuery& query) override;

 private:
  GroundingPredictions predictions_;
  std::map<std::pair<std::string, std::int64_t>, std::size_t> index_;
};

class ReplaySegmenter final : public SegmenterAdapter {
 public:
  explicit ReplaySegmenter(const ModelCard& card);
  PrepareReport prepare(const Vocabulary&) override { return {false, 0, "none"}; }
  LabelMap segment(const ModelImage& image) override;

 private:
  std::filesystem::path directory_;
};

}  // namespace ovbench
