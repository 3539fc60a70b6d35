#pragma once
// Error types that carry their exit code. Code at the boundary (readers, validators) throws
// them with the file, record and field in the message; the CLI prints the message on one line
// and exits with the code. Anything else that escapes is an internal error (exit 3).

#include <stdexcept>
#include <string>

namespace ovbench {

enum ExitCode : int {
  kExitOk = 0,
  kExitRegression = 1,  // a gate found a regression
  kExitBadInput = 2,    // bad input or bad usage
  kExitInternal = 3,    // a bug in ovbench
};

// Bad input: a malformed file, a missing or mistyped field, an inconsistent dataset.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad command line: unknown option, missing argument, conflicting flags.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "FILE: record 12: field 'bbox': expected an array of 4 numbers" — the one shape every
// input error message takes, so users can grep and tools can parse them.
std::string describe_location(const std::string& file, long long record, const std::string& field);

}  // namespace ovbench
