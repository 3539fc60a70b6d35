// `ovbench eval lvis`: lvis-api's federated LVISEval (standard) and Fixed AP.

#include "harness/commands/detection_eval_command.h"
#include "harness/commands/eval_commands.h"

namespace ovbench {

int eval_lvis_command(const Args& args) { return run_detection_eval(DetectionBenchmark::kLvis, args); }

}  // namespace ovbench
