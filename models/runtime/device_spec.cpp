#include "models/runtime/device_spec.h"

#include <cctype>

#include "core/errors.h"

namespace ovbench {

DeviceSpec parse_device_spec(const std::string& text, const std::string& flag) {
  DeviceSpec spec;
  if (text == "cpu") return spec;
  if (text == "cuda") {
    spec.cuda = true;
    return spec;
  }
  const std::string prefix = "cuda:";
  if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size() && text.size() <= prefix.size() + 3) {
    int index = 0;
    for (std::size_t i = prefix.size(); i < text.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) index = -1;
      if (index >= 0) index = index * 10 + (text[i] - '0');
    }
    if (index >= 0) {
      spec.cuda = true;
      spec.index = index;
      return spec;
    }
  }
  throw UsageError(flag + " '" + text + "': expected cpu, cuda or cuda:N");
}

}  // namespace ovbench
