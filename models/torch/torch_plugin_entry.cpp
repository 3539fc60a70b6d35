// The plugin's entry point: the TorchPlugin implementation backed by LibTorch.

#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include "models/torch/demo_model_builder.h"
#include "models/torch/image_decode.h"
#include "models/torch/torch_script_module.h"
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
  std::unique_ptr<ScriptModule> load_module(const std::filesystem::path& path,
                                            const DeviceSpec& device) override {
    return load_torch_script_module(path, device);
  }
  HostTensor load_saved_tensor(const std::filesystem::path& path) override {
    return load_torch_saved_tensor(path);
  }
  RgbImage decode_image(const std::filesystem::path& path, bool apply_exif_orientation) override {
    return decode_image_file(path, apply_exif_orientation ? ExifOrientation::apply : ExifOrientation::ignore);
  }
  RgbImage cv_resize_linear(const RgbImage& image, int width, int height) override {
    return ovbench::cv_resize_linear(image, width, height);
  }
  void write_demo_models(const std::filesystem::path& directory) override {
    write_demo_torchscript_models(directory);
  }
};

}  // namespace
}  // namespace ovbench

extern "C" __attribute__((visibility("default"))) ovbench::TorchPlugin* ovbench_torch_plugin_entry() {
  static ovbench::LibTorchPlugin plugin;
  return &plugin;
}
