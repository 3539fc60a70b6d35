#include "harness/run/prediction_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/errors.h"

namespace ovbench {

PredictionJournal::PredictionJournal(std::filesystem::path directory, const std::string& shard_file_name,
                                     std::vector<std::string> image_ids)
    : directory_(std::move(directory)),
      own_file_(shard_file_name.empty() ? std::filesystem::path() : directory_ / shard_file_name),
      image_ids_(std::move(image_ids)) {
  std::filesystem::create_directories(directory_);
  refresh();
  if (shard_file_name.empty()) return;
  fd_ = ::open(own_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw InputError(own_file_.string() + ": cannot open the prediction journal for appending");
}

PredictionJournal::~PredictionJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void PredictionJournal::refresh() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory_))
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_file(f, f == own_file_);
}

void PredictionJournal::read_file(const std::filesystem::path& file, bool own) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t complete_end = bytes.rfind('\n') == std::string::npos ? 0 : bytes.rfind('\n') + 1;
  if (own && complete_end < bytes.size()) {
    // A torn last line (the process died mid-write): cut it off; its image runs again.
    std::filesystem::resize_file(file, complete_end);
  }
  std::size_t line_no = 0;
  for (std::size_t start = 0; start < complete_end;) {
    const std::size_t end = bytes.find('\n', start);
    ++line_no;
    const std::string_view line(bytes.data() + start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    const std::string where = file.string() + ": line " + std::to_string(line_no);
    if (j.is_discarded() || !j.is_object() || !j.contains("i") || !j["i"].is_number_unsigned() || !j.contains("p"))
      throw InputError(where + ": not a prediction journal line (delete the directory to start over)");
    const auto i = j["i"].get<std::size_t>();
    if (i >= image_ids_.size() || j.value("id", std::string()) != image_ids_[i])
      throw InputError(where + ": image " + std::to_string(i) +
                       " does not match the dataset (was it changed? delete " + directory_.string() + ")");
    payloads_.emplace(i, j["p"]);
  }
}

void PredictionJournal::append(const std::vector<std::pair<std::size_t, nlohmann::json>>& images) {
  if (fd_ < 0) throw std::logic_error("PredictionJournal::append on a read-only journal");
  std::string lines;
  for (const auto& [i, payload] : images) {
    nlohmann::json line = {{"i", i}, {"id", image_ids_.at(i)}, {"p", payload}};
    lines += line.dump();
    lines += '\n';
  }
  for (std::size_t written = 0; written < lines.size();) {
    const auto n = ::write(fd_, lines.data() + written, lines.size() - written);
    if (n < 0) throw InputError(own_file_.string() + ": write failed (disk full?)");
    written += static_cast<std::size_t>(n);
  }
  ::fdatasync(fd_);
  for (const auto& [i, payload] : images) payloads_.emplace(i, payload);
}

std::vector<const nlohmann::json*> PredictionJournal::ordered_payloads() const {
  std::vector<const nlohmann::json*> out;
  out.reserve(payloads_.size());
  for (const auto& [i, p] : payloads_) out.push_back(&p);
  return out;
}

}  // namespace ovbench
