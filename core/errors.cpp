#include "core/errors.h"

namespace ovbench {

std::string describe_location(const std::string& file, long long record, const std::string& field) {
  std::string out = file;
  if (record >= 0) out += ": record " + std::to_string(record);
  if (!field.empty()) out += ": field '" + field + "'";
  return out;
}

}  // namespace ovbench
