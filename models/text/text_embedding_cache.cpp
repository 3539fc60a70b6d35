#include "models/text/text_embedding_cache.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/atomic_file.h"

namespace ovbench {
namespace {

constexpr char kMagic[8] = {'O', 'V', 'B', 'T', 'E', 'X', 'T', '1'};

std::string file_name_for(const std::string& key) {
  std::string name;
  for (char c : key) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return name + ".f32";
}

}  // namespace

std::filesystem::path TextEmbeddingCache::default_directory() {
  if (const char* dir = std::getenv("OVBENCH_CACHE_DIR"); dir && *dir)
    return std::filesystem::path(dir) / "text-embeddings";
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "ovbench" / "text-embeddings";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "ovbench" / "text-embeddings";
  return {};
}

std::filesystem::path TextEmbeddingCache::file_for(const std::string& key) const {
  return directory_ / file_name_for(key);
}

std::optional<EmbeddingMatrix> TextEmbeddingCache::load(const std::string& key) const {
  if (!enabled()) return std::nullopt;
  std::ifstream in(file_for(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t header = sizeof(kMagic) + 2 * sizeof(std::int64_t);
  if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) return std::nullopt;
  EmbeddingMatrix m;
  std::memcpy(&m.rows, bytes.data() + sizeof(kMagic), sizeof(m.rows));
  std::memcpy(&m.dim, bytes.data() + sizeof(kMagic) + sizeof(m.rows), sizeof(m.dim));
  if (m.rows < 0 || m.dim <= 0 || m.rows > (1 << 24) || m.dim > (1 << 16)) return std::nullopt;
  const auto count = static_cast<std::size_t>(m.rows * m.dim);
  if (bytes.size() != header + count * sizeof(float)) return std::nullopt;
  m.values.resize(count);
  std::memcpy(m.values.data(), bytes.data() + header, count * sizeof(float));
  return m;
}

void TextEmbeddingCache::store(const std::string& key, const EmbeddingMatrix& m) const {
  if (!enabled()) return;
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  std::string bytes(kMagic, sizeof(kMagic));
  bytes.append(reinterpret_cast<const char*>(&m.rows), sizeof(m.rows));
  bytes.append(reinterpret_cast<const char*>(&m.dim), sizeof(m.dim));
  bytes.append(reinterpret_cast<const char*>(m.values.data()), m.values.size() * sizeof(float));
  write_file_atomically(file_for(key), bytes);
}

}  // namespace ovbench
