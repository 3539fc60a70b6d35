#include "models/runtime/script_module.h"

#include "core/errors.h"

namespace ovbench {

void require_method(const ScriptModule& module, const std::string& method,
                    const std::string& expected_signature) {
  if (!module.has_method(method))
    throw InputError(module.path() + ": the TorchScript module has no method '" + method +
                     "'; this adapter calls " + expected_signature +
                     " (docs/models.md gives every adapter's signatures)");
}

}  // namespace ovbench
