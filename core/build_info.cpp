#include "core/build_info.h"

namespace ovbench {

std::string ovbench_version() { return OVBENCH_VERSION; }

std::string ovbench_git_commit() {
  return
#include "core/git_commit.inc"
      ;
}

std::string compiler_description() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

}  // namespace ovbench
