#pragma once
// The loop every prediction pass shares: images are decoded and preprocessed on worker
// threads ahead of the model (OrderedPrefetcher), grouped into batches in dataset order and
// handed to `run_batch` on the calling thread, with a progress bar. A bad image is an error
// naming the file, or, with skip_bad_images, a warning and a count.

#include <functional>
#include <string>
#include <vector>

#include "harness/predict/predict_inputs.h"
#include "models/adapters/model_image.h"
#include "models/preprocess/preprocess_spec.h"

namespace ovbench {

struct PredictionLoopOptions {
  std::string label = "predict";
  int batch_size = 1;
  int threads = 0;  // 0: one per core, at least 2
  bool keep_original_pixels = false;
  bool skip_bad_images = false;
};

struct PredictionLoopStats {
  std::size_t images = 0, skipped = 0;
  double seconds = 0;
};

// `run_batch(images, job_indices)`: the batch's images and their positions in `jobs`.
PredictionLoopStats run_prediction_loop(
    const std::vector<ImageJob>& jobs, const PreprocessSpec& spec, const PredictionLoopOptions& options,
    const std::function<void(const std::vector<const ModelImage*>&, const std::vector<std::size_t>&)>& run_batch);

}  // namespace ovbench
