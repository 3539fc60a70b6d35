#pragma once
// `--json PATH|-`: machine-readable results go to stdout ("-") or, atomically, to a file.

#include <nlohmann/json.hpp>
#include <string>

namespace ovbench {

void write_json_output(const std::string& target, const nlohmann::ordered_json& value);

}  // namespace ovbench
