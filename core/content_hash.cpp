#include "core/content_hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/errors.h"

namespace ovbench {
namespace {

std::uint64_t fnv1a64(const unsigned char* p, std::size_t n, std::uint64_t h) {
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;

std::string format(std::uint64_t h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  return format(fnv1a64(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), kOffsetBasis));
}

std::string file_content_hash(const std::filesystem::path& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path.string() + ": cannot open (" + std::strerror(errno) + ")");
  std::uint64_t h = kOffsetBasis;
  unsigned char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      close(fd);
      throw InputError(path.string() + ": read failed (" + std::strerror(err) + ")");
    }
    if (n == 0) break;
    h = fnv1a64(buf, static_cast<std::size_t>(n), h);
  }
  close(fd);
  return format(h);
}

}  // namespace ovbench
