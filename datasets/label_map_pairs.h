#pragma once
// Ground-truth and prediction label maps matched by file stem ("ADE_val_00000001.png" in both
// directories). A gt without a prediction or a prediction without a gt is an error that names
// how many and the first few.

#include <filesystem>
#include <string>
#include <vector>

namespace ovbench {

struct LabelMapPair {
  std::string stem;
  std::filesystem::path gt, pred;
};

// Every *.png directly in `gt_dir`, sorted by stem, with its prediction from `pred_dir`.
std::vector<LabelMapPair> pair_label_maps(const std::filesystem::path& gt_dir,
                                          const std::filesystem::path& pred_dir);

}  // namespace ovbench
