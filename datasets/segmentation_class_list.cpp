#include "datasets/segmentation_class_list.h"

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/file_reader.h"
#include "core/resources.h"

namespace ovbench {

std::vector<std::string> segmentation_class_names(const std::string& spec) {
  if (spec == "ade20k-150" || spec == "pascal-context-59" || spec == "coco-stuff-171") {
    const auto doc = nlohmann::json::parse(resource("datasets/data/seg_classes.json"));
    return doc.at(spec).get<std::vector<std::string>>();
  }
  const std::string text = read_file(spec);
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> names;
  if (!doc.is_discarded()) {
    if (!doc.is_array()) throw InputError(spec + ": expected a JSON array of class names");
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (!doc[i].is_string()) throw InputError(describe_location(spec, static_cast<long long>(i), "") + ": expected a class name");
      names.push_back(doc[i].get<std::string>());
    }
    return names;
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) names.push_back(line);
    start = end + 1;
  }
  return names;
}

}  // namespace ovbench
