#pragma once
// One command's options, parsed by Boost.Program_options, with `--help` built in and every
// parse error turned into a UsageError that points at the command's --help.

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace ovbench {

class CommandLine {
 public:
  // `usage` is the synopsis line ("ovbench eval coco --gt GT.json --pred RESULTS.json [options]");
  // `description` a paragraph on what the command does; `examples` is printed after the options.
  CommandLine(std::string command, std::string usage, std::string description,
              std::string examples = "");

  boost::program_options::options_description_easy_init add_options();
  // Bare arguments: `name` receives up to `max_count` of them (-1: unlimited).
  void add_positional(const std::string& name, int max_count);

  // Returns false when --help was requested and printed: the command should return 0.
  bool parse(const std::vector<std::string>& args);

  bool has(const std::string& name) const;
  template <class T>
  T get(const std::string& name) const {
    return vm_[name].as<T>();
  }
  const boost::program_options::variables_map& values() const { return vm_; }

  // A UsageError in the house format: "ovbench eval coco: <message> (see '... --help')".
  [[noreturn]] void fail(const std::string& message) const;

  void print_help(std::ostream& out) const;

 private:
  std::string command_;
  std::string usage_;
  std::string description_;
  std::string examples_;
  boost::program_options::options_description options_;
  boost::program_options::positional_options_description positional_;
  boost::program_options::variables_map vm_;
};

}  // namespace ovbench
