#pragma once
// `ovbench eval <benchmark>` entry points, one file each (eval_<benchmark>_command.cpp).

#include "harness/commands/commands.h"

namespace ovbench {

int eval_coco_command(const Args& args);
int eval_lvis_command(const Args& args);
int eval_miou_command(const Args& args);
int eval_flickr30k_command(const Args& args);
int eval_odinw_command(const Args& args);

}  // namespace ovbench
