#pragma once
// How numbers read in the HTML report: metrics as percentages with one decimal, as papers
// print them ("42.1 [41.3, 42.9]"); the exact value travels alongside in a data-value
// attribute (reports/table_sink.h exact_number_text) for sorting and for machines.

#include <string>

#include "reports/table_model.h"

namespace ovbench {

// 0.4213 -> "42.1"; -1 (nothing to score) -> "n/a"; NaN -> "nan".
std::string percent_text(double fraction);
// +0.0123 -> "+1.2" (percentage points).
std::string percent_difference_text(double fraction);
// The text of a number in an HTML cell of the given style, interval included when there is one.
std::string html_number_text(const TableCell& cell, NumberStyle style);

// At the terminal and in Markdown: 4 decimals (signed for differences), "low, high" in brackets.
std::string console_number_text(const TableCell& cell, NumberStyle style);

}  // namespace ovbench
