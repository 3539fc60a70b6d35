#pragma once
// Content hashes that identify inputs in the results store (a ground truth file, a results
// file, a model card): FNV-1a 64 over the bytes, written "fnv1a64:<16 hex digits>". An
// identity check, not a security one; the prefix leaves room for a stronger hash later.

#include <filesystem>
#include <string>
#include <string_view>

namespace ovbench {

std::string content_hash(std::string_view bytes);
// Hashes the file as stored (a gzipped file hashes its compressed bytes). Throws InputError
// naming the file if it cannot be read.
std::string file_content_hash(const std::filesystem::path& path);

}  // namespace ovbench
