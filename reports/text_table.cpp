#include "reports/text_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ovbench {
namespace {

bool looks_numeric(const std::string& s) {
  if (s.empty()) return false;
  if (s == "-" || s == "nan") return true;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0';
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header) : header_(std::move(header)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  if (cells.size() != header_.size()) {
    throw std::logic_error("TextTable row has " + std::to_string(cells.size()) + " cells, header " +
                           std::to_string(header_.size()));
  }
  rows_.push_back(std::move(cells));
}

void TextTable::set_right_aligned(std::vector<bool> right_aligned) {
  if (right_aligned.size() != header_.size()) {
    throw std::logic_error("TextTable alignment for " + std::to_string(right_aligned.size()) + " columns, header " +
                           std::to_string(header_.size()));
  }
  right_aligned_ = std::move(right_aligned);
}

std::string TextTable::render() const {
  std::vector<std::size_t> width(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) width[c] = header_[c].size();
  for (const auto& r : rows_)
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(width[c] - cells[c].size(), ' ');
      const bool right = !is_header && (right_aligned_.empty() ? looks_numeric(cells[c]) : right_aligned_[c]);
      out += right ? pad + cells[c] : cells[c] + (c + 1 < cells.size() ? pad : "");
      if (c + 1 < cells.size()) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_, true);
  std::size_t total = 0;
  for (std::size_t c = 0; c < width.size(); ++c) total += width[c] + (c ? 2 : 0);
  out += std::string(total, '-') + "\n";
  for (const auto& r : rows_) out += line(r, false);
  return out;
}

std::string format_metric(double value, int decimals) {
  if (std::isnan(value)) return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace ovbench
