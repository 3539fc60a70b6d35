#pragma once
// One model over one dataset, per task: builds the card's adapter, prepares the vocabulary
// (text embeddings, cached), runs the prediction loop and collects the predictions in the
// dataset's order. `ovbench predict` writes them out; `ovbench run` also scores them.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "harness/predict/prediction_loop.h"
#include "harness/predict/prediction_writers.h"
#include "harness/predict/predict_inputs.h"
#include "models/cards/model_card.h"
#include "models/runtime/device_spec.h"

namespace ovbench {

struct PassOptions {
  DeviceSpec device;
  std::filesystem::path text_cache;  // empty: no cache
  bool skip_bad_images = false;
  int threads = 0;
  std::string label = "predict";
  // Called after each batch for each image just finished (its position in the inputs and its
  // predictions): the runner's resume journal hooks in here.
  std::function<void(const std::vector<std::pair<std::size_t, const std::vector<Detection>*>>&)> on_detections;
  std::function<void(const std::vector<std::pair<std::size_t, const std::vector<GroundingRecord>*>>&)> on_grounding;
  std::function<void(const std::vector<std::pair<std::size_t, std::filesystem::path>>&)> on_label_maps;
};

struct PassReport {
  PrepareReport prepare;
  PredictionLoopStats loop;
};

struct DetectionPass {
  std::vector<std::vector<Detection>> per_image;  // parallel to inputs.images (empty when skipped)
  PassReport report;
  std::vector<Detection> flattened() const;
};
DetectionPass run_detection_pass(const ModelCard& card, const DetectionInputs& inputs, const PassOptions& options);

struct GroundingPass {
  std::vector<std::vector<GroundingRecord>> per_image;
  PassReport report;
  std::vector<GroundingRecord> flattened() const;
};
GroundingPass run_grounding_pass(const ModelCard& card, const GroundingInputs& inputs, const PassOptions& options);

struct SegmentationPass {
  std::vector<std::filesystem::path> written;  // one PNG per image, in order
  PassReport report;
};
// Label maps are written into `out_dir` as they come (named after the images' stems).
SegmentationPass run_segmentation_pass(const ModelCard& card, const SegmentationInputs& inputs,
                                       const std::filesystem::path& out_dir, const PassOptions& options);

}  // namespace ovbench
