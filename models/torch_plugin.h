#pragma once
// The torch side of ovbench is a plugin, libovbench_torch.so, loaded only by the commands that
// run models (see models/CMakeLists.txt for why). This header is torch-free: the executable and
// the plugin share it, and the plugin's entry point returns an implementation of TorchPlugin.

#include <string>

namespace ovbench {

class TorchPlugin {
 public:
  virtual ~TorchPlugin() = default;
  virtual std::string libtorch_version() const = 0;  // e.g. "1.13.1"
  virtual bool cuda_available() const = 0;           // CUDA build and at least one visible GPU
  virtual int cuda_device_count() const = 0;
  virtual std::string cuda_version() const = 0;      // "none" for CPU-only builds
};

// Loads the plugin once and returns it. Looks in $OVBENCH_TORCH_PLUGIN, then next to the
// executable, then in ../lib/ovbench/; throws InputError naming every path tried and dlerror().
TorchPlugin& torch_plugin();

}  // namespace ovbench

// The plugin's one exported symbol.
extern "C" ovbench::TorchPlugin* ovbench_torch_plugin_entry();
