#include "harness/suites/suite_loader.h"

#include "core/content_hash.h"
#include "core/errors.h"
#include "core/file_reader.h"
#include "core/resources.h"
#include "harness/strict_json.h"
#include "harness/suites/suite_validator.h"

namespace ovbench {
namespace {

constexpr std::string_view kSuiteFolder = "suites/";
constexpr std::string_view kSuiteExtension = ".json";

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<std::string> list_suite_names() {
  std::vector<std::string> names;
  for (const std::string& path : resource_paths(kSuiteFolder)) {
    if (!ends_with(path, kSuiteExtension)) continue;
    names.push_back(path.substr(kSuiteFolder.size(), path.size() - kSuiteFolder.size() - kSuiteExtension.size()));
  }
  return names;
}

Suite suite_from_text(const std::string& text, const std::string& source, bool embedded) {
  Suite suite = suite_from_json(parse_strict_json(text, source), source);
  suite.source = source;
  suite.embedded = embedded;
  suite.content_hash = content_hash(text);
  return suite;
}

Suite load_suite(const std::string& name_or_path) {
  const bool is_path = name_or_path.find('/') != std::string::npos || ends_with(name_or_path, kSuiteExtension);
  if (is_path) return suite_from_text(read_file(name_or_path), name_or_path, false);
  const std::string resource_path = std::string(kSuiteFolder) + name_or_path + std::string(kSuiteExtension);
  const auto text = find_resource(resource_path);
  if (!text) {
    std::string known;
    for (const auto& n : list_suite_names()) {
      if (!known.empty()) known += ", ";
      known += n;
    }
    throw InputError("unknown suite '" + name_or_path + "' (embedded: " + known +
                     "; a suite file is given by a path ending in .json)");
  }
  return suite_from_text(std::string(*text), resource_path, true);
}

}  // namespace ovbench
