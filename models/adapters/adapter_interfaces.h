#pragma once
// The three things a model can be asked to do. The runner and `ovbench predict` see only these
// interfaces; adapters (one per family) implement them and are built from a model card by
// make_*_adapter (adapter_factory.h). Calls happen on one thread.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "datasets/label_map_png.h"
#include "metrics/detection_types.h"
#include "models/adapters/model_image.h"
#include "models/vocabulary.h"

namespace ovbench {

// What prepare() did, for logs and tests (e.g. proving the text cache skipped the forward pass).
struct PrepareReport {
  bool text_from_cache = false;
  int text_forward_calls = 0;
  std::string text_source;  // "text_module", "class_embeddings", "none"
};

class ImageAdapter {
 public:
  virtual ~ImageAdapter() = default;
  virtual int batch_size() const { return 1; }
  // True when adapters need ModelImage::original (the decoded pixels) as well as the tensor.
  virtual bool needs_original_pixels() const { return false; }
};

class DetectorAdapter : public ImageAdapter {
 public:
  virtual PrepareReport prepare(const Vocabulary& vocabulary) = 0;
  // Detections of a batch, boxes in original image pixels, category ids from the vocabulary.
  virtual std::vector<Detection> detect(const std::vector<const ModelImage*>& batch) = 0;
};

// One caption's phrases to ground in one image.
struct GroundingQuery {
  std::string image_id;
  std::int64_t sentence_id = 0;
  std::string caption;
  std::vector<std::string> phrases;
  // Character span [begin, end) of each phrase in the caption (GLIP grounds token spans).
  std::vector<std::pair<std::size_t, std::size_t>> spans;
};
// Ranked boxes (best first, xyxy original pixels) per phrase.
using PhraseBoxes = std::vector<std::vector<std::array<double, 4>>>;

class GrounderAdapter : public ImageAdapter {
 public:
  virtual PhraseBoxes ground(const ModelImage& image, const GroundingQuery& query) = 0;
};

class SegmenterAdapter : public ImageAdapter {
 public:
  virtual PrepareReport prepare(const Vocabulary& vocabulary) = 0;
  // A label map of the original size, label = vocabulary index.
  virtual LabelMap segment(const ModelImage& image) = 0;
};

}  // namespace ovbench
