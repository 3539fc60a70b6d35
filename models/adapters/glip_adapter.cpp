#include "models/adapters/glip_adapter.h"

#include "core/errors.h"
#include "models/adapters/image_batch.h"
#include "models/adapters/module_outputs.h"
#include "models/bert_tokenizer.h"
#include "models/glip/glip_phrase_grounding.h"
#include "models/glip/glip_positive_map.h"
#include "models/glip/glip_prompt.h"
#include "models/preprocess/box_rescale.h"

namespace ovbench {
namespace {

// Boxes at the resized size clipped with TO_REMOVE = 1, then BoxList.resize to the original.
std::array<float, 4> to_original(const std::array<float, 4>& box, const ModelImage& image) {
  std::array<float, 4> b = box;
  clip_boxes_xyxy(b, ImageSize{image.input_width, image.input_height}, BoxClip::last_pixel);
  scale_boxes_xyxy(b, static_cast<double>(image.original_width) / image.input_width,
                   static_cast<double>(image.original_height) / image.input_height);
  return b;
}

}  // namespace

GlipAdapter::GlipAdapter(ModelCard card, AdapterContext context) : card_(std::move(card)), context_(std::move(context)) {
  module_ = context_.load_module(card_.file("module"));
  require_method(*module_, "forward", kSignature);
  params_.pre_nms_threshold = static_cast<float>(card_.number("score_threshold"));
  params_.pre_nms_top_n = static_cast<std::size_t>(card_.integer("pre_nms_top_n"));
  params_.nms_threshold = static_cast<float>(card_.number("nms_iou"));
  params_.detections_per_image = static_cast<std::size_t>(card_.integer("detections_per_image"));
  params_.aggregation = card_.choice("aggregation") == "max" ? GlipScoreAggregation::kMax : GlipScoreAggregation::kMean;
}

PrepareReport GlipAdapter::prepare(const Vocabulary& vocabulary) {
  chunks_.clear();
  const auto& tokenizer = BertTokenizer::builtin();
  for (const auto& [begin, end] : glip_prompt_chunks(vocabulary.size(), static_cast<long>(card_.integer("chunk_size")))) {
    std::vector<std::int64_t> labels;
    std::vector<std::string> names;
    for (std::size_t i = begin; i < end; ++i) {
      labels.push_back(vocabulary.entries[i].id);
      names.push_back(vocabulary.entries[i].name);
    }
    const auto prompt = build_glip_prompt(labels, names);
    auto text = glip_text_input(prompt.text, tokenizer);
    chunks_.push_back(Chunk{std::move(text.input_ids), std::move(text.attention_mask), glip_positive_map(prompt, tokenizer)});
  }
  PrepareReport report;
  report.text_source = "none";  // GLIP's text encoder runs inside the module, with the image
  return report;
}

std::vector<std::vector<GlipDetection>> GlipAdapter::run(const std::vector<const ModelImage*>& batch,
                                                         const std::vector<std::int64_t>& ids,
                                                         const std::vector<std::int64_t>& mask,
                                                         const GlipPositiveMap& map) {
  auto inputs = image_batch_tensors(batch);
  const auto n = static_cast<std::int64_t>(batch.size()), L = static_cast<std::int64_t>(ids.size());
  std::vector<std::int64_t> all_ids, all_mask;
  for (std::int64_t b = 0; b < n; ++b) {
    all_ids.insert(all_ids.end(), ids.begin(), ids.end());
    all_mask.insert(all_mask.end(), mask.begin(), mask.end());
  }
  inputs.push_back(HostTensor::ints({n, L}, std::move(all_ids)));
  inputs.push_back(HostTensor::ints({n, L}, std::move(all_mask)));
  const auto out = module_->call("forward", inputs);
  ModuleOutputReader read(out, module_->path() + ": forward", kSignature);
  read.expect_elements(4);
  for (std::size_t e = 0; e < 3; ++e) read.expect_per_image(e, batch.size());
  std::vector<std::size_t> levels;
  if (!out[3].empty()) {
    const auto& lv = out[3][0];
    if (lv.type != TensorType::int64) throw InputError(module_->path() + ": forward: level_sizes must be int64");
    for (const auto v : lv.i64) levels.push_back(static_cast<std::size_t>(v));
  }
  std::vector<std::vector<GlipDetection>> result;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto& boxes = read.floats(0, i, 2, -1, 4, "boxes");
    const std::int64_t A = boxes.shape[0];
    const auto& logits = read.floats(1, i, 2, A, L, "token_logits");
    const auto& centerness = read.floats(2, i, 1, A, -1, "centerness_logits");
    GlipHeadOutputs head;
    head.boxes = boxes.f32;
    head.token_logits = logits.f32;
    head.centerness_logits = centerness.f32;
    head.num_tokens = static_cast<std::size_t>(L);
    head.level_sizes = levels;
    head.image_width = static_cast<float>(batch[i]->input_width);
    head.image_height = static_cast<float>(batch[i]->input_height);
    result.push_back(glip_postprocess(head, map, params_));
  }
  return result;
}

std::vector<Detection> GlipAdapter::detect(const std::vector<const ModelImage*>& batch) {
  std::vector<std::vector<std::vector<GlipDetection>>> per_chunk;  // [chunk][image]
  for (const auto& chunk : chunks_) per_chunk.push_back(run(batch, chunk.input_ids, chunk.attention_mask, chunk.positive_map));
  std::vector<Detection> out;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    std::vector<std::vector<GlipDetection>> chunks;
    for (auto& c : per_chunk) chunks.push_back(std::move(c[i]));
    for (const auto& g : concatenate_chunk_detections(chunks)) {
      const auto b = to_original(g.box, *batch[i]);
      Detection d;
      d.image_id = batch[i]->image_id;
      d.category_id = g.label;
      // maskrcnn_benchmark BoxList.convert("xywh"): width = x2 - x1 + TO_REMOVE (1).
      d.bbox = BoxXYWH{b[0], b[1], static_cast<double>(b[2] - b[0] + 1.0f), static_cast<double>(b[3] - b[1] + 1.0f)};
      d.score = g.score;
      out.push_back(d);
    }
  }
  return out;
}

PhraseBoxes GlipAdapter::ground(const ModelImage& image, const GroundingQuery& query) {
  const auto& tokenizer = BertTokenizer::builtin();
  std::vector<std::vector<GlipCharSpan>> spans;
  for (const auto& [begin, end] : query.spans) {
    // Byte offsets to code points (GLIP's spans index the Python string).
    const auto b = utf8_code_points(std::string_view(query.caption).substr(0, begin));
    const auto e = utf8_code_points(std::string_view(query.caption).substr(0, end));
    spans.push_back({GlipCharSpan{b, e}});
  }
  const auto map = glip_phrase_positive_map(query.caption, spans, tokenizer, 1);
  const auto text = glip_text_input(query.caption, tokenizer);
  const auto detections = run({&image}, text.input_ids, text.attention_mask, map).front();
  PhraseBoxes out;
  for (const auto& phrase : glip_phrase_boxes(detections, query.phrases.size(), 1, true)) {
    std::vector<std::array<double, 4>> boxes;
    for (const auto& box : phrase.boxes) {
      const bool zero = box == std::array<float, 4>{0, 0, 0, 0};
      const auto b = zero ? box : to_original(box, image);
      boxes.push_back({b[0], b[1], b[2], b[3]});
    }
    out.push_back(std::move(boxes));
  }
  return out;
}

}  // namespace ovbench
