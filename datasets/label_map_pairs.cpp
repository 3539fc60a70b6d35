#include "datasets/label_map_pairs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <system_error>

#include "core/errors.h"

namespace ovbench {
namespace {

constexpr std::size_t kNamesShown = 5;

bool is_png(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png";
}

std::map<std::string, std::filesystem::path> pngs_by_stem(const std::filesystem::path& dir,
                                                          const char* role) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw InputError(dir.string() + ": " + role + " directory does not exist or is not a directory");
  }
  std::map<std::string, std::filesystem::path> files;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) throw InputError(dir.string() + ": cannot list " + role + " directory: " + ec.message());
  for (const auto& entry : it) {
    if (!is_png(entry.path()) || !entry.is_regular_file(ec)) continue;
    const std::string stem = entry.path().stem().string();
    const auto [pos, inserted] = files.emplace(stem, entry.path());
    if (!inserted) {
      throw InputError(dir.string() + ": two " + role + " label maps share the stem '" + stem +
                       "': " + pos->second.filename().string() + " and " +
                       entry.path().filename().string());
    }
  }
  if (files.empty()) throw InputError(dir.string() + ": no .png " + role + " label maps in directory");
  return files;
}

std::string list_some(const std::vector<std::string>& stems) {
  std::string out;
  for (std::size_t i = 0; i < stems.size() && i < kNamesShown; ++i) {
    out += (i ? ", " : "") + stems[i];
  }
  if (stems.size() > kNamesShown) out += ", ... (" + std::to_string(stems.size() - kNamesShown) + " more)";
  return out;
}

}  // namespace

std::vector<LabelMapPair> pair_label_maps(const std::filesystem::path& gt_dir,
                                          const std::filesystem::path& pred_dir) {
  const auto gt = pngs_by_stem(gt_dir, "ground-truth");
  const auto pred = pngs_by_stem(pred_dir, "prediction");
  std::vector<LabelMapPair> pairs;
  std::vector<std::string> no_pred, no_gt;
  for (const auto& [stem, path] : gt) {
    const auto it = pred.find(stem);
    if (it == pred.end()) {
      no_pred.push_back(stem);
    } else {
      pairs.push_back({stem, path, it->second});
    }
  }
  for (const auto& [stem, path] : pred) {
    if (!gt.count(stem)) no_gt.push_back(stem);
  }
  if (!no_pred.empty() || !no_gt.empty()) {
    std::string message = "label maps do not pair up by file stem:";
    if (!no_pred.empty()) {
      message += " " + std::to_string(no_pred.size()) + " ground-truth map(s) in " + gt_dir.string() +
                 " have no prediction in " + pred_dir.string() + " (" + list_some(no_pred) + ")";
    }
    if (!no_gt.empty()) {
      message += std::string(no_pred.empty() ? "" : ";") + " " + std::to_string(no_gt.size()) +
                 " prediction(s) in " + pred_dir.string() + " have no ground truth in " +
                 gt_dir.string() + " (" + list_some(no_gt) + ")";
    }
    throw InputError(message);
  }
  return pairs;
}

}  // namespace ovbench
