#pragma once
// `--format table|md|csv|json` for the commands that print tables (runs, show, compare): one
// option, one parser, one way to print (reports/table_sink.h picks the renderer).

#include "harness/command_line.h"
#include "reports/table_sink.h"

namespace ovbench {

void add_table_format_option(CommandLine& cl);

// The chosen format; a UsageError for an unknown one, or for --json together with a --format
// other than table (--json keeps its own, older, document shape).
TableFormat chosen_table_format(const CommandLine& cl);

// Renders the document with the format's sink to stdout.
void print_table_document(const TableDocument& document, TableFormat format);

}  // namespace ovbench
