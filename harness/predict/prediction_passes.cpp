#include "harness/predict/prediction_passes.h"

#include "datasets/label_map_png.h"
#include "models/adapters/adapter_factory.h"
#include "models/preprocess/preprocess_spec.h"

namespace ovbench {
namespace {

PreprocessSpec card_preprocess(const ModelCard& card) {
  return parse_preprocess_spec(card.preprocess, card.path.string() + ": preprocess");
}

PredictionLoopOptions loop_options(const ImageAdapter& adapter, const PassOptions& options) {
  PredictionLoopOptions loop;
  loop.label = options.label;
  loop.batch_size = adapter.batch_size();
  loop.threads = options.threads;
  loop.keep_original_pixels = adapter.needs_original_pixels();
  loop.skip_bad_images = options.skip_bad_images;
  return loop;
}

}  // namespace

std::vector<Detection> DetectionPass::flattened() const {
  std::vector<Detection> out;
  for (const auto& v : per_image) out.insert(out.end(), v.begin(), v.end());
  return out;
}

std::vector<GroundingRecord> GroundingPass::flattened() const {
  std::vector<GroundingRecord> out;
  for (const auto& v : per_image) out.insert(out.end(), v.begin(), v.end());
  return out;
}

DetectionPass run_detection_pass(const ModelCard& card, const DetectionInputs& inputs, const PassOptions& options) {
  const auto spec = card_preprocess(card);
  auto adapter = make_detector_adapter(card, plugin_adapter_context(options.device, options.text_cache));
  DetectionPass pass;
  pass.report.prepare = adapter->prepare(inputs.vocabulary);
  pass.per_image.resize(inputs.images.size());
  pass.report.loop = run_prediction_loop(
      inputs.images, spec, loop_options(*adapter, options),
      [&](const std::vector<const ModelImage*>& batch, const std::vector<std::size_t>& indices) {
        auto detections = adapter->detect(batch);
        // Adapters return a batch's detections image by image; regroup by image id.
        for (auto& d : detections) {
          for (std::size_t k = 0; k < batch.size(); ++k)
            if (batch[k]->image_id == d.image_id) {
              pass.per_image[indices[k]].push_back(d);
              break;
            }
        }
        if (options.on_detections) {
          std::vector<std::pair<std::size_t, const std::vector<Detection>*>> done;
          for (const auto i : indices) done.emplace_back(i, &pass.per_image[i]);
          options.on_detections(done);
        }
      });
  return pass;
}

GroundingPass run_grounding_pass(const ModelCard& card, const GroundingInputs& inputs, const PassOptions& options) {
  const auto spec = card_preprocess(card);
  auto adapter = make_grounder_adapter(card, plugin_adapter_context(options.device, options.text_cache));
  GroundingPass pass;
  pass.per_image.resize(inputs.images.size());
  PredictionLoopOptions loop = loop_options(*adapter, options);
  loop.batch_size = 1;  // one image with all its sentences at a time
  pass.report.loop = run_prediction_loop(
      inputs.images, spec, loop,
      [&](const std::vector<const ModelImage*>& batch, const std::vector<std::size_t>& indices) {
        for (std::size_t k = 0; k < batch.size(); ++k) {
          for (const auto& query : inputs.queries[indices[k]]) {
            GroundingRecord record;
            record.image_id = query.image_id;
            record.sentence_id = query.sentence_id;
            record.boxes = adapter->ground(*batch[k], query);
            pass.per_image[indices[k]].push_back(std::move(record));
          }
        }
        if (options.on_grounding) {
          std::vector<std::pair<std::size_t, const std::vector<GroundingRecord>*>> done;
          for (const auto i : indices) done.emplace_back(i, &pass.per_image[i]);
          options.on_grounding(done);
        }
      });
  return pass;
}

SegmentationPass run_segmentation_pass(const ModelCard& card, const SegmentationInputs& inputs,
                                       const std::filesystem::path& out_dir, const PassOptions& options) {
  const auto spec = card_preprocess(card);
  auto adapter = make_segmenter_adapter(card, plugin_adapter_context(options.device, options.text_cache));
  SegmentationPass pass;
  pass.report.prepare = adapter->prepare(inputs.vocabulary);
  std::filesystem::create_directories(out_dir);
  pass.report.loop = run_prediction_loop(
      inputs.images, spec, loop_options(*adapter, options),
      [&](const std::vector<const ModelImage*>& batch, const std::vector<std::size_t>& indices) {
        std::vector<std::pair<std::size_t, std::filesystem::path>> done;
        for (std::size_t k = 0; k < batch.size(); ++k) {
          const auto path = out_dir / (std::filesystem::path(batch[k]->file_name).stem().string() + ".png");
          write_label_map_png(path, adapter->segment(*batch[k]));
          pass.written.push_back(path);
          done.emplace_back(indices[k], path);
        }
        if (options.on_label_maps) options.on_label_maps(done);
      });
  return pass;
}

}  // namespace ovbench
