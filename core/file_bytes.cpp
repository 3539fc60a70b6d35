#include "core/file_bytes.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace ovbench {

FileBytes::FileBytes(FileBytes&& other) noexcept
    : buffer_(std::move(other.buffer_)),
      mapping_(std::exchange(other.mapping_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, 0)) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    buffer_ = std::move(other.buffer_);
    mapping_ = std::exchange(other.mapping_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, 0);
  }
  return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
  if (mapping_) munmap(mapping_, mapped_);
  mapping_ = nullptr;
  size_ = mapped_ = 0;
}

FileBytes FileBytes::open(const std::filesystem::path& path, std::size_t padding) {
  FileBytes out;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  unsigned char magic[2] = {0, 0};
  const bool mappable = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
                        pread(fd, magic, 2, 0) >= 0 && !(magic[0] == 0x1f && magic[1] == 0x8b);
  if (mappable) {
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t total = (size + padding + page - 1) / page * page;
    // Reserve size + padding of zero pages, then lay the file over the front of it: the tail
    // of the file's last page and the pages after it read as zeros, which is the padding.
    void* region = mmap(nullptr, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region != MAP_FAILED) {
      void* file = mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0);
      if (file != MAP_FAILED) {
        madvise(file, size, MADV_SEQUENTIAL);
        out.mapping_ = static_cast<char*>(file);
        out.size_ = size;
        out.mapped_ = total;
        close(fd);
        return out;
      }
      munmap(region, total);
    }
  }
  if (fd >= 0) close(fd);
  // Not mappable (gzip, a pipe, an empty or missing file): read_file_buffer reads, inflates and
  // reports errors with the file's name.
  out.buffer_ = read_file_buffer(path, padding);
  return out;
}

}  // namespace ovbench
