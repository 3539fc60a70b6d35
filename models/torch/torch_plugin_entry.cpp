// The plugin's entry point: the TorchPlugin implementation backed by LibTorch.

#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include "models/torch_plugin.h"

namespace ovbench {
namespace {

class LibTorchPlugin final : public TorchPlugin {
 public:
  std::string libtorch_version() const override { return TORCH_VERSION; }
  bool cuda_available() const override { return torch::cuda::is_available(); }
  int cuda_device_count() const override { return static_cast<int>(torch::cuda::device_count()); }
  std::string cuda_version() const override {
#ifdef CUDA_VERSION
    return std::to_string(CUDA_VERSION / 1000) + "." + std::to_string((CUDA_VERSION % 1000) / 10);
#else
    return cuda_available() ? "available" : "none";
#endif
  }
};

}  // namespace
}  // namespace ovbench

extern "C" __attribute__((visibility("default"))) ovbench::TorchPlugin* ovbench_torch_plugin_entry() {
  static ovbench::LibTorchPlugin plugin;
  return &plugin;
}
