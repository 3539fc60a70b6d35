#pragma once
// A ScriptModule whose methods are C++ lambdas: tests of adapters and the text side run
// without LibTorch and count the calls they make.

#include <functional>
#include <map>
#include <string>

#include "models/runtime/script_module.h"

namespace ovbench::testing {

class FakeScriptModule final : public ScriptModule {
 public:
  using Method = std::function<ModuleOutput(const std::vector<HostTensor>&)>;
  explicit FakeScriptModule(std::string path = "fake.pt") : path_(std::move(path)) {}
  void add(const std::string& name, Method m) { methods_[name] = std::move(m); }

  bool has_method(const std::string& name) const override { return methods_.count(name) != 0; }
  std::string method_schema(const std::string& name) const override { return name + "(...)"; }
  ModuleOutput call(const std::string& name, const std::vector<HostTensor>& inputs) override {
    ++calls[name];
    return methods_.at(name)(inputs);
  }
  const std::string& path() const override { return path_; }

  std::map<std::string, int> calls;

 private:
  std::string path_;
  std::map<std::string, Method> methods_;
};

}  // namespace ovbench::testing
