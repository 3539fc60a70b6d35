#pragma once
// The `ovbench` command line: git-style subcommands, each parsed by Boost.Program_options.
// run_cli maps outcomes to exit codes: 0 ok, 1 regression, 2 bad input or usage, 3 internal.

#include <functional>
#include <string>
#include <vector>

namespace ovbench {

struct Command {
  std::string name;
  std::string summary;  // one line, shown by `ovbench --help`
  // Receives the arguments after the command name; returns the exit code.
  std::function<int(const std::vector<std::string>& args)> run;
};

// Every top-level command, in the order `ovbench --help` lists them (command_table.cpp).
const std::vector<Command>& top_level_commands();

// Dispatches to a command from `table`: prints `usage_prefix` help for --help or no argument.
int dispatch(const std::vector<Command>& table, const std::string& usage_prefix,
             const std::string& description, const std::vector<std::string>& args);

// Entry point of the executable; never throws.
int run_cli(int argc, char** argv);

}  // namespace ovbench
