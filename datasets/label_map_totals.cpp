#include "datasets/label_map_totals.h"

#include <string>

#include "core/errors.h"
#include "core/parallel_for.h"
#include "datasets/label_map_png.h"

namespace ovbench {

SegmentationTotals label_map_pair_totals(const std::vector<LabelMapPair>& pairs, const SegmentationOptions& options,
                                         unsigned threads, std::vector<SegmentationTotals>* per_image) {
  if (threads == 0) threads = default_thread_count();
  std::vector<SegmentationJointHistogram> partial(threads);
  std::vector<std::string> errors(threads);
  if (per_image) per_image->assign(pairs.size(), SegmentationTotals(static_cast<std::size_t>(options.num_classes)));
  parallel_for_workers(
      pairs.size(),
      [&](std::size_t b, std::size_t e, unsigned w) {
        for (std::size_t i = b; i < e && errors[w].empty(); ++i) {
          try {
            const LabelMap gt = read_label_map_png(pairs[i].gt);
            const LabelMap pred = read_label_map_png(pairs[i].pred);
            if (gt.width != pred.width || gt.height != pred.height) {
              throw InputError(pairs[i].pred.string() + ": " + std::to_string(pred.width) + "x" + std::to_string(pred.height) +
                               " does not match its ground truth " + pairs[i].gt.string() + " (" +
                               std::to_string(gt.width) + "x" + std::to_string(gt.height) + ")");
            }
            partial[w].add_image(gt.labels.data(), pred.labels.data(), gt.labels.size());
            if (per_image) accumulate_segmentation(gt.labels.data(), pred.labels.data(), gt.labels.size(), options, (*per_image)[i]);
          } catch (const InputError& ex) {
            errors[w] = ex.what();
          }
        }
      },
      threads, 1);
  for (const auto& e : errors)
    if (!e.empty()) throw InputError(e);
  for (std::size_t w = 1; w < partial.size(); ++w) partial[0].add(partial[w]);  // integers: order-free
  SegmentationTotals totals(static_cast<std::size_t>(options.num_classes));
  partial[0].fold_into(options, totals);
  return totals;
}

}  // namespace ovbench
