#include "reports/svg_bar_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/html_escape.h"
#include "reports/metric_text.h"
#include "reports/table_sink.h"

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

}  // namespace

std::string render_bar_chart(const BarChart& chart) {
  const double height = kBarChartTop + kBarRowHeight * static_cast<double>(chart.bars.size()) + 8;
  std::string s;
  append(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" viewBox=\"0 0 ",
         number(kBarChartWidth), " ", number(height), "\" width=\"", number(kBarChartWidth),
         "\" height=\"", number(height), "\" role=\"img\"");
  for (const auto& [name, value] : chart.attributes)
    append(s, " ", html_escape(name), "=\"", html_escape(value), "\"");
  append(s, " data-bar-count=\"", std::to_string(chart.bars.size()), "\">");
  append(s, "<title>", html_escape(chart.title), "</title>");
  append(s, "<text class=\"chart-title\" x=\"0\" y=\"14\">", html_escape(chart.title), "</text>");
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    const double y = kBarChartTop + kBarRowHeight * static_cast<double>(i);
    const bool defined = !std::isnan(bar.value) && bar.value >= 0;
    const double width = defined ? std::min(bar.value, 1.0) * kBarAreaWidth : 0;
    append(s, "<text class=\"bar-label\" x=\"", number(kBarLabelWidth - 6), "\" y=\"",
           number(y + 11), "\" text-anchor=\"end\">", html_escape(bar.label), "</text>");
    append(s, "<rect class=\"bar\" data-label=\"", html_escape(bar.label), "\" data-value=\"",
           std::isnan(bar.value) ? std::string("nan") : exact_number_text(bar.value), "\" x=\"",
           number(kBarLabelWidth), "\" y=\"", number(y + 2), "\" width=\"", number(width),
           "\" height=\"", number(kBarRowHeight - 4), "\" fill=\"", defined ? "#0072B2" : "none",
           "\"><title>",
           html_escape(bar.label + ": " + chart.value_label + " " + percent_text(bar.value)),
           "</title></rect>");
    append(s, "<text class=\"bar-value\" x=\"", number(kBarLabelWidth + width + 4), "\" y=\"",
           number(y + 11), "\">", percent_text(bar.value), "</text>");
  }
  s += "</svg>";
  return s;
}

}  // namespace ovbench
