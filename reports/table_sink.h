#pragma once
// Interchangeable renderers of a TableDocument (Google Benchmark's reporter pattern: one model,
// one interface, a sink per output format). `--format table|md|csv|json` picks one.

#include <memory>
#include <optional>
#include <string>

#include "reports/table_model.h"

namespace ovbench {

enum class TableFormat { kConsole, kMarkdown, kCsv, kJson };

// "table", "md" (or "markdown"), "csv", "json"; nullopt for anything else.
std::optional<TableFormat> parse_table_format(const std::string& name);

class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual std::string render(const TableDocument& document) const = 0;
};

// For people at a terminal: the title, then each table with aligned columns, numbers to 4
// decimals ("0.4013 [0.3990, 0.4036]" with an interval), "-" for an empty cell.
class ConsoleTableSink : public TableSink {
 public:
  std::string render(const TableDocument& document) const override;
};

// GitHub-flavoured Markdown: "## title", then per table "### title" and a pipe table whose
// numeric columns are right-aligned; |, \, `, *, _, <, [ in cells are backslash-escaped.
class MarkdownTableSink : public TableSink {
 public:
  std::string render(const TableDocument& document) const override;
};

// RFC 4180: CRLF line ends, a header record, fields quoted when they hold a comma, a double
// quote, CR or LF (quotes doubled). One record set per output: when the document has several
// tables they are stacked into one, with a first column "table" (the table's id) and the union
// of their columns. Numbers keep every digit (the shortest text that reads back exactly), NaN
// and empty cells are empty fields; intervals become "<name> low"/"<name> high" columns. Titles
// and notes are not written.
class CsvTableSink : public TableSink {
 public:
  std::string render(const TableDocument& document) const override;
};

// {"title", "tables": [{"id", "title", "notes", "columns": [names], "rows": [{column: value}]}]}:
// numbers as JSON numbers (every digit), NaN and empty cells null, intervals as "<name> low" and
// "<name> high" keys.
class JsonTableSink : public TableSink {
 public:
  std::string render(const TableDocument& document) const override;
};

std::unique_ptr<TableSink> make_table_sink(TableFormat format);

// One RFC 4180 field: quoted (with doubled quotes) only when it has to be.
std::string csv_field(const std::string& text);
// A Markdown table cell's text with the characters that would break the table escaped.
std::string markdown_cell(const std::string& text);
// The shortest decimal text that reads back as exactly `value` ("0.1", "0.09801980198019802").
std::string exact_number_text(double value);

}  // namespace ovbench
