#pragma once
// Plain-text tables for the terminal: columns sized to their widest cell, numbers right-aligned.

#include <string>
#include <vector>

namespace ovbench {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  // Cells that parse as numbers (or "-") are right-aligned.
  void add_row(std::vector<std::string> cells);
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// "%.3f", or "-1" spelled as pycocotools prints it ("-1.000").
std::string format_metric(double value, int decimals = 3);

}  // namespace ovbench
