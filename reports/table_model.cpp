#include "reports/table_model.h"

#include <cmath>
#include <stdexcept>

namespace ovbench {

TableCell TableCell::of_text(std::string text) {
  TableCell c;
  c.kind = Kind::kText;
  c.text = std::move(text);
  return c;
}

TableCell TableCell::of_number(double value) {
  TableCell c;
  c.kind = Kind::kNumber;
  c.value = value;
  return c;
}

TableCell TableCell::of_interval(double value, double low, double high) {
  TableCell c = of_number(value);
  c.low = low;
  c.high = high;
  return c;
}

TableCell TableCell::of_integer(std::int64_t value) {
  TableCell c;
  c.kind = Kind::kInteger;
  c.integer = value;
  return c;
}

TableCell TableCell::empty() {
  return TableCell{};
}

Table::Table(std::string table_id, std::string table_title)
    : id(std::move(table_id)), title(std::move(table_title)) {}

void Table::add_column(std::string name, bool mark_best, NumberStyle style) {
  columns.push_back({std::move(name), mark_best, style});
}

void Table::add_row(std::vector<TableCell> cells, std::string row_key) {
  if (cells.size() != columns.size()) {
    std::string message = "table '";  // in steps: gcc 12's false -Wrestrict on "literal" + string
    message += id;
    message += "': a row of " + std::to_string(cells.size());
    message += " cells for " + std::to_string(columns.size());
    message += " columns";
    throw std::logic_error(message);
  }
  rows.push_back(std::move(cells));
  row_keys.push_back(std::move(row_key));
}

std::vector<std::size_t> best_rows(const Table& table, std::size_t column) {
  std::vector<std::size_t> best;
  double best_value = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const TableCell& c = table.rows[r].at(column);
    if (c.kind != TableCell::Kind::kNumber || std::isnan(c.value) || c.value < 0) continue;
    if (best.empty() || c.value > best_value) {
      best = {r};
      best_value = c.value;
    } else if (c.value == best_value) {
      best.push_back(r);
    }
  }
  return best;
}

bool numeric_column(const Table& table, std::size_t column) {
  bool any = false;
  for (const auto& row : table.rows) {
    const TableCell::Kind kind = row.at(column).kind;
    if (kind == TableCell::Kind::kText) return false;
    any = any || kind != TableCell::Kind::kEmpty;
  }
  return any;
}

Table expand_intervals(const Table& table) {
  std::vector<bool> has_interval(table.columns.size(), false);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      has_interval[c] = has_interval[c] || row[c].has_interval();
  Table out(table.id, table.title);
  out.notes = table.notes;
  out.row_key_attribute = table.row_key_attribute;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out.columns.push_back(table.columns[c]);
    if (has_interval[c]) {
      out.add_column(table.columns[c].name + " low", false, table.columns[c].style);
      out.add_column(table.columns[c].name + " high", false, table.columns[c].style);
    }
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<TableCell> cells;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const TableCell& cell = table.rows[r][c];
      if (!has_interval[c]) {
        cells.push_back(cell);
        continue;
      }
      TableCell plain = cell;
      plain.low.reset();
      plain.high.reset();
      cells.push_back(plain);
      cells.push_back(cell.has_interval() ? TableCell::of_number(*cell.low) : TableCell::empty());
      cells.push_back(cell.has_interval() ? TableCell::of_number(*cell.high) : TableCell::empty());
    }
    out.add_row(std::move(cells), table.row_keys.at(r));
  }
  return out;
}

}  // namespace ovbench
