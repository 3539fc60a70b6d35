#include "datasets/category_groups.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.h"
#include "core/file_reader.h"
#include "core/resources.h"

namespace ovbench {
namespace {

std::vector<std::int64_t> ids_of(const nlohmann::json& records) {
  std::vector<std::int64_t> ids;
  for (const auto& r : records) ids.push_back(r.at("id").get<std::int64_t>());
  return ids;
}

std::vector<CategoryGroup> ov_coco_groups() {
  const auto split = nlohmann::json::parse(resource("datasets/data/ov_coco_split.json"));
  std::vector<std::int64_t> base = ids_of(split.at("base")), novel = ids_of(split.at("novel"));
  // "all" is the 65 = base + novel in id order (the file's all_65_in_id_order lists names).
  std::set<std::int64_t> all(base.begin(), base.end());
  all.insert(novel.begin(), novel.end());
  return {{"base", std::move(base)},
          {"novel", std::move(novel)},
          {"all", std::vector<std::int64_t>(all.begin(), all.end())}};
}

std::vector<CategoryGroup> groups_from_file(const std::string& path) {
  const std::string text = read_file(path);
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(path + ": not valid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  }
  if (!doc.is_object() || doc.empty()) {
    throw InputError(path + ": expected an object {\"group name\": [category ids], ...}");
  }
  std::vector<CategoryGroup> groups;
  for (const auto& [name, ids] : doc.items()) {
    if (!ids.is_array()) {
      throw InputError(describe_location(path, -1, name) + ": expected an array of category ids");
    }
    CategoryGroup g{name, {}};
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!ids[i].is_number_integer()) {
        throw InputError(describe_location(path, static_cast<long long>(i), name) +
                         ": expected an integer category id");
      }
      const auto id = ids[i].get<std::int64_t>();
      if (!seen.insert(id).second) {
        throw InputError(describe_location(path, static_cast<long long>(i), name) +
                         ": category id " + std::to_string(id) + " listed twice");
      }
      g.category_ids.push_back(id);
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace

std::vector<std::string> builtin_category_group_names() { return {"ov-coco"}; }

std::vector<CategoryGroup> load_category_groups(const std::string& spec) {
  if (spec == "ov-coco") return ov_coco_groups();
  return groups_from_file(spec);
}

}  // namespace ovbench
