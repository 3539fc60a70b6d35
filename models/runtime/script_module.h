#pragma once
// A loaded TorchScript module seen from the torch-free side. The plugin implements it with
// torch::jit::Module; calls run without autograd (inference mode) on the module's device and
// move inputs there and outputs back to the host.

#include <memory>
#include <string>
#include <vector>

#include "models/runtime/host_tensor.h"

namespace ovbench {

class ScriptModule {
 public:
  virtual ~ScriptModule() = default;

  virtual bool has_method(const std::string& name) const = 0;
  // The method's TorchScript schema, e.g. "forward(__torch__.M self, Tensor images) -> Tensor".
  virtual std::string method_schema(const std::string& name) const = 0;
  // Runs `method`. Float inputs are cast to half on a half-precision module and outputs back to
  // float32. Throws InputError naming the file and method when the module rejects the inputs.
  virtual ModuleOutput call(const std::string& method, const std::vector<HostTensor>& inputs) = 0;
  virtual const std::string& path() const = 0;
};

// Adapters state what they call; a missing method is reported with the signature expected.
void require_method(const ScriptModule& module, const std::string& method,
                    const std::string& expected_signature);

}  // namespace ovbench
