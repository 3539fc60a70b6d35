// `ovbench eval coco`: pycocotools' COCOeval, exactly and fast.

#include "harness/commands/detection_eval_command.h"
#include "harness/commands/eval_commands.h"

namespace ovbench {

int eval_coco_command(const Args& args) { return run_detection_eval(DetectionBenchmark::kCoco, args); }

}  // namespace ovbench
