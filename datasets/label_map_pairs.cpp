#include "datasets/label_map_pairs.h"

#include <algorithm>
#include <map>

#include "core/errors.h"

namespace ovbench {
namespace {

std::map<std::string, std::filesystem::path> pngs_in(const std::filesystem::path& dir, const char* role) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw InputError(dir.string() + ": not a directory (" + role + " label maps)");
  std::map<std::string, std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".png") continue;
    out.emplace(entry.path().stem().string(), entry.path());
  }
  return out;
}

std::string first_names(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) {
    if (i) s += ", ";
    s += names[i];
  }
  if (names.size() > 5) s += ", ...";
  return s;
}

}  // namespace

std::vector<LabelMapPair> pair_label_maps(const std::filesystem::path& gt_dir,
                                          const std::filesystem::path& pred_dir) {
  const auto gts = pngs_in(gt_dir, "ground truth");
  const auto preds = pngs_in(pred_dir, "predicted");
  if (gts.empty()) throw InputError(gt_dir.string() + ": no .png label maps");
  std::vector<std::string> no_pred, no_gt;
  std::vector<LabelMapPair> pairs;
  for (const auto& [stem, path] : gts) {
    const auto p = preds.find(stem);
    if (p == preds.end()) {
      no_pred.push_back(stem);
    } else {
      pairs.push_back({stem, path, p->second});
    }
  }
  for (const auto& [stem, path] : preds)
    if (!gts.count(stem)) no_gt.push_back(stem);
  if (!no_pred.empty()) {
    throw InputError(pred_dir.string() + ": " + std::to_string(no_pred.size()) +
                     " ground-truth label map(s) have no prediction (" + first_names(no_pred) + ")");
  }
  if (!no_gt.empty()) {
    throw InputError(pred_dir.string() + ": " + std::to_string(no_gt.size()) +
                     " prediction(s) have no ground truth in " + gt_dir.string() + " (" + first_names(no_gt) + ")");
  }
  return pairs;
}

}  // namespace ovbench
