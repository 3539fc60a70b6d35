#pragma once
// Dense index of a set of int64 ids (image or category ids): a flat table when the ids span a
// small range (COCO/LVIS image ids reach ~600k for ~20k images), a hash map otherwise. Lookups
// run once per detection (millions), so the common case must be a single load.

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ovbench {

class IdIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  IdIndex() = default;
  // `ids` must be unique; index i is given to ids[i].
  explicit IdIndex(const std::vector<std::int64_t>& ids);

  std::uint32_t find(std::int64_t id) const {
    if (!table_.empty() || map_.empty()) {
      const std::uint64_t off = static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(min_);
      return off < table_.size() ? table_[off] : kAbsent;
    }
    const auto it = map_.find(id);
    return it == map_.end() ? kAbsent : it->second;
  }

 private:
  std::int64_t min_ = 0;
  std::vector<std::uint32_t> table_;
  std::unordered_map<std::int64_t, std::uint32_t> map_;
};

}  // namespace ovbench
