#include "models/adapters/adapter_context.h"

#include "models/torch_plugin.h"

namespace ovbench {

AdapterContext plugin_adapter_context(const DeviceSpec& device, std::filesystem::path text_cache_dir) {
  AdapterContext context;
  context.device = device;
  context.load_module = [device](const std::filesystem::path& path) {
    return torch_plugin().load_module(path, device);
  };
  context.load_tensor = [](const std::filesystem::path& path) {
    return torch_plugin().load_saved_tensor(path);
  };
  context.text_cache = TextEmbeddingCache(std::move(text_cache_dir));
  return context;
}

}  // namespace ovbench
