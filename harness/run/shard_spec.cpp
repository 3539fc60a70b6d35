#include "harness/run/shard_spec.h"

#include <cstdlib>

#include "core/errors.h"

namespace ovbench {
namespace {

bool parse_int(const std::string& s, int& out) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoi(s);
  return true;
}

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

}  // namespace

ShardSpec parse_shard(const std::string& text, const std::string& where) {
  const auto slash = text.find('/');
  ShardSpec s;
  if (slash == std::string::npos || !parse_int(text.substr(0, slash), s.index) ||
      !parse_int(text.substr(slash + 1), s.count) || s.count < 1 || s.index >= s.count)
    throw UsageError(where + " '" + text + "': expected K/N with 0 <= K < N, e.g. 0/4");
  return s;
}

ShardSpec resolve_shard(const std::string& flag) {
  if (!flag.empty()) {
    auto s = parse_shard(flag, "--shard");
    s.source = "--shard";
    return s;
  }
  if (env("SLURM_ARRAY_TASK_ID") && env("SLURM_ARRAY_TASK_COUNT")) {
    auto s = parse_shard(std::string(env("SLURM_ARRAY_TASK_ID")) + "/" + env("SLURM_ARRAY_TASK_COUNT"),
                         "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
    s.source = "slurm";
    return s;
  }
  if (env("RANK") && env("WORLD_SIZE")) {
    auto s = parse_shard(std::string(env("RANK")) + "/" + env("WORLD_SIZE"), "RANK/WORLD_SIZE");
    s.source = "torchrun";
    return s;
  }
  return ShardSpec{};
}

}  // namespace ovbench
