#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/errors.h"

namespace ovbench {

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const std::string target = path.string();
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  // Built with appends: g++ 12's -Wrestrict misfires on `"." + str + "..."` at -O3.
  std::string tmpl = dir.string();
  tmpl.append("/.").append(path.filename().string()).append(".tmp-XXXXXX");
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw InputError(target + ": cannot create a file here (" + std::strerror(errno) + ")");
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw InputError(target + ": write failed (" + why + ")");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; results are meant to be read by others like any ordinary output file.
  // (Reading the umask would mean setting it, which races with other threads.)
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw InputError(target + ": flush failed (" + std::strerror(errno) + ")");
  }
  if (::rename(tmpl.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    throw InputError(target + ": cannot replace (" + why + ")");
  }
}

}  // namespace ovbench
