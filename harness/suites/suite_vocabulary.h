#pragma once
// The suite's vocabulary and category groups made concrete for one dataset: the class names a
// segmentation dataset is prompted and reported with, and the category-id groups a detection
// dataset's results are broken down by (resolved against its ground-truth categories).

#include <filesystem>
#include <string>
#include <vector>

#include "datasets/category_groups.h"
#include "harness/suites/suite.h"
#include "metrics/detection_types.h"

namespace ovbench {

// miou datasets: the embedded list (datasets/data/seg_classes.json) or the class file, a JSON
// list of non-empty names, under the data root. Throws InputError naming the file and index.
std::vector<std::string> suite_class_names(const SuiteDataset& dataset,
                                           const std::filesystem::path& data_root);

// coco and lvis datasets: ov-coco (base/novel/all from the embedded split); lvis-frequency
// (rare/common/frequent by each category's `frequency`); ov-lvis (novel = rare, base = common
// + frequent, all); a split file {"base": [...], "novel": [...]} whose entries are category
// names or {"id", "name"} records (the form of datasets/data/ov_coco_split.json), matched to
// `categories` by name, giving base/novel/all. Empty for "none". Throws InputError naming the
// file and entry for a name the ground truth lacks, a category in both lists, or an LVIS
// category without frequency.
std::vector<CategoryGroup> suite_category_groups(const SuiteDataset& dataset,
                                                 const std::vector<Category>& categories,
                                                 const std::filesystem::path& data_root);

}  // namespace ovbench
