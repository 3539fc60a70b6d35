#include "datasets/fewshot_sampler.h"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/errors.h"
#include "core/python_random.h"

namespace ovbench {
namespace {

// GLIP's _has_only_empty_bbox: all(any(o <= 1 for o in obj["bbox"][2:]) for obj in anno).
bool has_valid_annotation(const std::vector<std::uint32_t>& anns, const DetectionDataset& gt) {
  if (anns.empty()) return false;
  return std::any_of(anns.begin(), anns.end(), [&](std::uint32_t a) {
    return gt.annotations[a].bbox.w > 1 && gt.annotations[a].bbox.h > 1;
  });
}

}  // namespace

std::vector<std::int64_t> select_fewshot_images(const DetectionDataset& gt,
                                                const FewShotOptions& options) {
  if (options.shots < 1) throw UsageError("the number of shots must be at least 1");
  std::vector<std::int64_t> ids;
  ids.reserve(gt.images.size());
  for (const auto& img : gt.images) ids.push_back(img.id);
  std::sort(ids.begin(), ids.end());
  if (const auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    throw InputError(describe_location(options.gt_name + " images", -1, "id") + ": image id " +
                     std::to_string(*dup) + " appears twice");
  }

  // pycocotools' imgToAnns: each image's annotations in file order.
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> anns_of;
  anns_of.reserve(ids.size());
  for (std::uint32_t a = 0; a < gt.annotations.size(); ++a) {
    anns_of[gt.annotations[a].image_id].push_back(a);
  }
  static const std::vector<std::uint32_t> kNone;
  auto annotations = [&](std::int64_t id) -> const std::vector<std::uint32_t>& {
    const auto it = anns_of.find(id);
    return it == anns_of.end() ? kNone : it->second;
  };

  std::erase_if(ids, [&](std::int64_t id) { return !has_valid_annotation(annotations(id), gt); });

  const bool coco_dataset = options.dataset_class == FewShotDatasetClass::kCocoDataset;
  if (coco_dataset && options.seed != 0) {
    PythonRandom rng(options.seed);
    rng.shuffle(std::span<std::int64_t>(ids));
  }

  // len(coco.cats) counts distinct ids (a dict); CocoGrounding takes max(coco.cats.keys()).
  std::int64_t quota_len = 0;
  if (coco_dataset) {
    std::unordered_set<std::int64_t> distinct;
    for (const auto& c : gt.categories) distinct.insert(c.id);
    quota_len = static_cast<std::int64_t>(distinct.size());
  } else {
    if (gt.categories.empty()) {
      throw InputError(describe_location(options.gt_name + " categories", -1, "id") +
                       ": no categories (GLIP's CocoGrounding takes the largest category id)");
    }
    for (const auto& c : gt.categories) quota_len = std::max(quota_len, c.id);
    if (quota_len < 1) {
      throw InputError(describe_location(options.gt_name + " categories", -1, "id") +
                       ": the largest category id is " + std::to_string(quota_len) +
                       " (GLIP's CocoGrounding makes a quota list of that length)");
    }
  }
  std::vector<std::int64_t> quota(static_cast<std::size_t>(quota_len), options.shots);

  std::vector<std::int64_t> selected;
  std::vector<std::size_t> slots;
  std::vector<std::int64_t> seen_categories;
  for (const std::int64_t id : ids) {
    seen_categories.clear();
    slots.clear();
    for (const std::uint32_t a : annotations(id)) {
      const std::int64_t c = gt.annotations[a].category_id;
      if (std::find(seen_categories.begin(), seen_categories.end(), c) != seen_categories.end()) {
        continue;  // the reference takes set(category_ids)
      }
      seen_categories.push_back(c);
      // cats_freq[c - 1] in Python: negative indexes count from the end, so a Roboflow
      // background category 0 lands on the last category's quota.
      std::int64_t index = c - 1;
      if (index < 0) index += quota_len;
      if (index < 0 || index >= quota_len) {
        throw InputError(describe_location(options.gt_name + " annotations", a, "category_id") + ": " +
                         std::to_string(c) + " is outside GLIP's few-shot quota list of " +
                         std::to_string(quota_len) + " (" +
                         (coco_dataset ? "the number of categories" : "the largest category id") +
                         "; GLIP raises IndexError)");
      }
      slots.push_back(static_cast<std::size_t>(index));
    }
    const bool needed =
        std::any_of(slots.begin(), slots.end(), [&](std::size_t s) { return quota[s] > 0; });
    if (!needed) continue;
    selected.push_back(id);
    for (const std::size_t s : slots) --quota[s];
  }
  return selected;
}

}  // namespace ovbench
