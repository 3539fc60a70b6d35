#pragma once
// GLIP's k-shot training subset (microsoft/GLIP@9dda955, maskrcnn_benchmark/data/datasets/
// coco.py COCODataset.__init__ with few_shot=k, and modulated_coco.py CocoGrounding):
//   1. ids = sorted image ids;
//   2. keep images with a valid annotation (has_valid_annotation: at least one annotation, and
//      not every box has width <= 1 or height <= 1; crowd boxes count);
//   3. COCODataset only: if seed != 0, random.Random(seed).shuffle(ids);
//   4. quota = [k] * L, L = number of categories (COCODataset) or the largest category id
//      (CocoGrounding), indexed by category_id - 1 *with Python's negative indexing*;
//   5. scan ids: C = the set of category ids of all the image's annotations; keep the image if
//      any quota[c - 1] > 0, and then decrement quota[c - 1] for every c in C (may go negative).

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/detection_types.h"

namespace ovbench {

enum class FewShotDatasetClass {
  kCocoDataset,    // honours the shuffle seed; quota per category count
  kCocoGrounding,  // ignores the seed (GLIP passes it, the class never reads it); quota by max id
};

struct FewShotOptions {
  int shots = 1;           // k >= 1
  std::int64_t seed = 0;   // DATASETS.SHUFFLE_SEED; 0 keeps the sorted order
  FewShotDatasetClass dataset_class = FewShotDatasetClass::kCocoDataset;
  std::string gt_name = "ground truth";  // for messages
};

// The selected image ids in GLIP's scan order. Throws InputError where GLIP would raise: an
// annotation whose category_id - 1 is outside the quota list (IndexError), no categories
// (CocoGrounding: max() of nothing), duplicate image ids.
std::vector<std::int64_t> select_fewshot_images(const DetectionDataset& gt,
                                                const FewShotOptions& options);

}  // namespace ovbench
