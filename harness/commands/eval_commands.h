#pragma once
// `ovbench eval <benchmark>` entry points, one file each (eval_<benchmark>_command.cpp).

#include "harness/commands/commands.h"

namespace ovbench {}  // namespace ovbench
