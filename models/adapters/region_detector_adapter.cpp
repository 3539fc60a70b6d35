#include "models/adapters/region_detector_adapter.h"

#include <algorithm>
#include <numeric>

#include "core/errors.h"
#include "models/adapters/image_batch.h"
#include "models/adapters/module_outputs.h"
#include "models/adapters/region_detections.h"
#include "models/cards/adapter_specs.h"
#include "models/detection_postprocess/box_nms.h"

namespace ovbench {

RegionDetectorAdapter::RegionDetectorAdapter(ModelCard card, AdapterContext context)
    : card_(std::move(card)), context_(std::move(context)), vild_(card_.adapter == "vild"),
      class_source_(card_, context_) {
  image_module_ = context_.load_module(card_.file("image_module"));
  const auto& spec = find_adapter_spec(card_.adapter, card_.path.string());
  require_method(*image_module_, "forward", spec.files.front().description);
}

PrepareReport RegionDetectorAdapter::prepare(const Vocabulary& vocabulary) {
  PrepareReport report;
  vocabulary_ = vocabulary;
  classes_ = class_source_.for_vocabulary(vocabulary, report);
  background_ = class_source_.background(classes_.dim);
  novel_.clear();
  for (const auto& e : vocabulary.entries) novel_.push_back(e.novel);
  return report;
}

std::vector<RegionDetectorAdapter::ImageRegions> RegionDetectorAdapter::run_image_module(
    const std::vector<const ModelImage*>& batch) {
  const auto output = image_module_->call("forward", image_batch_tensors(batch));
  const auto& spec = find_adapter_spec(card_.adapter, card_.path.string());
  ModuleOutputReader read(output, image_module_->path() + ": forward", spec.files.front().description);
  read.expect_elements(3);
  for (std::size_t e = 0; e < 3; ++e) read.expect_per_image(e, batch.size());
  std::vector<ImageRegions> regions(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& boxes = read.floats(0, i, 2, -1, 4, "boxes");
    const std::int64_t R = boxes.shape[0];
    const auto& emb = read.floats(1, i, 2, R, -1, "embeddings");
    auto& r = regions[i];
    r.boxes = boxes.f32;
    r.embeddings = RegionEmbeddings{R, emb.shape[1], emb.f32};
    if (vild_) {
      const auto& second = read.floats(2, i, 2, R, emb.shape[1], "image_branch_embeddings");
      r.second = RegionEmbeddings{R, second.shape[1], second.f32};
    } else {
      r.objectness = read.floats(2, i, 1, R, -1, "objectness").f32;
    }
  }
  return regions;
}

std::vector<Detection> RegionDetectorAdapter::detect(const std::vector<const ModelImage*>& batch) {
  const RegionSelection selection{card_.number("score_threshold"), card_.number("nms_iou"),
                                  static_cast<int>(card_.integer("detections_per_image"))};
  std::vector<Detection> out;
  const auto regions = run_image_module(batch);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& r = regions[i];
    RegionClassScores scores;
    const std::vector<float>* bg = background_.empty() ? nullptr : &background_;
    if (vild_) {
      const VildScoring how{card_.number("temperature"), card_.boolean("ensemble"), card_.number("ensemble_weight")};
      scores = score_vild(r.embeddings, &r.second, classes_, bg, novel_, how);
    } else {
      const RegionClipScoring how{card_.number("temperature"),
                                  card_.choice("objectness_fusion") == "geometric-mean",
                                  card_.choice("reported_score") == "fused"};
      scores = score_regionclip(r.embeddings, classes_, bg, r.objectness, how);
    }
    auto detections = select_region_detections(r.boxes, scores, *batch[i], vocabulary_, selection);
    out.insert(out.end(), detections.begin(), detections.end());
  }
  return out;
}

PhraseBoxes RegionDetectorAdapter::ground(const ModelImage& image, const GroundingQuery& query) {
  const auto regions = run_image_module({&image});
  const auto& r = regions.front();
  const auto phrases = class_source_.for_texts(query.phrases);
  // A phrase ranks every region by cosine similarity; duplicates of a better box are removed
  // with NMS at 0.5 so that Recall@k counts distinct places.
  const auto cos = region_class_cosines(r.embeddings, phrases);
  PhraseBoxes out(query.phrases.size());
  const std::int64_t R = r.embeddings.count, P = phrases.rows;
  for (std::int64_t p = 0; p < P; ++p) {
    std::vector<float> s(static_cast<std::size_t>(R));
    for (std::int64_t i = 0; i < R; ++i) s[i] = cos[i * P + p];
    for (const auto i : nms(r.boxes, s, 0.5f)) {
      const BoxXYWH b = to_original_box(r.boxes.data() + i * 4, image);
      out[p].push_back({b.x, b.y, b.x + b.w, b.y + b.h});
      if (out[p].size() == 100) break;
    }
  }
  return out;
}

}  // namespace ovbench
