#pragma once
// Data files compiled into the binary (benchmark splits, category lists, tokenizer vocabularies,
// prompt templates, suites), looked up by their path in the repository, e.g.
// "datasets/data/ov_coco_split.json". The list lives in core/CMakeLists.txt.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

namespace detail {
struct ResourceEntry {
  const char* path;
  const char* begin;
  const char* end;
};
const ResourceEntry* resource_table(std::size_t* count);
}  // namespace detail

std::optional<std::string_view> find_resource(std::string_view path);
// Throws std::logic_error naming the path: a missing resource is a build bug, not bad input.
std::string_view resource(std::string_view path);
// Every embedded path that starts with `prefix`, sorted.
std::vector<std::string> resource_paths(std::string_view prefix);

}  // namespace ovbench
