#include "core/file_reader.h"

#include "core/byte_buffer.h"

namespace ovbench {

std::string read_file(const std::filesystem::path& path) {
  const ByteBuffer buffer = read_file_buffer(path, 0);
  if (buffer.size() == 0) return {};
  return std::string(buffer.data(), buffer.size());
}

}  // namespace ovbench
