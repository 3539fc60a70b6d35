#include "core/resources.h"

#include <algorithm>
#include <stdexcept>

namespace ovbench {

std::optional<std::string_view> find_resource(std::string_view path) {
  std::size_t count = 0;
  const detail::ResourceEntry* table = detail::resource_table(&count);
  for (std::size_t i = 0; i < count; ++i) {
    if (path == table[i].path) {
      return std::string_view(table[i].begin, static_cast<std::size_t>(table[i].end - table[i].begin));
    }
  }
  return std::nullopt;
}

std::string_view resource(std::string_view path) {
  if (auto r = find_resource(path)) return *r;
  throw std::logic_error("embedded resource '" + std::string(path) + "' is not in this build");
}

std::vector<std::string> resource_paths(std::string_view prefix) {
  std::size_t count = 0;
  const detail::ResourceEntry* table = detail::resource_table(&count);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view p = table[i].path;
    if (p.substr(0, prefix.size()) == prefix) out.emplace_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ovbench
