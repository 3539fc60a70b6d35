#include "harness/json_output.h"

#include <iostream>

#include "core/atomic_file.h"

namespace ovbench {

void write_json_output(const std::string& target, const nlohmann::ordered_json& value) {
  // Metric values are doubles that must survive a round trip exactly; nlohmann prints the
  // shortest representation that does.
  const std::string text = value.dump(2) + "\n";
  if (target == "-") {
    std::cout << text << std::flush;
  } else {
    write_file_atomically(target, text);
  }
}

}  // namespace ovbench
