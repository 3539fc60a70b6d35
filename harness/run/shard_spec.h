#pragma once
// Which share of a dataset one process runs: `--shard K/N` (K in 0..N-1), or the shard the
// launcher gives: Slurm job arrays (SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT; the array
// must start at 0, e.g. --array=0-3) or torchrun (RANK / WORLD_SIZE). Image i of a dataset
// belongs to shard i mod N, so shards stay balanced whatever the dataset's order.

#include <cstddef>
#include <string>

namespace ovbench {

struct ShardSpec {
  int index = 0, count = 1;
  std::string source = "none";  // "--shard", "slurm", "torchrun" or "none"
  bool owns(std::size_t image) const { return static_cast<int>(image % static_cast<std::size_t>(count)) == index; }
  std::string to_string() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// `flag` is the --shard value ("" when not given). Throws UsageError for malformed values.
ShardSpec resolve_shard(const std::string& flag);
ShardSpec parse_shard(const std::string& text, const std::string& where);

}  // namespace ovbench
