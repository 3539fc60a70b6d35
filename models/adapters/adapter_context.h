#pragma once
// What an adapter needs from the outside world, injected so that tests can hand it fake
// modules: how to load TorchScript modules and saved tensors (the LibTorch plugin in the
// executable), the device, and the text-embedding cache.

#include <filesystem>
#include <functional>
#include <memory>

#include "models/runtime/device_spec.h"
#include "models/runtime/host_tensor.h"
#include "models/runtime/script_module.h"
#include "models/text/text_embedding_cache.h"

namespace ovbench {

struct AdapterContext {
  std::function<std::unique_ptr<ScriptModule>(const std::filesystem::path&)> load_module;
  std::function<HostTensor(const std::filesystem::path&)> load_tensor;
  DeviceSpec device;
  TextEmbeddingCache text_cache{std::filesystem::path()};
};

// The context backed by the LibTorch plugin (loads it on first use).
AdapterContext plugin_adapter_context(const DeviceSpec& device, std::filesystem::path text_cache_dir);

}  // namespace ovbench
