#pragma once
// Parsing of small hand-written configuration files (suites, and later model cards) where a
// mistake must not pass silently: a syntax error names line and column and the JSON path it is
// in, and a key given twice in one object is an error (nlohmann would keep the last one).

#include <nlohmann/json.hpp>
#include <string>

namespace ovbench {

// `file` names the document in messages. Throws InputError.
nlohmann::ordered_json parse_strict_json(const std::string& text, const std::string& file);

}  // namespace ovbench
