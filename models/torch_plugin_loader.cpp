#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include "core/errors.h"
#include "models/torch_plugin.h"

namespace ovbench {
namespace {

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}

std::vector<std::string> candidate_paths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("OVBENCH_TORCH_PLUGIN")) paths.emplace_back(env);
  const auto dir = executable_dir();
  paths.push_back((dir / OVBENCH_TORCH_PLUGIN_NAME).string());
  paths.push_back((dir / ".." / "lib" / "ovbench" / OVBENCH_TORCH_PLUGIN_NAME).string());
  return paths;
}

TorchPlugin* load() {
  using Entry = TorchPlugin* (*)();
  std::string tried;
  for (const auto& path : candidate_paths()) {
    if (!std::filesystem::exists(path)) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      tried += "\n  " + path + ": " + ::dlerror();
      continue;
    }
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, "ovbench_torch_plugin_entry"));
    if (entry == nullptr) {
      tried += "\n  " + path + ": no ovbench_torch_plugin_entry symbol";
      continue;
    }
    return entry();  // the handle stays open for the life of the process
  }
  throw InputError("cannot load the LibTorch plugin (" OVBENCH_TORCH_PLUGIN_NAME
                   "), needed to run models; tried:" + tried +
                   "\nbuild it with `cmake --build <dir> --target ovbench_torch` or set "
                   "OVBENCH_TORCH_PLUGIN to its path");
}

}  // namespace

TorchPlugin& torch_plugin() {
  static TorchPlugin* plugin = nullptr;
  static std::once_flag once;
  std::call_once(once, [] { plugin = load(); });
  return *plugin;
}

}  // namespace ovbench
