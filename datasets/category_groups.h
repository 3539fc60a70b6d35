#pragma once
// Named sets of category ids that results are broken down by: OV-COCO base/novel/all, LVIS
// rare/common/frequent, or any user file {"group name": [category ids], ...}.

#include <cstdint>
#include <string>
#include <vector>

namespace ovbench {

struct CategoryGroup {
  std::string name;
  std::vector<std::int64_t> category_ids;  // in the order given
};

// `spec` is a built-in name ("ov-coco": base (48), novel (17), all (65), from
// datasets/data/ov_coco_split.json) or a path to a JSON file of {"name": [ids]} (groups keep the
// file's order). Throws InputError naming the file and group on a malformed file.
std::vector<CategoryGroup> load_category_groups(const std::string& spec);

// The names accepted as built-ins by load_category_groups.
std::vector<std::string> builtin_category_group_names();

}  // namespace ovbench
