#include "harness/suites/suite_vocabulary.h"

#include <map>
#include <set>

#include "core/errors.h"
#include "core/file_reader.h"
#include "datasets/segmentation_class_list.h"
#include "harness/json_fields.h"
#include "harness/strict_json.h"

namespace fs = std::filesystem;

namespace ovbench {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::int64_t> sorted_ids(const std::set<std::int64_t>& ids) {
  return std::vector<std::int64_t>(ids.begin(), ids.end());
}

std::vector<CategoryGroup> split_file_groups(const fs::path& file,
                                             const std::vector<Category>& categories) {
  const std::string name = file.string();
  const Json doc = parse_strict_json(read_file(file), name);
  const JsonFields fields(doc, name, "");
  fields.allow_only({"base", "novel", "description", "source"});
  std::map<std::string, std::int64_t> id_of;
  for (const auto& c : categories) id_of.emplace(c.name, c.id);
  std::set<std::int64_t> taken;
  std::vector<CategoryGroup> groups;
  for (const char* group : {"base", "novel"}) {
    const Json& list = fields.array(group, 1);
    CategoryGroup g{group, {}};
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = json_path_index(group, i);
      std::string category;
      if (list[i].is_string()) {
        category = list[i].get<std::string>();
      } else if (list[i].is_object()) {
        category = JsonFields(list[i], name, at).string("name");
      } else {
        fail_at(name, at, "expected a category name or an {\"id\", \"name\"} record, not " + json_kind(list[i]));
      }
      const auto it = id_of.find(category);
      if (it == id_of.end()) fail_at(name, at, "category \"" + category + "\" is not in the ground truth");
      if (!taken.insert(it->second).second) {
        fail_at(name, at, "category \"" + category + "\" is already in a group");
      }
      g.category_ids.push_back(it->second);
    }
    groups.push_back(std::move(g));
  }
  std::set<std::int64_t> all(groups[0].category_ids.begin(), groups[0].category_ids.end());
  all.insert(groups[1].category_ids.begin(), groups[1].category_ids.end());
  groups.push_back({"all", sorted_ids(all)});
  return groups;
}

std::vector<CategoryGroup> frequency_groups(const SuiteDataset& d,
                                            const std::vector<Category>& categories) {
  std::set<std::int64_t> r, c, f;
  for (const auto& cat : categories) {
    switch (cat.frequency) {
      case 'r':
        r.insert(cat.id);
        break;
      case 'c':
        c.insert(cat.id);
        break;
      case 'f':
        f.insert(cat.id);
        break;
      default:
        throw InputError(d.paths.gt + ": category " + std::to_string(cat.id) +
                         ": field 'frequency': expected \"r\", \"c\" or \"f\" (dataset '" + d.name +
                         "' groups categories by frequency)");
    }
  }
  if (d.category_groups.source == GroupSource::kLvisFrequency) {
    return {{"rare", sorted_ids(r)}, {"common", sorted_ids(c)}, {"frequent", sorted_ids(f)}};
  }
  std::set<std::int64_t> base = c, all = r;
  base.insert(f.begin(), f.end());
  all.insert(base.begin(), base.end());
  return {{"base", sorted_ids(base)}, {"novel", sorted_ids(r)}, {"all", sorted_ids(all)}};
}

}  // namespace

std::vector<std::string> suite_class_names(const SuiteDataset& d, const fs::path& data_root) {
  if (d.vocabulary.source == ClassSource::kEmbeddedList) {
    return segmentation_class_names(d.vocabulary.list);
  }
  if (d.vocabulary.source != ClassSource::kFile) return {};
  const fs::path file = data_root / d.vocabulary.list;
  const std::string name = file.string();
  const Json doc = parse_strict_json(read_file(file), name);
  if (!doc.is_array() || doc.empty()) fail_at(name, "", "expected a JSON list of class names");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (!doc[i].is_string() || doc[i].get<std::string>().empty()) {
      fail_at(name, json_path_index("", i), "expected a class name, not " + json_kind(doc[i]));
    }
    names.push_back(doc[i].get<std::string>());
  }
  const auto& protocol = std::get<MiouSuiteProtocol>(d.protocol);
  if (protocol.num_classes && *protocol.num_classes != static_cast<int>(names.size())) {
    fail_at(name, "", std::to_string(names.size()) + " class names, but dataset '" + d.name +
                          "' has num_classes " + std::to_string(*protocol.num_classes));
  }
  if (names.size() > 255) fail_at(name, "", "more than 255 classes do not fit 8-bit label maps");
  return names;
}

std::vector<CategoryGroup> suite_category_groups(const SuiteDataset& d,
                                                 const std::vector<Category>& categories,
                                                 const fs::path& data_root) {
  switch (d.category_groups.source) {
    case GroupSource::kNone:
      return {};
    case GroupSource::kOvCoco:
      return load_category_groups("ov-coco");
    case GroupSource::kLvisFrequency:
    case GroupSource::kOvLvis:
      return frequency_groups(d, categories);
    case GroupSource::kSplitFile:
      return split_file_groups(data_root / d.category_groups.file, categories);
  }
  return {};
}

}  // namespace ovbench
