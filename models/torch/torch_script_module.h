#pragma once
// The plugin's ScriptModule: a torch::jit::Module on one device.

#include <filesystem>
#include <memory>

#include "models/runtime/device_spec.h"
#include "models/runtime/script_module.h"

namespace ovbench {

std::unique_ptr<ScriptModule> load_torch_script_module(const std::filesystem::path& path,
                                                       const DeviceSpec& device);
HostTensor load_torch_saved_tensor(const std::filesystem::path& path);

}  // namespace ovbench
