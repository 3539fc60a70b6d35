#include "models/adapters/denseclip_adapter.h"

#include <algorithm>

#include "core/errors.h"
#include "models/adapters/module_outputs.h"
#include "models/denseclip/bilinear_resize.h"
#include "models/denseclip/sliding_window_plan.h"
#include "models/denseclip/sliding_window_stitcher.h"

namespace ovbench {

DenseClipAdapter::DenseClipAdapter(ModelCard card, AdapterContext context)
    : card_(std::move(card)), context_(std::move(context)), class_source_(card_, context_) {
  module_ = context_.load_module(card_.file("module"));
  require_method(*module_, "forward", kSignature);
}

PrepareReport DenseClipAdapter::prepare(const Vocabulary& vocabulary) {
  PrepareReport report;
  classes_ = class_source_.for_vocabulary(vocabulary, report);
  if (classes_.rows > 255)
    throw InputError(card_.path.string() + ": " + std::to_string(classes_.rows) +
                     " classes do not fit the 8-bit label maps mmseg's evaluation reads");
  return report;
}

LabelMap DenseClipAdapter::segment(const ModelImage& image) {
  const std::size_t H = static_cast<std::size_t>(image.input_height), W = static_cast<std::size_t>(image.input_width);
  const std::size_t K = static_cast<std::size_t>(classes_.rows);
  const auto crop_size = static_cast<std::size_t>(card_.integer("crop_size"));
  const auto stride = static_cast<std::size_t>(card_.integer("stride"));
  std::vector<SlidingWindow> windows;
  if (card_.choice("mode") == "slide") {
    windows = plan_sliding_windows(H, W, SlidingWindowParams{crop_size, crop_size, stride, stride});
  } else {
    windows = {SlidingWindow{0, 0, H, W}};
  }
  const HostTensor class_tensor = HostTensor::floats({classes_.rows, classes_.dim}, classes_.values);
  SlidingWindowStitcher stitcher(K, H, W);
  const std::size_t PW = static_cast<std::size_t>(image.padded_width), PH = static_cast<std::size_t>(image.padded_height);
  for (const auto& win : windows) {
    const std::size_t h = win.y2 - win.y1, w = win.x2 - win.x1;
    std::vector<float> crop(3 * h * w);
    for (std::size_t c = 0; c < 3; ++c)
      for (std::size_t y = 0; y < h; ++y)
        std::copy_n(image.chw.data() + (c * PH + win.y1 + y) * PW + win.x1, w, crop.data() + (c * h + y) * w);
    const auto out = module_->call("forward", {HostTensor::floats({1, 3, static_cast<std::int64_t>(h), static_cast<std::int64_t>(w)}, std::move(crop)),
                                               class_tensor});
    ModuleOutputReader read(out, module_->path() + ": forward", kSignature);
    read.expect_elements(1);
    const auto& logits = read.floats(0, 0, 4, 1, -1, "logits");
    if (static_cast<std::size_t>(logits.shape[1]) != K)
      throw InputError(module_->path() + ": forward returned " + std::to_string(logits.shape[1]) + " class maps for " +
                       std::to_string(K) + " classes (expected " + kSignature + ")");
    stitcher.add(win, logits.f32, static_cast<std::size_t>(logits.shape[2]), static_cast<std::size_t>(logits.shape[3]));
  }
  const auto averaged = stitcher.take_average();
  const auto labels = resize_bilinear_argmax(averaged, K, H, W, static_cast<std::size_t>(image.original_height),
                                             static_cast<std::size_t>(image.original_width));
  LabelMap map;
  map.width = image.original_width;
  map.height = image.original_height;
  map.labels.assign(labels.begin(), labels.end());
  return map;
}

}  // namespace ovbench
