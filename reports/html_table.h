#pragma once
// A Table (reports/table_model.h) as an HTML <table>: text escaped, numbers shown in their
// column's style with the exact value in data-value (and data-low/data-high for an interval),
// the best value of each mark_best column given class "best", and — for sortable tables — the
// hooks the report's inline script uses to sort by a header click.

#include <string>

#include "reports/table_model.h"

namespace ovbench {

struct HtmlTableOptions {
  bool sortable = false;
  // With sortable: the column the script sorts by, descending, when the page loads (-1: none).
  int default_sort_column = -1;
};

std::string render_html_table(const Table& table, const HtmlTableOptions& options = {});

}  // namespace ovbench
