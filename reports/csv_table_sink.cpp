#include <algorithm>
#include <cmath>

#include "reports/table_sink.h"

namespace ovbench {
namespace {

std::string csv_text(const TableCell& c) {
  switch (c.kind) {
    case TableCell::Kind::kText:
      return csv_field(c.text);
    case TableCell::Kind::kEmpty:
      return "";
    case TableCell::Kind::kInteger:
      return std::to_string(c.integer);
    case TableCell::Kind::kNumber:
      return std::isnan(c.value) ? "" : exact_number_text(c.value);
  }
  return "";
}

std::string record(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ",";
    line += fields[i];
  }
  return line + "\r\n";
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string CsvTableSink::render(const TableDocument& document) const {
  std::vector<Table> tables;
  for (const Table& t : document.tables) tables.push_back(expand_intervals(t));
  const bool stacked = tables.size() > 1;
  std::vector<std::string> columns;  // the union, in first-seen order
  for (const Table& t : tables) {
    for (const TableColumn& c : t.columns) {
      if (std::find(columns.begin(), columns.end(), c.name) == columns.end())
        columns.push_back(c.name);
    }
  }
  std::vector<std::string> header;
  if (stacked) header.push_back("table");
  for (const std::string& c : columns) header.push_back(csv_field(c));
  std::string out = record(header);
  for (const Table& t : tables) {
    std::vector<std::size_t> position;  // this table's column -> union column
    for (const TableColumn& c : t.columns) {
      position.push_back(static_cast<std::size_t>(
          std::find(columns.begin(), columns.end(), c.name) - columns.begin()));
    }
    for (const auto& row : t.rows) {
      std::vector<std::string> fields(columns.size());
      for (std::size_t c = 0; c < row.size(); ++c) fields[position[c]] = csv_text(row[c]);
      if (stacked) fields.insert(fields.begin(), csv_field(t.id));
      out += record(fields);
    }
  }
  return out;
}

}  // namespace ovbench
