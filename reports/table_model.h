#pragma once
// One table model for everything ovbench prints as a table: `runs`, `show`, `compare` and the
// HTML report build a TableDocument, and interchangeable sinks (reports/table_sink.h) render it
// as a console table, Markdown, CSV or JSON — Google Benchmark's reporter pattern. Cells keep
// their numbers as numbers, so that each sink chooses how to write them (4 decimals for people,
// every digit for machines, a percentage in HTML).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ovbench {

struct TableCell {
  enum class Kind { kText, kNumber, kInteger, kEmpty };
  Kind kind = Kind::kEmpty;
  std::string text;                 // kText
  double value = 0;                 // kNumber; NaN is allowed (written "nan" / null / empty)
  std::int64_t integer = 0;         // kInteger: ids and counts, written as they are
  std::optional<double> low, high;  // kNumber: a confidence interval, when there is one
  std::string link;                 // HTML only: an anchor ("#run-3") the cell points to

  static TableCell of_text(std::string text);
  static TableCell of_number(double value);
  static TableCell of_interval(double value, double low, double high);
  static TableCell of_integer(std::int64_t value);
  static TableCell empty();
  bool has_interval() const { return low.has_value() && high.has_value(); }
};

// How a column's numbers read to people. Machines (CSV, JSON) always get the plain value.
enum class NumberStyle {
  kMetric,      // a fraction in [0, 1]: 4 decimals at the terminal, a percentage in HTML
  kDifference,  // a difference of metrics: signed ("+0.0123"; "+1.2" percentage points in HTML)
  kPlain,       // anything else (p-values): 4 decimals at the terminal, 3 in HTML
};

struct TableColumn {
  std::string name;
  // Whether the HTML report marks the highest value of this column as the best (metrics where
  // higher is better; every metric ovbench reports today is one).
  bool mark_best = false;
  NumberStyle style = NumberStyle::kMetric;
};

struct Table {
  std::string id;     // stable identifier: HTML id, JSON "id" ("runs", "metrics-coco_val.json")
  std::string title;  // what the table shows, for people
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;
  std::vector<std::string> notes;  // said under the title (e.g. why no intervals)
  // HTML only: rows carry this attribute ("data-run") with row_keys[i] as its value.
  std::string row_key_attribute;
  std::vector<std::string> row_keys;

  explicit Table(std::string table_id = "", std::string table_title = "");
  void add_column(std::string name, bool mark_best = false,
                  NumberStyle style = NumberStyle::kMetric);
  // Throws std::logic_error when the row's width differs from the columns'.
  void add_row(std::vector<TableCell> cells, std::string row_key = "");
};

// Several tables printed as one output (`ovbench show`: provenance, metrics, per category).
struct TableDocument {
  std::string title;
  std::vector<Table> tables;
};

// Row indices holding the highest number of a column (ties all count). NaN, negative values
// (-1 is the reference tools' "nothing to score") and non-numbers never win. Empty when no row
// has a number that can.
std::vector<std::size_t> best_rows(const Table& table, std::size_t column);

// Whether a column holds numbers: every cell that has something is a number (or integer).
// Such columns are right-aligned at the terminal and in Markdown.
bool numeric_column(const Table& table, std::size_t column);

// For machine-readable sinks (CSV, JSON): every column holding an interval gets two more
// columns right after it, "<name> low" and "<name> high", and its cells become plain numbers;
// rows without an interval leave those cells empty.
Table expand_intervals(const Table& table);

}  // namespace ovbench
