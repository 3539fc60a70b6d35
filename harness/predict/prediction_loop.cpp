#include "harness/predict/prediction_loop.h"

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include "core/errors.h"
#include "harness/predict/image_preparation.h"
#include "harness/predict/ordered_prefetcher.h"
#include "harness/progress_bar.h"

namespace ovbench {

PredictionLoopStats run_prediction_loop(
    const std::vector<ImageJob>& jobs, const PreprocessSpec& spec, const PredictionLoopOptions& options,
    const std::function<void(const std::vector<const ModelImage*>&, const std::vector<std::size_t>&)>& run_batch) {
  const auto start = std::chrono::steady_clock::now();
  PredictionLoopStats stats;
  const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                                  : std::max(2u, std::thread::hardware_concurrency());
  const std::size_t batch = static_cast<std::size_t>(std::max(1, options.batch_size));
  // Enough look-ahead to keep every worker busy while the model runs a batch, and no more
  // (each prepared 800x1333 image holds ~13 MB of floats).
  OrderedPrefetcher<ModelImage> prefetch(jobs.size(), threads, 2 * batch + threads, [&](std::size_t i) {
    return prepare_model_image(jobs[i], spec, options.keep_original_pixels);
  });
  ProgressBar progress(options.label, jobs.size());
  std::vector<ModelImage> images;
  std::vector<std::size_t> indices;
  auto flush = [&] {
    if (images.empty()) return;
    std::vector<const ModelImage*> pointers;
    for (const auto& im : images) pointers.push_back(&im);
    run_batch(pointers, indices);
    progress.advance(images.size());
    stats.images += images.size();
    images.clear();
    indices.clear();
  };
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    try {
      images.push_back(prefetch.next());
      indices.push_back(i);
    } catch (const InputError& e) {
      if (!options.skip_bad_images) throw;
      ++stats.skipped;
      progress.advance(1);
      std::cerr << "warning: skipped " << e.what() << "\n";
      continue;
    }
    if (images.size() == batch) flush();
  }
  flush();
  progress.finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace ovbench
