#include "reports/html_table.h"

#include <cmath>
#include <set>

#include "reports/html_escape.h"
#include "reports/metric_text.h"
#include "reports/table_sink.h"

namespace ovbench {
namespace {

std::string data_value(double v) {
  return std::isnan(v) ? "nan" : exact_number_text(v);
}

std::string cell_html(const TableCell& c, const TableColumn& column, bool best) {
  std::string attrs, body;
  std::string cls;
  switch (c.kind) {
    case TableCell::Kind::kText:
      cls = "text";
      body = html_escape(c.text);
      break;
    case TableCell::Kind::kEmpty:
      cls = "empty";
      body = "&ndash;";
      break;
    case TableCell::Kind::kInteger:
      cls = "num";
      attrs = " data-value=\"" + std::to_string(c.integer) + "\"";
      body = std::to_string(c.integer);
      break;
    case TableCell::Kind::kNumber: {
      cls = "num";
      attrs = " data-value=\"" + data_value(c.value) + "\"";
      TableCell bare = c;
      bare.low.reset();
      bare.high.reset();
      body = html_escape(html_number_text(bare, column.style));
      if (c.has_interval()) {
        attrs +=
            " data-low=\"" + data_value(*c.low) + "\" data-high=\"" + data_value(*c.high) + "\"";
        TableCell lo = TableCell::of_number(*c.low), hi = TableCell::of_number(*c.high);
        body += " <span class=\"ci\">[" + html_escape(html_number_text(lo, column.style)) + ", " +
                html_escape(html_number_text(hi, column.style)) + "]</span>";
      }
      attrs += " title=\"" + data_value(c.value) + "\"";
      break;
    }
  }
  if (best) cls += " best";
  if (!c.link.empty()) body = "<a href=\"" + html_escape(c.link) + "\">" + body + "</a>";
  return "<td class=\"" + cls + "\"" + attrs + ">" + body + "</td>";
}

}  // namespace

std::string render_html_table(const Table& table, const HtmlTableOptions& options) {
  std::vector<std::set<std::size_t>> best(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (!table.columns[c].mark_best) continue;
    for (std::size_t r : best_rows(table, c)) best[c].insert(r);
  }
  std::string h = "<table";
  if (!table.id.empty()) h += " id=\"" + html_escape(table.id) + "\"";
  h += std::string(" class=\"data") + (options.sortable ? " sortable" : "") + "\"";
  if (options.sortable && options.default_sort_column >= 0) {
    h += " data-default-sort=\"" + std::to_string(options.default_sort_column) + "\"";
  }
  h += "><thead><tr>";
  for (const TableColumn& c : table.columns) {
    h += "<th scope=\"col\" data-column=\"" + html_escape(c.name) + "\"" +
         (options.sortable ? " title=\"click to sort\"" : "") + ">" + html_escape(c.name) + "</th>";
  }
  h += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    h += "<tr";
    if (!table.row_key_attribute.empty() && r < table.row_keys.size()) {
      h += " " + html_escape(table.row_key_attribute) + "=\"" + html_escape(table.row_keys[r]) +
           "\"";
    }
    h += ">";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      h += cell_html(table.rows[r][c], table.columns[c], best[c].count(r) > 0);
    }
    h += "</tr>";
  }
  h += "</tbody></table>";
  return h;
}

}  // namespace ovbench
