#pragma once
// The body shared by `ovbench eval coco` and `ovbench eval lvis`: options, reading, evaluating,
// printing and --json.

#include "harness/commands/commands.h"

namespace ovbench {

enum class DetectionBenchmark { kCoco, kLvis };

int run_detection_eval(DetectionBenchmark benchmark, const Args& args);

}  // namespace ovbench
