#include "reports/svg_line_chart.h"

#include <cmath>
#include <cstdio>

#include "reports/html_escape.h"

namespace ovbench {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Markup is appended piece by piece: gcc 12 reports a false -Wrestrict on chains of
// "literal" + std::string.
template <class... Parts>
void append(std::string& out, const Parts&... parts) {
  (out.append(parts), ...);
}

constexpr double kLegendRow = 16;
constexpr double kAxisSpace = 40;  // below the plot: tick labels and the axis label

}  // namespace

std::string series_colour(std::size_t i) {
  // Okabe-Ito, then a few darker tones: distinguishable with the common colour-vision deficiencies.
  static const char* palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                  "#56B4E9", "#F0E442", "#000000", "#882255", "#44AA99"};
  return palette[i % (sizeof palette / sizeof palette[0])];
}

std::string svg_path_data(const std::vector<double>& x, const std::vector<double>& y,
                          const PlotArea& a) {
  std::string d;
  bool drawing = false;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (std::isnan(y[i]) || y[i] < 0 || std::isnan(x[i])) {
      drawing = false;
      continue;
    }
    append(d, drawing ? "L" : "M", number(a.left + x[i] * a.width), ",",
           number(a.top + (1 - y[i]) * a.height));
    drawing = true;
  }
  return d;
}

std::string render_line_chart(const LineChart& chart) {
  const PlotArea a;
  const double legend_top = a.top + a.height + kAxisSpace;
  const double height = legend_top + kLegendRow * static_cast<double>(chart.series.size()) + 8;
  std::string s;
  append(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ",
         html_escape(chart.css_class), "\" viewBox=\"0 0 ", number(kLineChartWidth), " ",
         number(height), "\" width=\"", number(kLineChartWidth), "\" height=\"", number(height),
         "\" role=\"img\"");
  for (const auto& [name, value] : chart.attributes)
    append(s, " ", html_escape(name), "=\"", html_escape(value), "\"");
  append(s, " data-series-count=\"", std::to_string(chart.series.size()), "\">");
  append(s, "<title>", html_escape(chart.title), "</title>");
  append(s, "<text class=\"chart-title\" x=\"", number(a.left), "\" y=\"14\">",
         html_escape(chart.title), "</text>");
  // Grid and ticks every 0.2 on both axes.
  for (int i = 0; i <= 5; ++i) {
    const double t = i / 5.0;
    const double gx = a.left + t * a.width, gy = a.top + (1 - t) * a.height;
    append(s, "<line class=\"grid\" x1=\"", number(gx), "\" y1=\"", number(a.top), "\" x2=\"",
           number(gx), "\" y2=\"", number(a.top + a.height), "\"/>");
    append(s, "<line class=\"grid\" x1=\"", number(a.left), "\" y1=\"", number(gy), "\" x2=\"",
           number(a.left + a.width), "\" y2=\"", number(gy), "\"/>");
    const std::string label = number(t);
    append(s, "<text class=\"tick\" x=\"", number(gx), "\" y=\"", number(a.top + a.height + 14),
           "\" text-anchor=\"middle\">", label, "</text>");
    append(s, "<text class=\"tick\" x=\"", number(a.left - 6), "\" y=\"", number(gy + 4),
           "\" text-anchor=\"end\">", label, "</text>");
  }
  append(s, "<rect class=\"frame\" x=\"", number(a.left), "\" y=\"", number(a.top), "\" width=\"",
         number(a.width), "\" height=\"", number(a.height), "\" fill=\"none\"/>");
  append(s, "<text class=\"axis-label\" x=\"", number(a.left + a.width / 2), "\" y=\"",
         number(a.top + a.height + 32), "\" text-anchor=\"middle\">", html_escape(chart.x_label),
         "</text>");
  append(s, "<text class=\"axis-label\" transform=\"translate(12,", number(a.top + a.height / 2),
         ") rotate(-90)\" text-anchor=\"middle\">", html_escape(chart.y_label), "</text>");
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const ChartSeries& series = chart.series[i];
    const std::string colour = series_colour(i);
    append(s, "<path class=\"series\" data-series=\"", html_escape(series.name),
           "\" fill=\"none\" stroke=\"", colour, "\" stroke-width=\"",
           series.emphasised ? "2.5" : "1.25", "\" d=\"", svg_path_data(series.x, series.y, a),
           "\"><title>", html_escape(series.name), "</title></path>");
    const double ly = legend_top + kLegendRow * static_cast<double>(i);
    append(s, "<line class=\"legend-swatch\" x1=\"", number(a.left), "\" y1=\"", number(ly + 8),
           "\" x2=\"", number(a.left + 20), "\" y2=\"", number(ly + 8), "\" stroke=\"", colour,
           "\" stroke-width=\"", series.emphasised ? "2.5" : "1.5", "\"/>");
    append(s, "<text class=\"legend\" x=\"", number(a.left + 26), "\" y=\"", number(ly + 12), "\">",
           html_escape(series.name), "</text>");
  }
  s += "</svg>";
  return s;
}

}  // namespace ovbench
