#pragma once
// Whole-file reads with transparent gzip: a file that starts with the gzip magic bytes is
// inflated, whatever its name. Every failure (missing, unreadable, truncated or corrupt gzip)
// throws InputError naming the file.

#include <filesystem>
#include <string>

namespace ovbench {

std::string read_file(const std::filesystem::path& path);

// True when the bytes begin with the gzip magic (1f 8b).
bool looks_gzipped(const std::string& bytes);

// Inflates a (possibly multi-member) gzip stream; `name` is used in error messages.
std::string gunzip(const std::string& compressed, const std::string& name);

}  // namespace ovbench
