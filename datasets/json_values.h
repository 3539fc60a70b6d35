#pragma once
// Typed reads of simdjson on-demand values with the checks every reader needs: integers that
// may be written as 12.0 (Python floats), finite numbers only, fixed-length number arrays.
// Each returns an empty string on success and the reason otherwise, for the caller to place
// in a "FILE: record N: field 'F': reason" message.

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ovbench::json {

std::string read_int(simdjson::ondemand::value v, std::int64_t& out);
std::string read_finite(simdjson::ondemand::value v, double& out);
// A JSON array of finite numbers of any length.
std::string read_numbers(simdjson::ondemand::value v, std::vector<double>& out);
// The same into a fixed buffer, without allocating (a bbox per record of a 6M-record file):
// stores the first `capacity` numbers and counts them all.
std::string read_numbers(simdjson::ondemand::value v, double* out, std::size_t capacity,
                         std::size_t& count);
std::string read_ints(simdjson::ondemand::value v, std::vector<std::int64_t>& out);
std::string read_string(simdjson::ondemand::value v, std::string& out);
// true/false or an integer (non-zero is true), as Python's truthiness reads iscrowd/ignore.
std::string read_flag(simdjson::ondemand::value v, bool& out);

// True when `e` means the bytes are not JSON (as opposed to valid JSON of the wrong shape).
bool is_syntax_error(simdjson::error_code e);

}  // namespace ovbench::json
