// `ovbench eval <benchmark>`: scores prediction files made anywhere, as the reference tools do.

#include "harness/cli.h"
#include "harness/commands/commands.h"
#include "harness/commands/eval_commands.h"

namespace ovbench {

int eval_command(const Args& args) {
  static const std::vector<Command> table = {
      // One line per benchmark; see eval_commands.h.
      {"coco", "COCO detection AP (bbox or segm), as pycocotools", eval_coco_command},
      {"lvis", "LVIS federated AP with APr/APc/APf (standard or Fixed AP), as lvis-api",
       eval_lvis_command},
      {"miou", "semantic segmentation mIoU/aAcc/mAcc over PNG label maps, as mmseg", eval_miou_command},
      {"flickr30k", "Flickr30K Entities phrase grounding Recall@1/5/10, as MDETR's flickr_eval", eval_flickr30k_command},
      {"odinw", "ODinW-13/35 per-task COCO AP and the ODinW mean, few-shot seeds",
       eval_odinw_command},
  };
  return dispatch(table, "ovbench eval",
                  "Scores prediction files made anywhere, giving the numbers of the reference\n"
                  "tools (pycocotools, lvis-api, MDETR's flickr_eval, mmseg's IoUMetric).",
                  args);
}

}  // namespace ovbench
