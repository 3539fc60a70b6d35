#include "models/gzip_text.h"

#include <zlib.h>

#include "core/errors.h"

namespace ovbench {

std::string gunzip(std::string_view compressed, const std::string& source) {
  z_stream zs{};
  // 16 + MAX_WBITS: expect a gzip header and trailer (and check the CRC).
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    throw InputError(source + ": cannot initialise zlib");
  }
  std::string out;
  out.resize(compressed.size() * 4 + 4096);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (zs.total_out == out.size()) out.resize(out.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + zs.total_out);
    zs.avail_out = static_cast<uInt>(out.size() - zs.total_out);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      throw InputError(source + ": truncated gzip data");
    }
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      const std::string why = zs.msg ? zs.msg : "corrupt gzip data";
      inflateEnd(&zs);
      throw InputError(source + ": " + why);
    }
  }
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

}  // namespace ovbench
