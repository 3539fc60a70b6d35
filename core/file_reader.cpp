#include "core/file_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/errors.h"

namespace ovbench {

bool looks_gzipped(const std::string& bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(const std::string& compressed, const std::string& name) {
  z_stream zs{};
  // 16 + MAX_WBITS: accept the gzip wrapper only.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("zlib init failed");
  std::string out;
  out.resize(compressed.size() * 4 + 4096);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  size_t produced = 0;
  for (;;) {
    if (produced == out.size()) out.resize(out.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members are legal (`cat a.gz b.gz`): keep going while input remains.
      if (zs.avail_in == 0) break;
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_OK) {
      if (zs.avail_in == 0 && zs.avail_out != 0) {
        inflateEnd(&zs);
        throw InputError(name + ": gzip stream is truncated (ends before its end marker)");
      }
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      throw InputError(name + ": gzip stream is truncated (ends before its end marker)");
    }
    if (rc == Z_BUF_ERROR) continue;  // output full: grow and retry
    const std::string why = zs.msg ? zs.msg : "error " + std::to_string(rc);
    inflateEnd(&zs);
    throw InputError(name + ": corrupt gzip data at compressed byte " +
                     std::to_string(zs.total_in) + " (" + why + ")");
  }
  inflateEnd(&zs);
  out.resize(produced);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(name + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(name + ": cannot open (" + std::strerror(errno) + ")");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(name + ": cannot determine file size");
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (size > 0 && !in.read(bytes.data(), size)) throw InputError(name + ": read failed");
  if (looks_gzipped(bytes)) return gunzip(bytes, name);
  return bytes;
}

}  // namespace ovbench
