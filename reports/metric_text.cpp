#include "reports/metric_text.h"

#include <cmath>
#include <cstdio>

#include "reports/text_table.h"

namespace ovbench {
namespace {

std::string printf_text(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  std::string text = buf;
  // A tiny negative number rounds to "-0.0": say "0.0" (or "+0.0" for a difference).
  if (text.size() > 1 && text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) {
    text[0] = '+';
    if (format[1] != '+') text.erase(0, 1);
  }
  return text;
}

std::string one_html_number(double v, NumberStyle style) {
  switch (style) {
    case NumberStyle::kMetric:
      return percent_text(v);
    case NumberStyle::kDifference:
      return percent_difference_text(v);
    case NumberStyle::kPlain:
      return std::isnan(v) ? "nan" : printf_text("%.3f", v);
  }
  return "";
}

std::string one_console_number(double v, NumberStyle style) {
  if (style == NumberStyle::kDifference && !std::isnan(v)) return printf_text("%+.4f", v);
  return format_metric(v, 4);
}

}  // namespace

std::string percent_text(double fraction) {
  if (std::isnan(fraction)) return "nan";
  if (fraction == -1) return "n/a";
  return printf_text("%.1f", fraction * 100);
}

std::string percent_difference_text(double fraction) {
  if (std::isnan(fraction)) return "nan";
  return printf_text("%+.1f", fraction * 100);
}

std::string html_number_text(const TableCell& cell, NumberStyle style) {
  std::string text = one_html_number(cell.value, style);
  if (cell.has_interval()) {
    text +=
        " [" + one_html_number(*cell.low, style) + ", " + one_html_number(*cell.high, style) + "]";
  }
  return text;
}

std::string console_number_text(const TableCell& cell, NumberStyle style) {
  std::string text = one_console_number(cell.value, style);
  if (cell.has_interval()) {
    text += " [" + one_console_number(*cell.low, style) + ", " +
            one_console_number(*cell.high, style) + "]";
  }
  return text;
}

}  // namespace ovbench
