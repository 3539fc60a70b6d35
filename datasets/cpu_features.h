#pragma once
// The JSON readers may be built for AVX2 (see datasets/CMakeLists.txt); this check, compiled
// without those flags, turns "illegal instruction" on an older CPU into a clear error.

namespace ovbench {

// Throws std::runtime_error naming the missing instruction set and the CMake option to build
// without it.
void require_json_reader_cpu();

}  // namespace ovbench
