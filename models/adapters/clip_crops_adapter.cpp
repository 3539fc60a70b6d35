#include "models/adapters/clip_crops_adapter.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "datasets/detection_results_reader.h"
#include "models/adapters/module_outputs.h"
#include "models/adapters/region_detections.h"
#include "models/preprocess/official_preprocess.h"
#include "models/preprocess/preprocess_pipeline.h"
#include "models/text/class_text_embedder.h"

namespace ovbench {

RgbImage crop_scaled_box(const RgbImage& image, const BoxXYWH& box, double scale) {
  const double cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  const double w = box.w * scale, h = box.h * scale;
  int x1 = static_cast<int>(std::floor(cx - w / 2)), y1 = static_cast<int>(std::floor(cy - h / 2));
  int x2 = static_cast<int>(std::ceil(cx + w / 2)), y2 = static_cast<int>(std::ceil(cy + h / 2));
  x1 = std::clamp(x1, 0, image.width - 1);
  y1 = std::clamp(y1, 0, image.height - 1);
  x2 = std::clamp(x2, x1 + 1, image.width);
  y2 = std::clamp(y2, y1 + 1, image.height);
  RgbImage crop(x2 - x1, y2 - y1);
  for (int y = y1; y < y2; ++y) std::copy_n(image.row(y) + x1 * 3, crop.width * 3, crop.row(y - y1));
  return crop;
}

ClipCropsAdapter::ClipCropsAdapter(ModelCard card, AdapterContext context)
    : card_(std::move(card)), context_(std::move(context)), class_source_(card_, context_) {
  encoder_ = context_.load_module(card_.file("image_encoder"));
  require_method(*encoder_, "encode_image", kSignature);
  const auto results = read_detection_results(card_.file("proposals"), ResultsReadOptions{false, 0});
  for (const auto& d : results.items) proposals_[d.image_id].push_back({d.bbox, static_cast<float>(d.score)});
  const auto keep = static_cast<std::size_t>(card_.integer("proposals_per_image"));
  for (auto& [id, list] : proposals_) {
    std::stable_sort(list.begin(), list.end(), [](const Proposal& a, const Proposal& b) { return a.score > b.score; });
    if (list.size() > keep) list.resize(keep);
  }
}

PrepareReport ClipCropsAdapter::prepare(const Vocabulary& vocabulary) {
  PrepareReport report;
  vocabulary_ = vocabulary;
  classes_ = class_source_.for_vocabulary(vocabulary, report);
  return report;
}

std::vector<Detection> ClipCropsAdapter::detect(const std::vector<const ModelImage*>& batch) {
  const auto S = static_cast<int>(card_.integer("input_size"));
  PreprocessSpec spec = official_preprocess("clip", card_.path.string());
  spec.resize = ResizeRule::fixed;
  spec.filter = ResizeFilter::pil_bicubic;
  spec.fixed_size = ImageSize{S, S};
  spec.center_crop.reset();
  const auto scales = card_.numbers("crop_scales");
  const auto chunk = static_cast<std::size_t>(card_.integer("batch_size"));
  const bool fuse = card_.choice("proposal_score_fusion") == "geometric-mean";
  std::vector<Detection> out;
  for (const ModelImage* image : batch) {
    if (image->original.pixels.empty()) throw std::logic_error("clip_crops needs the decoded pixels");
    const auto it = proposals_.find(image->image_id);
    if (it == proposals_.end() || it->second.empty()) continue;
    const auto& proposals = it->second;
    // Every (proposal, scale) crop, embedded in batches of `chunk`.
    std::vector<float> pixels;
    std::vector<float> embeddings;
    std::int64_t dim = 0;
    const std::size_t crops = proposals.size() * scales.size();
    auto flush = [&](std::size_t n) {
      if (n == 0) return;
      const auto result = encoder_->call("encode_image", {HostTensor::floats({static_cast<std::int64_t>(n), 3, S, S}, pixels)});
      ModuleOutputReader read(result, encoder_->path() + ": encode_image", kSignature);
      read.expect_elements(1);
      const auto& e = read.floats(0, 0, 2, static_cast<std::int64_t>(n), -1, "embeddings");
      dim = e.shape[1];
      embeddings.insert(embeddings.end(), e.f32.begin(), e.f32.end());
      pixels.clear();
    };
    std::size_t pending = 0;
    for (std::size_t c = 0; c < crops; ++c) {
      const auto crop = crop_scaled_box(image->original, proposals[c / scales.size()].box, scales[c % scales.size()]);
      const auto pre = preprocess(crop, spec);
      pixels.insert(pixels.end(), pre.chw.begin(), pre.chw.end());
      if (++pending == chunk) flush(std::exchange(pending, 0));
    }
    flush(pending);
    // Average the unit embeddings of a proposal's scales.
    EmbeddingMatrix per_crop{static_cast<std::int64_t>(crops), dim, std::move(embeddings)};
    normalize_rows(per_crop);
    RegionEmbeddings regions{static_cast<std::int64_t>(proposals.size()), dim,
                             std::vector<float>(proposals.size() * static_cast<std::size_t>(dim), 0.0f)};
    for (std::size_t c = 0; c < crops; ++c)
      for (std::int64_t d = 0; d < dim; ++d)
        regions.values[(c / scales.size()) * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)] +=
            per_crop.values[c * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)] / static_cast<float>(scales.size());
    std::vector<float> proposal_scores, boxes;
    for (const auto& p : proposals) {
      proposal_scores.push_back(p.score);
      const float b[4] = {static_cast<float>(p.box.x), static_cast<float>(p.box.y), static_cast<float>(p.box.x + p.box.w),
                          static_cast<float>(p.box.y + p.box.h)};
      boxes.insert(boxes.end(), b, b + 4);
    }
    const auto scores = score_clip_crops(regions, classes_, card_.number("temperature"), fuse ? &proposal_scores : nullptr);
    // Proposals are in original pixels: the selection's input frame is the original image.
    ModelImage frame;
    frame.image_id = image->image_id;
    frame.original_width = frame.input_width = image->original_width;
    frame.original_height = frame.input_height = image->original_height;
    const RegionSelection selection{0.0, card_.number("nms_iou"), static_cast<int>(card_.integer("detections_per_image"))};
    auto detections = select_region_detections(boxes, scores, frame, vocabulary_, selection);
    out.insert(out.end(), detections.begin(), detections.end());
  }
  return out;
}

}  // namespace ovbench
