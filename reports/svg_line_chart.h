#pragma once
// Inline SVG line charts for the HTML report: precision-recall curves (x = recall, y =
// precision, both in [0, 1]). No script, no external resources: the markup is the chart.

#include <string>
#include <vector>

namespace ovbench {

struct ChartSeries {
  std::string name;
  std::vector<double> x, y;  // same length, in [0, 1]; y < 0 or NaN is undefined: a gap
  bool emphasised = false;   // drawn thicker (the mean curve over categories)
};

struct LineChart {
  std::string title;
  std::string x_label = "recall", y_label = "precision";
  std::vector<ChartSeries> series;
  std::string css_class = "pr-curve";                           // the <svg>'s class, after "chart"
  std::vector<std::pair<std::string, std::string>> attributes;  // extra data-* on the <svg>
};

// The plot area in SVG user units: (0, 0) maps to (left, top + height), (1, 1) to
// (left + width, top).
struct PlotArea {
  double left = 48, top = 24, width = 416, height = 240;
};
inline constexpr double kLineChartWidth = 480;

// The "d" attribute of one series: "M" at the first defined point and after each gap, "L"
// between defined points, coordinates with one decimal ("M48.0,24.0L256.0,144.0").
std::string svg_path_data(const std::vector<double>& x, const std::vector<double>& y,
                          const PlotArea& area = PlotArea{});

// <svg class="chart ..."> with axes, ticks at every 0.2, one <path class="series"
// data-series="name"> per series (in order, coloured from a fixed palette) and a legend.
std::string render_line_chart(const LineChart& chart);

// The colour of series i (a fixed, colour-blind-friendly palette, cycled).
std::string series_colour(std::size_t i);

}  // namespace ovbench
