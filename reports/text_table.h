#pragma once
// Plain-text tables for the terminal: columns sized to their widest cell, numbers right-aligned.

#include <string>
#include <vector>

namespace ovbench {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  // Cells that parse as numbers (or "-") are right-aligned, unless set_right_aligned said
  // which columns are.
  void add_row(std::vector<std::string> cells);
  // One flag per column: right-align every body cell of the column, or none (for callers that
  // know which columns hold numbers, so that a text cell such as "2" stays left-aligned).
  void set_right_aligned(std::vector<bool> right_aligned);
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_aligned_;  // empty: decide per cell
};

// "%.3f", or "-1" spelled as pycocotools prints it ("-1.000").
std::string format_metric(double value, int decimals = 3);

}  // namespace ovbench
