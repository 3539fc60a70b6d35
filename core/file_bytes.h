#pragma once
// The bytes of a large input file with `padding` readable zero bytes past the end (simdjson
// reads up to 64 bytes beyond its input), without copying them: a plain regular file is mapped
// straight from the page cache. On these VMs reading 1 GB into fresh memory costs 0.1 to 1.4 s
// (zeroing and compacting pages for the copy), mapping it ~0.04 s. Gzipped files, pipes and
// empty files fall back to read_file_buffer (which inflates). The file must not be truncated
// while its bytes are in use (the usual condition of mapping a file).

#include <cstddef>
#include <filesystem>

#include "core/byte_buffer.h"

namespace ovbench {

class FileBytes {
 public:
  FileBytes() = default;
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  const char* data() const { return mapping_ ? mapping_ : buffer_.data(); }
  std::size_t size() const { return mapping_ ? size_ : buffer_.size(); }
  // Readable zero bytes after size() (at least the padding asked for).
  std::size_t padding() const { return mapping_ ? mapped_ - size_ : buffer_.padding(); }
  bool is_mapped() const { return mapping_ != nullptr; }

  // Every failure throws InputError naming the file, as read_file_buffer does.
  static FileBytes open(const std::filesystem::path& path, std::size_t padding);

 private:
  void release();
  ByteBuffer buffer_;
  char* mapping_ = nullptr;
  std::size_t size_ = 0;
  std::size_t mapped_ = 0;
};

}  // namespace ovbench
