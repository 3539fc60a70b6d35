#pragma once
// Whole-file reads into a std::string, for the small inputs (category group files, suites,
// model cards) where a std::string is the convenient shape. Same rules as read_file_buffer
// (core/byte_buffer.h), which it wraps: a file that starts with the gzip magic bytes is
// inflated, whatever its name, and every failure (missing, unreadable, truncated or corrupt
// gzip) throws InputError naming the file.

#include <filesystem>
#include <string>

namespace ovbench {

std::string read_file(const std::filesystem::path& path);

}  // namespace ovbench
