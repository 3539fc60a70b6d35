// `ovbench eval <benchmark>`: scores prediction files made anywhere, as the reference tools do.

#include "harness/cli.h"
#include "harness/commands/commands.h"
#include "harness/commands/eval_commands.h"

namespace ovbench {

int eval_command(const Args& args) {
  static const std::vector<Command> table = {
      // One line per benchmark; see eval_commands.h.
  };
  return dispatch(table, "ovbench eval",
                  "Scores prediction files made anywhere, giving the numbers of the reference\n"
                  "tools (pycocotools, lvis-api, MDETR's flickr_eval, mmseg's IoUMetric).",
                  args);
}

}  // namespace ovbench
