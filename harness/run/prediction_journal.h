#pragma once
// Append-only prediction files that make runs resumable and shardable. One directory per
// (model, checkpoint, dataset, protocol) key — the key does not involve the shard count — and
// in it one file per shard process, one JSON line per finished image:
//   {"i": <image index in the dataset>, "id": "<image id>", "p": <the image's predictions>}
// A line is appended (and synced) only once its image is complete, so after a crash or
// kill -9 a rerun reads every file in the directory, skips the images already there and
// carries on; a torn last line is cut off and its image redone. Every shard count reads the
// same directory, so 3 shards, or a rerun with 1, finish the same work.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ovbench {

class PredictionJournal {
 public:
  // Opens (creating) `directory` and reads every *.jsonl in it; this process appends to
  // `shard_file_name` ("" opens it read-only, to check completion or to merge).
  // `image_ids` (the dataset's, by index) check that lines belong here.
  PredictionJournal(std::filesystem::path directory, const std::string& shard_file_name,
                    std::vector<std::string> image_ids);
  ~PredictionJournal();
  PredictionJournal(const PredictionJournal&) = delete;
  PredictionJournal& operator=(const PredictionJournal&) = delete;

  bool done(std::size_t image) const { return payloads_.count(image) != 0; }
  std::size_t done_count() const { return payloads_.size(); }
  std::size_t image_count() const { return image_ids_.size(); }
  bool complete() const { return payloads_.size() == image_ids_.size(); }

  // Appends finished images (one line each) and syncs the file.
  void append(const std::vector<std::pair<std::size_t, nlohmann::json>>& images);
  // Re-reads the other shards' files (they may have finished since we opened).
  void refresh();
  // Payloads in image order; only when complete().
  std::vector<const nlohmann::json*> ordered_payloads() const;
  const std::filesystem::path& directory() const { return directory_; }

 private:
  void read_file(const std::filesystem::path& file, bool own);

  std::filesystem::path directory_, own_file_;
  std::vector<std::string> image_ids_;
  std::map<std::size_t, nlohmann::json> payloads_;
  int fd_ = -1;
};

}  // namespace ovbench
