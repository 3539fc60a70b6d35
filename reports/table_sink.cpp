#include "reports/table_sink.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ovbench {

std::optional<TableFormat> parse_table_format(const std::string& name) {
  if (name == "table") return TableFormat::kConsole;
  if (name == "md" || name == "markdown") return TableFormat::kMarkdown;
  if (name == "csv") return TableFormat::kCsv;
  if (name == "json") return TableFormat::kJson;
  return std::nullopt;
}

std::unique_ptr<TableSink> make_table_sink(TableFormat format) {
  switch (format) {
    case TableFormat::kConsole:
      return std::make_unique<ConsoleTableSink>();
    case TableFormat::kMarkdown:
      return std::make_unique<MarkdownTableSink>();
    case TableFormat::kCsv:
      return std::make_unique<CsvTableSink>();
    case TableFormat::kJson:
      return std::make_unique<JsonTableSink>();
  }
  return std::make_unique<ConsoleTableSink>();
}

std::string exact_number_text(double value) {
  if (std::isnan(value)) return "nan";
  // nlohmann writes doubles with the shortest round-trip representation (Grisu2).
  return nlohmann::json(value).dump();
}

}  // namespace ovbench
