#pragma once
// Finding and loading suites: the ones embedded in the binary (suites/*.json) by name, or a
// user's suite file by path. Validation is harness/suites/suite_validator.h.

#include <string>
#include <vector>

#include "harness/suites/suite.h"

namespace ovbench {

// An argument that contains '/' or ends in ".json" is a path to a suite file (relative to
// the current directory); anything else names an embedded suite. Throws InputError for an
// unknown name (listing the known ones), an unreadable file or an invalid suite.
Suite load_suite(const std::string& name_or_path);

// The embedded suites' names, sorted.
std::vector<std::string> list_suite_names();

// Parses and validates suite text; `source` names it in messages and in Suite::source.
Suite suite_from_text(const std::string& text, const std::string& source, bool embedded);

}  // namespace ovbench
