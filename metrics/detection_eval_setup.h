#pragma once
// Steps the COCO and LVIS evaluators share before matching: indexing the ground truth, checking
// results against it, deciding the result type from the first result (pycocotools loadRes),
// and turning segmentations into masks.

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/detection_types.h"
#include "metrics/id_index.h"
#include "metrics/metric_report.h"

namespace ovbench {

// A named set of category ids to break results down by (OV-COCO base/novel, a user file).
struct NamedCategorySet {
  std::string name;
  std::vector<std::int64_t> category_ids;
};

struct DetectionEvalOptions {
  bool segm = false;                    // --iou-type segm
  std::vector<NamedCategorySet> groups;  // --groups
  bool drop_unknown_images = false;     // --drop-unknown-images
  std::string gt_name = "ground truth";  // file names for messages
  std::string results_name = "results";
  unsigned threads = 0;
  // --bootstrap N [--seed S]: N image-level bootstrap replicates for confidence intervals
  // (report.intervals); 0 skips them.
  int bootstrap_replicates = 0;
  std::uint64_t bootstrap_seed = 0;
};

// Sorted image and category ids of the ground truth (pycocotools: imgIds = sorted(getImgIds()),
// catIds = sorted(getCatIds())) with their indexes.
struct GtIndex {
  std::vector<std::int64_t> image_ids, category_ids;
  IdIndex images, categories;
  std::vector<std::uint32_t> image_height, image_width;  // by sorted image index
};
// Throws InputError on duplicate image or category ids.
GtIndex index_ground_truth(const DetectionDataset& gt, const std::string& gt_name);

// Detection indexes (file order) that are on gt images. Detections on other images are an
// InputError naming the count and the first ids, unless options.drop_unknown_images, which
// drops them with a warning in `report`.
std::vector<std::uint32_t> detections_on_known_images(const Detections& dt, const GtIndex& index,
                                                      const DetectionEvalOptions& options,
                                                      MetricReport& report);

// pycocotools loadRes: results are "bbox" results when the first one has a non-empty bbox;
// then every result needs one. Throws InputError naming the record that lacks it.
bool results_are_boxes(const Detections& dt, const DetectionEvalOptions& options);

// The mask of every listed detection (segm evaluation, or area of segm results), at its
// image's size; in parallel. Throws InputError naming the record of a segmentation the
// references reject. A box result without a segmentation gets its box polygon (loadRes).
std::vector<RleMask> detection_masks(const Detections& dt, const std::vector<std::uint32_t>& which,
                                     const GtIndex& index, const DetectionEvalOptions& options);

// The mask of every gt annotation (annToRLE), in annotation order.
std::vector<RleMask> ground_truth_masks(const DetectionDataset& gt, const GtIndex& index,
                                        const DetectionEvalOptions& options);

// The category indexes of a group, in ascending id order (pycocotools sorts params.catIds);
// ids not in the gt are skipped with a warning.
std::vector<std::size_t> group_categories(const NamedCategorySet& group, const GtIndex& index,
                                          MetricReport& report);

}  // namespace ovbench
