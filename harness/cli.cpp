#include "harness/cli.h"

#include <exception>
#include <iostream>
#include <new>

#include "core/build_info.h"
#include "core/errors.h"

namespace ovbench {
namespace {

void print_table_help(std::ostream& out, const std::vector<Command>& table,
                      const std::string& usage_prefix, const std::string& description) {
  out << "usage: " << usage_prefix << " <command> [options]\n\n" << description << "\n\ncommands:\n";
  std::size_t width = 0;
  for (const auto& c : table) width = std::max(width, c.name.size());
  for (const auto& c : table) {
    out << "  " << c.name << std::string(width - c.name.size() + 3, ' ') << c.summary << "\n";
  }
  out << "\nRun '" << usage_prefix << " <command> --help' for a command's options.\n";
}

}  // namespace

int dispatch(const std::vector<Command>& table, const std::string& usage_prefix,
             const std::string& description, const std::vector<std::string>& args) {
  if (args.empty()) {
    print_table_help(std::cerr, table, usage_prefix, description);
    return kExitBadInput;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_table_help(std::cout, table, usage_prefix, description);
    return kExitOk;
  }
  for (const auto& c : table) {
    if (c.name == args[0]) {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
  }
  throw UsageError("'" + args[0] + "' is not a command of '" + usage_prefix + "' (see '" +
                   usage_prefix + " --help')");
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && args[0] == "--version") {
      std::cout << "ovbench " << ovbench_version() << " (" << ovbench_git_commit() << ")\n";
      return kExitOk;
    }
    return dispatch(top_level_commands(), "ovbench",
                    "Evaluation harness for open-vocabulary vision-language models: scores\n"
                    "detection (COCO, LVIS, ODinW), grounding (Flickr30K Entities) and\n"
                    "segmentation (mIoU) exactly as the reference tools do, stores results in\n"
                    "SQLite, and compares runs and gates regressions with bootstrap intervals.\n"
                    "(Running TorchScript models over benchmark suites is not implemented yet.)",
                    args);
  } catch (const UsageError& e) {
    std::cerr << "ovbench: usage error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const InputError& e) {
    std::cerr << "ovbench: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "ovbench: internal error: out of memory\n";
    return kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "ovbench: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace ovbench
