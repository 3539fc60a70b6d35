#include "metrics/id_index.h"

#include <algorithm>

namespace ovbench {

IdIndex::IdIndex(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
  const std::uint64_t span = static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo);
  // A table up to 16 entries per id (and at most 64M entries) beats hashing on every lookup.
  if (span < (std::uint64_t{1} << 26) && span / 16 <= ids.size()) {
    min_ = *lo;
    table_.assign(span + 1, kAbsent);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      table_[static_cast<std::uint64_t>(ids[i]) - static_cast<std::uint64_t>(min_)] =
          static_cast<std::uint32_t>(i);
    }
    return;
  }
  map_.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) map_.emplace(ids[i], static_cast<std::uint32_t>(i));
}

}  // namespace ovbench
