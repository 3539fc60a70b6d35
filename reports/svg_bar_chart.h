#pragma once
// Inline SVG horizontal bar charts for the HTML report: per-category AP, one bar per category.

#include <string>
#include <vector>

namespace ovbench {

struct Bar {
  std::string label;
  double value = 0;  // a fraction in [0, 1]; -1 (nothing to score) or NaN draw no bar, "n/a"
};

struct BarChart {
  std::string title;
  std::string value_label = "AP";
  std::vector<Bar> bars;                                        // drawn top to bottom in this order
  std::vector<std::pair<std::string, std::string>> attributes;  // extra data-* on the <svg>
};

inline constexpr double kBarChartWidth = 480;
inline constexpr double kBarLabelWidth = 160;  // category names, right-aligned before the bars
inline constexpr double kBarAreaWidth = 256;   // a value of 1 is this long
inline constexpr double kBarRowHeight = 16;
inline constexpr double kBarChartTop = 24;

// <svg class="chart bar-chart"> with one <rect class="bar" data-label data-value> per bar whose
// width is value * kBarAreaWidth, its label on the left and its percentage on the right.
std::string render_bar_chart(const BarChart& chart);

}  // namespace ovbench
