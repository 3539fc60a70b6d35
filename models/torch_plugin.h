#pragma once
// The torch side of ovbench is a plugin, libovbench_torch.so, loaded only by the commands that
// run models (see models/CMakeLists.txt for why). This header is torch-free: the executable and
// the plugin share it, and the plugin's entry point returns an implementation of TorchPlugin.

#include <filesystem>
#include <memory>
#include <string>

#include "models/preprocess/rgb_image.h"
#include "models/runtime/device_spec.h"
#include "models/runtime/host_tensor.h"
#include "models/runtime/script_module.h"

namespace ovbench {

class TorchPlugin {
 public:
  virtual ~TorchPlugin() = default;
  virtual std::string libtorch_version() const = 0;  // e.g. "1.13.1"
  virtual bool cuda_available() const = 0;           // CUDA build and at least one visible GPU
  virtual int cuda_device_count() const = 0;
  virtual std::string cuda_version() const = 0;      // "none" for CPU-only builds

  // torch::jit::load on `device` (half precision if asked and on CUDA). Throws InputError for a
  // missing file, a file this LibTorch cannot read (naming its version), or a device that is
  // not there.
  virtual std::unique_ptr<ScriptModule> load_module(const std::filesystem::path& path,
                                                    const DeviceSpec& device) = 0;
  // A tensor saved with torch.save (e.g. RegionCLIP's concept embeddings, .pth), as float32.
  virtual HostTensor load_saved_tensor(const std::filesystem::path& path) = 0;
  // Decodes an image file with OpenCV (models/torch/image_decode.h), applying its EXIF
  // orientation only when asked; InputError naming the file when it cannot.
  virtual RgbImage decode_image(const std::filesystem::path& path, bool apply_exif_orientation) = 0;
  // cv2.resize INTER_LINEAR (mmcv.imresize), for preprocessing specs that ask for it.
  virtual RgbImage cv_resize_linear(const RgbImage& image, int width, int height) = 0;
  // Writes the demo's TorchScript modules into `directory` (models/torch/demo_model_builder.h).
  virtual void write_demo_models(const std::filesystem::path& directory) = 0;
};

// Loads the plugin once and returns it. Looks in $OVBENCH_TORCH_PLUGIN, then next to the
// executable, then in ../lib/ovbench/; throws InputError naming every path tried and dlerror().
TorchPlugin& torch_plugin();

}  // namespace ovbench

// The plugin's one exported symbol.
extern "C" ovbench::TorchPlugin* ovbench_torch_plugin_entry();
