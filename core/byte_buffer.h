#pragma once
// Large input files (an LVIS-scale results file is ~1 GB) read into one anonymous mapping that
// asks for transparent huge pages: on these VMs the first touch of each fresh 4 KiB page costs
// ~14 us, i.e. seconds per gigabyte, while 2 MiB pages make it negligible. The buffer keeps
// `padding` readable zero bytes past the end (simdjson reads up to 64 bytes beyond the input).

#include <cstddef>
#include <filesystem>

namespace ovbench {

class ByteBuffer {
 public:
  ByteBuffer() = default;
  ByteBuffer(std::size_t size, std::size_t padding);
  ByteBuffer(ByteBuffer&& other) noexcept;
  ByteBuffer& operator=(ByteBuffer&& other) noexcept;
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ~ByteBuffer();

  char* data() { return data_; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t padding() const { return padding_; }
  // Grows (keeping the content) or shrinks the logical size; padding stays zero-filled.
  void resize(std::size_t size);

 private:
  void reserve(std::size_t bytes);
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t padding_ = 0;
  std::size_t mapped_ = 0;
};

// Reads a whole file, inflating gzip transparently (by magic bytes, whatever the name). Every
// failure throws InputError naming the file.
ByteBuffer read_file_buffer(const std::filesystem::path& path, std::size_t padding);

}  // namespace ovbench
