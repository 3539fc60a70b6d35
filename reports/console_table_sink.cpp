#include "reports/metric_text.h"
#include "reports/table_sink.h"
#include "reports/text_table.h"

namespace ovbench {
namespace {

std::string console_text(const TableCell& c, NumberStyle style) {
  switch (c.kind) {
    case TableCell::Kind::kText:
      return c.text.empty() ? "-" : c.text;
    case TableCell::Kind::kEmpty:
      return "-";
    case TableCell::Kind::kInteger:
      return std::to_string(c.integer);
    case TableCell::Kind::kNumber:
      return console_number_text(c, style);
  }
  return "";
}

}  // namespace

std::string ConsoleTableSink::render(const TableDocument& document) const {
  std::string out;
  if (!document.title.empty()) out += document.title + "\n";
  for (const Table& table : document.tables) {
    if (!out.empty()) out += "\n";
    if (!table.title.empty()) out += table.title + "\n";
    for (const std::string& note : table.notes) out += "note: " + note + "\n";
    if (table.rows.empty()) {
      out += "(none)\n";
      continue;
    }
    std::vector<std::string> header;
    for (const TableColumn& c : table.columns) header.push_back(c.name);
    TextTable text(header);
    std::vector<bool> right;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      right.push_back(numeric_column(table, c));
    text.set_right_aligned(std::move(right));
    for (const auto& row : table.rows) {
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < row.size(); ++c)
        cells.push_back(console_text(row[c], table.columns[c].style));
      text.add_row(std::move(cells));
    }
    out += text.render();
  }
  return out;
}

}  // namespace ovbench
