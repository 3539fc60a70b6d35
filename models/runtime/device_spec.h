#pragma once
// Where a model runs: `--device cpu` or `--device cuda[:N]`, and whether it runs in half
// precision (GPU only: CPU half kernels are slow or missing in LibTorch 1.13).

#include <string>

namespace ovbench {

struct DeviceSpec {
  bool cuda = false;
  int index = 0;
  bool half = false;

  std::string to_string() const { return cuda ? "cuda:" + std::to_string(index) : "cpu"; }
};

// Parses "cpu", "cuda", "cuda:N"; throws UsageError naming `flag` otherwise.
DeviceSpec parse_device_spec(const std::string& text, const std::string& flag = "--device");

}  // namespace ovbench
