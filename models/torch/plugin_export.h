#pragma once
// libovbench_torch.so is built with hidden visibility (models/CMakeLists.txt) so that only its
// entry point is exported. Functions that code linking the plugin directly (tests/torch,
// bench/) must call are marked with this. Torch- and OpenCV-free: a plain attribute.

#define OVBENCH_TORCH_API __attribute__((visibility("default")))
