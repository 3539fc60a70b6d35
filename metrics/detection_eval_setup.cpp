#include "metrics/detection_eval_setup.h"

#include <algorithm>
#include <numeric>

#include "core/errors.h"
#include "core/parallel_for.h"
#include "metrics/rle_mask.h"
#include "metrics/segmentation_masks.h"

namespace ovbench {
namespace {

std::vector<std::int64_t> sorted_unique(std::vector<std::int64_t> ids, const std::string& file,
                                        const char* what) {
  std::sort(ids.begin(), ids.end());
  const auto dup = std::adjacent_find(ids.begin(), ids.end());
  if (dup != ids.end()) {
    throw InputError(file + ": " + what + " id " + std::to_string(*dup) + " appears twice");
  }
  return ids;
}

}  // namespace

GtIndex index_ground_truth(const DetectionDataset& gt, const std::string& gt_name) {
  GtIndex index;
  std::vector<std::int64_t> ids;
  ids.reserve(gt.images.size());
  for (const auto& im : gt.images) ids.push_back(im.id);
  index.image_ids = sorted_unique(ids, gt_name, "image");
  index.images = IdIndex(index.image_ids);
  index.image_height.assign(gt.images.size(), 0);
  index.image_width.assign(gt.images.size(), 0);
  for (const auto& im : gt.images) {
    const std::uint32_t slot = index.images.find(im.id);
    index.image_height[slot] = static_cast<std::uint32_t>(std::max(0, im.height));
    index.image_width[slot] = static_cast<std::uint32_t>(std::max(0, im.width));
  }
  ids.clear();
  for (const auto& c : gt.categories) ids.push_back(c.id);
  index.category_ids = sorted_unique(ids, gt_name, "category");
  index.categories = IdIndex(index.category_ids);
  return index;
}

std::vector<std::uint32_t> detections_on_known_images(const Detections& dt, const GtIndex& index,
                                                      const DetectionEvalOptions& options,
                                                      MetricReport& report) {
  std::vector<std::uint32_t> keep;
  keep.reserve(dt.items.size());
  std::size_t unknown = 0;
  std::vector<std::int64_t> first_ids;
  for (std::size_t j = 0; j < dt.items.size(); ++j) {
    const std::int64_t id = dt.items[j].image_id;
    if (index.images.find(id) != IdIndex::kAbsent) {
      keep.push_back(static_cast<std::uint32_t>(j));
      continue;
    }
    ++unknown;
    if (first_ids.size() < 5 && std::find(first_ids.begin(), first_ids.end(), id) == first_ids.end()) {
      first_ids.push_back(id);
    }
  }
  if (unknown == 0) return keep;
  std::vector<std::int64_t> distinct;
  for (const auto& d : dt.items) {
    if (index.images.find(d.image_id) == IdIndex::kAbsent) distinct.push_back(d.image_id);
  }
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::string ids;
  for (std::size_t i = 0; i < first_ids.size(); ++i) ids += (i ? ", " : "") + std::to_string(first_ids[i]);
  const std::string what = std::to_string(unknown) + " detection" + (unknown == 1 ? "" : "s") +
                           " on " + std::to_string(distinct.size()) + " image id" +
                           (distinct.size() == 1 ? "" : "s") + " not in " + options.gt_name +
                           " (first: " + ids + ")";
  if (!options.drop_unknown_images) {
    // pycocotools/lvis-api: "Results do not correspond to current coco set".
    throw InputError(options.results_name + ": " + what +
                     "; pass --drop-unknown-images to evaluate without them");
  }
  report.warnings.push_back(options.results_name + ": dropped " + what);
  return keep;
}

bool results_are_boxes(const Detections& dt, const DetectionEvalOptions& options) {
  if (dt.items.empty()) return true;
  const bool boxes = dt.items.front().has_bbox;
  for (std::size_t j = 0; j < dt.items.size(); ++j) {
    const Detection& d = dt.items[j];
    if (boxes && !d.has_bbox) {
      throw InputError(describe_location(options.results_name, static_cast<long long>(j), "bbox") +
                       ": missing, but the first result has one (pycocotools then reads every "
                       "result as a box result)");
    }
    if (!boxes && d.segmentation < 0) {
      throw InputError(describe_location(options.results_name, static_cast<long long>(j),
                                         "segmentation") +
                       ": missing, and the first result has no bbox, so every result must "
                       "have a segmentation");
    }
  }
  return boxes;
}

std::vector<RleMask> detection_masks(const Detections& dt, const std::vector<std::uint32_t>& which,
                                     const GtIndex& index, const DetectionEvalOptions& options) {
  std::vector<RleMask> masks(which.size());
  parallel_for(
      which.size(),
      [&](std::size_t begin, std::size_t end) {
        std::string why;
        for (std::size_t i = begin; i < end; ++i) {
          const Detection& d = dt.items[which[i]];
          const std::uint32_t slot = index.images.find(d.image_id);
          const std::uint32_t h = index.image_height[slot], w = index.image_width[slot];
          if (d.segmentation < 0) {
            // loadRes: segmentation = [[x1, y1, x1, y2, x2, y2, x2, y1]].
            const double x1 = d.bbox.x, y1 = d.bbox.y, x2 = d.bbox.x + d.bbox.w,
                         y2 = d.bbox.y + d.bbox.h;
            const double xy[8] = {x1, y1, x1, y2, x2, y2, x2, y1};
            masks[i] = rle::from_polygon(xy, 4, h, w);
            continue;
          }
          if (!segmentation_to_rle(dt.segmentations[static_cast<std::size_t>(d.segmentation)], h,
                                   w, masks[i], why)) {
            throw InputError(describe_location(options.results_name,
                                               static_cast<long long>(which[i]), "segmentation") +
                             ": " + why);
          }
        }
      },
      options.threads);
  return masks;
}

std::vector<RleMask> ground_truth_masks(const DetectionDataset& gt, const GtIndex& index,
                                        const DetectionEvalOptions& options) {
  std::vector<RleMask> masks(gt.annotations.size());
  parallel_for(
      gt.annotations.size(),
      [&](std::size_t begin, std::size_t end) {
        std::string why;
        for (std::size_t i = begin; i < end; ++i) {
          const GtAnnotation& a = gt.annotations[i];
          const std::uint32_t slot = index.images.find(a.image_id);
          if (slot == IdIndex::kAbsent) continue;  // not evaluated
          if (a.segmentation < 0) {
            throw InputError(describe_location(options.gt_name + " annotations",
                                               static_cast<long long>(i), "segmentation") +
                             ": missing (needed for --iou-type segm)");
          }
          if (!segmentation_to_rle(gt.segmentations[static_cast<std::size_t>(a.segmentation)],
                                   index.image_height[slot], index.image_width[slot], masks[i],
                                   why)) {
            throw InputError(describe_location(options.gt_name + " annotations",
                                               static_cast<long long>(i), "segmentation") +
                             ": " + why);
          }
        }
      },
      options.threads);
  return masks;
}

std::vector<std::size_t> group_categories(const NamedCategorySet& group, const GtIndex& index,
                                          MetricReport& report) {
  std::vector<std::size_t> out;
  std::vector<std::int64_t> missing;
  for (std::int64_t id : group.category_ids) {
    const std::uint32_t k = index.categories.find(id);
    if (k == IdIndex::kAbsent) {
      missing.push_back(id);
    } else {
      out.push_back(k);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (!missing.empty()) {
    std::string ids;
    for (std::size_t i = 0; i < missing.size() && i < 5; ++i) ids += (i ? ", " : "") + std::to_string(missing[i]);
    report.warnings.push_back("group '" + group.name + "': " + std::to_string(missing.size()) +
                              " category id(s) not in the ground truth, left out (first: " + ids +
                              ")");
  }
  return out;
}

}  // namespace ovbench
