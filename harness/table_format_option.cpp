#include "harness/table_format_option.h"

#include <iostream>

namespace ovbench {

void add_table_format_option(CommandLine& cl) {
  cl.add_options()(
      "format",
      boost::program_options::value<std::string>()->default_value("table")->value_name(
          "table|md|csv|json"),
      "how to print the tables: aligned text (table), GitHub Markdown (md), RFC 4180 CSV (csv; "
      "several "
      "tables stack into one with a first column 'table'), or JSON {\"tables\": [...]} (json); see "
      "docs/report.md");
}

TableFormat chosen_table_format(const CommandLine& cl) {
  const std::string name = cl.get<std::string>("format");
  const auto format = parse_table_format(name);
  if (!format) cl.fail("--format must be table, md, csv or json, not '" + name + "'");
  if (*format != TableFormat::kConsole && cl.has("json") && cl.get<bool>("json")) {
    cl.fail("--json and --format " + name + " both choose the output: give one");
  }
  return *format;
}

void print_table_document(const TableDocument& document, TableFormat format) {
  std::cout << make_table_sink(format)->render(document);
  std::cout.flush();
}

}  // namespace ovbench
