#include "datasets/cpu_features.h"

#include <stdexcept>

namespace ovbench {

void require_json_reader_cpu() {
#if defined(OVBENCH_SIMDJSON_HASWELL) && (defined(__x86_64__) || defined(__i386__))
  static const bool ok = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                         __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  if (!ok) {
    throw std::runtime_error(
        "this ovbench was built with -DOVBENCH_SIMDJSON_HASWELL=ON (AVX2 JSON parsing) but the "
        "CPU lacks AVX2/BMI2; rebuild with -DOVBENCH_SIMDJSON_HASWELL=OFF");
  }
#endif
}

}  // namespace ovbench
