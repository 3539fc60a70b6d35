#pragma once
// Pairs the ground-truth and predicted label maps of two directories by file stem
// ("ADE_val_00000001.png" in both), as mmseg pairs a prediction with its sample. Every *.png
// (case-insensitive) directly inside each directory takes part; anything else is ignored.

#include <filesystem>
#include <string>
#include <vector>

namespace ovbench {

struct LabelMapPair {
  std::string stem;
  std::filesystem::path gt;
  std::filesystem::path pred;
};

// Sorted by stem. Throws InputError when a directory is missing or has no PNG, when two files
// of one directory share a stem (a.png and a.PNG), and when stems are unmatched, naming the
// count on each side and the first few stems.
std::vector<LabelMapPair> pair_label_maps(const std::filesystem::path& gt_dir,
                                          const std::filesystem::path& pred_dir);

}  // namespace ovbench
