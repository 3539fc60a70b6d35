#include "core/byte_buffer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "core/errors.h"

namespace ovbench {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t round_up(std::size_t n) { return (n + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

ByteBuffer::ByteBuffer(std::size_t size, std::size_t padding) : padding_(padding) {
  reserve(size + padding);
  size_ = size;
}

ByteBuffer::ByteBuffer(ByteBuffer&& o) noexcept
    : data_(std::exchange(o.data_, nullptr)),
      size_(std::exchange(o.size_, 0)),
      padding_(o.padding_),
      mapped_(std::exchange(o.mapped_, 0)) {}

ByteBuffer& ByteBuffer::operator=(ByteBuffer&& o) noexcept {
  if (this != &o) {
    if (data_) munmap(data_, mapped_);
    data_ = std::exchange(o.data_, nullptr);
    size_ = std::exchange(o.size_, 0);
    padding_ = o.padding_;
    mapped_ = std::exchange(o.mapped_, 0);
  }
  return *this;
}

ByteBuffer::~ByteBuffer() {
  if (data_) munmap(data_, mapped_);
}

void ByteBuffer::reserve(std::size_t bytes) {
  if (bytes <= mapped_) return;
  const std::size_t want = round_up(bytes);
  void* p = nullptr;
  if (data_) {
    p = mremap(data_, mapped_, want, MREMAP_MAYMOVE);
  } else {
    p = mmap(nullptr, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  }
  if (p == MAP_FAILED) throw std::bad_alloc();
  // Advisory: where THP is off or "never" this silently does nothing.
  madvise(p, want, MADV_HUGEPAGE);
  data_ = static_cast<char*>(p);
  mapped_ = want;
}

void ByteBuffer::resize(std::size_t size) {
  reserve(size + padding_);
  if (size < size_) std::memset(data_ + size, 0, std::min(size_ - size, padding_));
  size_ = size;
}

namespace {

ByteBuffer inflate_gzip(const ByteBuffer& in, const std::string& name, std::size_t padding) {
  ByteBuffer out(0, padding);
  out.resize(in.size() * 4 + 4096);
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("zlib init failed");
  const char* next_in = in.data();
  std::size_t left_in = in.size();
  std::size_t produced = 0;
  auto fail = [&](const std::string& why) {
    inflateEnd(&zs);
    throw InputError(name + ": " + why);
  };
  for (;;) {
    if (produced == out.size()) out.resize(out.size() * 2);
    // zlib counts in uInt: feed at most 1 GiB per call.
    const uInt chunk_in = static_cast<uInt>(std::min<std::size_t>(left_in, 1u << 30));
    const uInt chunk_out = static_cast<uInt>(std::min<std::size_t>(out.size() - produced, 1u << 30));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(next_in));
    zs.avail_in = chunk_in;
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = chunk_out;
    const int rc = inflate(&zs, Z_NO_FLUSH);
    next_in += chunk_in - zs.avail_in;
    left_in -= chunk_in - zs.avail_in;
    produced += chunk_out - zs.avail_out;
    if (rc == Z_STREAM_END) {
      if (left_in == 0) break;
      inflateReset(&zs);  // concatenated members (`cat a.gz b.gz`) are legal gzip
      continue;
    }
    if (rc == Z_OK || (rc == Z_BUF_ERROR && left_in > 0)) continue;
    if (rc == Z_BUF_ERROR) fail("gzip stream is truncated (ends before its end marker)");
    fail("corrupt gzip data at compressed byte " + std::to_string(in.size() - left_in) + " (" +
         (zs.msg ? zs.msg : "error " + std::to_string(rc)) + ")");
  }
  inflateEnd(&zs);
  out.resize(produced);
  return out;
}

}  // namespace

ByteBuffer read_file_buffer(const std::filesystem::path& path, std::size_t padding) {
  const std::string name = path.string();
  const int fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(name + ": cannot open (" + std::strerror(errno) + ")");
  struct stat st {};
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    close(fd);
    throw InputError(name + (S_ISDIR(st.st_mode) ? ": is a directory, expected a file"
                                                  : ": cannot stat"));
  }
  ByteBuffer buf(static_cast<std::size_t>(st.st_size), padding);
  std::size_t got = 0;
  while (got < buf.size()) {
    const ssize_t n = read(fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      close(fd);
      throw InputError(name + ": read failed (" + std::strerror(err) + ")");
    }
    if (n == 0) break;  // the file shrank under us: keep what is there
    got += static_cast<std::size_t>(n);
  }
  close(fd);
  buf.resize(got);
  if (got >= 2 && static_cast<unsigned char>(buf.data()[0]) == 0x1f &&
      static_cast<unsigned char>(buf.data()[1]) == 0x8b) {
    return inflate_gzip(buf, name, padding);
  }
  return buf;
}

}  // namespace ovbench
