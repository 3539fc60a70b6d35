#include "models/torch_plugin.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "core/errors.h"

namespace ovbench {
namespace {

TEST(TorchPluginLoader, LoadsThePluginNamedByTheEnvironment) {
  ::setenv("OVBENCH_TORCH_PLUGIN", OVBENCH_TEST_TORCH_PLUGIN, 1);
  TorchPlugin& plugin = torch_plugin();
  const std::string version = plugin.libtorch_version();
  EXPECT_FALSE(version.empty());
  EXPECT_NE(version.find('.'), std::string::npos) << version;
  if (!plugin.cuda_available()) {
    EXPECT_EQ(plugin.cuda_device_count(), 0);
  }
}

}  // namespace
}  // namespace ovbench
