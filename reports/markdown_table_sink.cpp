#include "reports/metric_text.h"
#include "reports/table_sink.h"
#include "reports/text_table.h"

namespace ovbench {
namespace {

std::string markdown_text(const TableCell& c, NumberStyle style) {
  switch (c.kind) {
    case TableCell::Kind::kText:
      return markdown_cell(c.text);
    case TableCell::Kind::kEmpty:
      return "";
    case TableCell::Kind::kInteger:
      return std::to_string(c.integer);
    case TableCell::Kind::kNumber:
      return console_number_text(c, style);
  }
  return "";
}

}  // namespace

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '\\':
      case '|':
      case '`':
      case '*':
      case '_':
      case '<':
      case '[':
        out += '\\';
        out += ch;
        break;
      case '\r':
        break;
      case '\n':
        out += "<br>";
        break;  // a raw newline would end the table row
      default:
        out += ch;
    }
  }
  return out;
}

// Built with separate += steps: gcc 12 reports a false -Wrestrict on "literal" + temporary.
std::string MarkdownTableSink::render(const TableDocument& document) const {
  std::string out;
  if (!document.title.empty()) {
    out += "## ";
    out += markdown_cell(document.title);
    out += "\n";
  }
  for (const Table& table : document.tables) {
    if (!out.empty()) out += "\n";
    if (!table.title.empty()) {
      out += "### ";
      out += markdown_cell(table.title);
      out += "\n\n";
    }
    for (const std::string& note : table.notes) {
      out += "Note: ";
      out += markdown_cell(note);
      out += "\n\n";
    }
    if (table.rows.empty()) {
      out += "(none)\n";
      continue;
    }
    std::string header = "|", rule = "|";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      header += " ";
      header += markdown_cell(table.columns[c].name);
      header += " |";
      rule += numeric_column(table, c) ? " ---: |" : " --- |";
    }
    out += header;
    out += "\n";
    out += rule;
    out += "\n";
    for (const auto& row : table.rows) {
      out += "|";
      for (std::size_t c = 0; c < row.size(); ++c) {
        out += " ";
        out += markdown_text(row[c], table.columns[c].style);
        out += " |";
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace ovbench
