#include "harness/command_line.h"

#include <iostream>

#include "core/errors.h"

namespace po = boost::program_options;

namespace ovbench {

CommandLine::CommandLine(std::string command, std::string usage, std::string description,
                         std::string examples)
    : command_(std::move(command)),
      usage_(std::move(usage)),
      description_(std::move(description)),
      examples_(std::move(examples)),
      options_("options", 100, 50) {
  options_.add_options()("help,h", "show this help and exit");
}

po::options_description_easy_init CommandLine::add_options() { return options_.add_options(); }

void CommandLine::add_positional(const std::string& name, int max_count) {
  positional_.add(name.c_str(), max_count);
}

void CommandLine::print_help(std::ostream& out) const {
  out << "usage: " << usage_ << "\n\n" << description_ << "\n\n" << options_;
  if (!examples_.empty()) out << "\nexamples:\n" << examples_;
  if (!examples_.empty() && examples_.back() != '\n') out << "\n";
}

void CommandLine::fail(const std::string& message) const {
  throw UsageError(command_ + ": " + message + " (see '" + command_ + " --help')");
}

bool CommandLine::parse(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") {
      print_help(std::cout);
      return false;
    }
  }
  try {
    po::store(po::command_line_parser(args).options(options_).positional(positional_).run(), vm_);
    po::notify(vm_);
  } catch (const po::error& e) {
    fail(e.what());
  }
  return true;
}

bool CommandLine::has(const std::string& name) const { return vm_.count(name) > 0; }

}  // namespace ovbench
