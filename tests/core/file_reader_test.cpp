#include "core/file_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <filesystem>

#include "core/atomic_file.h"
#include "core/errors.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;

// A per-test scratch directory, removed when the test ends.
class ScratchDir {
 public:
  ScratchDir()
      : path_(fs::temp_directory_path() /
              ("ovbench_core_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string gzip_bytes(const std::string& plain) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, plain.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(FileReader, ReadsPlainFileByteForByte) {
  ScratchDir dir;
  const fs::path p = dir.path() / "a.json";
  const std::string text("[1, 2]\n\0tail", 12);
  write_file_atomically(p, text);
  EXPECT_EQ(read_file(p), text);
}

TEST(FileReader, InflatesGzipWhateverTheName) {
  ScratchDir dir;
  const fs::path p = dir.path() / "results.json";
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "{\"score\": " + std::to_string(i) + "},";
  write_file_atomically(p, gzip_bytes(big));
  EXPECT_EQ(read_file(p), big);
}

TEST(FileReader, InflatesConcatenatedGzipMembers) {
  ScratchDir dir;
  const fs::path p = dir.path() / "two.gz";
  write_file_atomically(p, gzip_bytes("first,") + gzip_bytes("second"));
  EXPECT_EQ(read_file(p), "first,second");
}

TEST(FileReader, TruncatedGzipIsAnInputErrorNamingTheFile) {
  ScratchDir dir;
  const fs::path p = dir.path() / "cut.json.gz";
  const std::string gz = gzip_bytes(std::string(50000, 'x') + "y");
  write_file_atomically(p, gz.substr(0, gz.size() / 2));
  try {
    read_file(p);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cut.json.gz"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
  }
}

TEST(FileReader, CorruptGzipIsAnInputError) {
  ScratchDir dir;
  const fs::path p = dir.path() / "bad.gz";
  std::string gz = gzip_bytes(std::string(5000, 'a'));
  for (std::size_t i = 12; i < gz.size() - 8; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  write_file_atomically(p, gz);
  EXPECT_THROW(read_file(p), InputError);
}

TEST(FileReader, MissingFileIsAnInputError) {
  try {
    read_file("/nonexistent/ovbench/gt.json");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/ovbench/gt.json"), std::string::npos);
  }
}

TEST(AtomicFile, ReplacesExistingFileAndLeavesNoTemporaries) {
  ScratchDir dir;
  write_file_atomically(dir.path() / "out.json", "old");
  write_file_atomically(dir.path() / "out.json", "new");
  EXPECT_EQ(read_file(dir.path() / "out.json"), "new");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(AtomicFile, MissingDirectoryIsAnInputError) {
  EXPECT_THROW(write_file_atomically("/nonexistent/ovbench/out.json", "x"), InputError);
}

}  // namespace
}  // namespace ovbench
