#include "datasets/json_values.h"

#include <cmath>

namespace ovbench::json {

using simdjson::error_code;
using simdjson::ondemand::json_type;

namespace {
std::string type_name(simdjson::ondemand::value v) {
  json_type t;
  if (v.type().get(t)) return "invalid JSON";
  switch (t) {
    case json_type::array: return "an array";
    case json_type::object: return "an object";
    case json_type::number: return "a number";
    case json_type::string: return "a string";
    case json_type::boolean: return "a boolean";
    case json_type::null: return "null";
  }
  return "something else";
}
}  // namespace

bool is_syntax_error(error_code e) {
  switch (e) {
    case error_code::INCORRECT_TYPE:
    case error_code::NO_SUCH_FIELD:
    case error_code::INDEX_OUT_OF_BOUNDS:
    case error_code::NUMBER_OUT_OF_RANGE:
      return false;
    default:
      return true;
  }
}

std::string read_int(simdjson::ondemand::value v, std::int64_t& out) {
  json_type t;
  if (auto e = v.type().get(t)) return simdjson::error_message(e);
  if (t != json_type::number) return "expected an integer, found " + type_name(v);
  if (!v.get_int64().get(out)) return {};
  double d;
  if (auto e = v.get_double().get(d)) return simdjson::error_message(e);
  // Python writes float ids as 12.0; accept exactly integral values, as Python's dict lookup
  // (12.0 == 12) does.
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15) {
    out = static_cast<std::int64_t>(d);
    return {};
  }
  return "expected an integer, found " + std::to_string(d);
}

std::string read_finite(simdjson::ondemand::value v, double& out) {
  // The common case first: one typed read. Only a failure pays for the type probe that makes
  // the message ("expected a number, found a string").
  if (v.get_double().get(out) == simdjson::SUCCESS) {
    if (!std::isfinite(out)) return "expected a finite number";
    return {};
  }
  json_type t;
  if (auto e = v.type().get(t)) return simdjson::error_message(e);
  if (t != json_type::number) return "expected a number, found " + type_name(v);
  if (auto e = v.get_double().get(out)) return simdjson::error_message(e);
  return "expected a finite number";
}

namespace {

// Calls `take(index, value)` for each element of an array of finite numbers.
template <class Take>
std::string for_each_number(simdjson::ondemand::value v, Take take) {
  simdjson::ondemand::array a;
  if (v.get_array().get(a)) return "expected an array of numbers, found " + type_name(v);
  std::size_t count = 0;
  for (auto element : a) {
    simdjson::ondemand::value x;
    if (auto e = element.get(x)) return simdjson::error_message(e);
    double d;
    std::string why = read_finite(x, d);
    if (!why.empty()) return "element " + std::to_string(count) + ": " + why;
    take(count++, d);
  }
  return {};
}

}  // namespace

std::string read_numbers(simdjson::ondemand::value v, std::vector<double>& out) {
  out.clear();
  return for_each_number(v, [&](std::size_t, double d) { out.push_back(d); });
}

std::string read_numbers(simdjson::ondemand::value v, double* out, std::size_t capacity,
                         std::size_t& count) {
  count = 0;
  return for_each_number(v, [&](std::size_t i, double d) {
    if (i < capacity) out[i] = d;
    count = i + 1;
  });
}

std::string read_ints(simdjson::ondemand::value v, std::vector<std::int64_t>& out) {
  out.clear();
  simdjson::ondemand::array a;
  if (v.get_array().get(a)) return "expected an array of integers, found " + type_name(v);
  for (auto element : a) {
    simdjson::ondemand::value x;
    if (auto e = element.get(x)) return simdjson::error_message(e);
    std::int64_t i;
    std::string why = read_int(x, i);
    if (!why.empty()) return "element " + std::to_string(out.size()) + ": " + why;
    out.push_back(i);
  }
  return {};
}

std::string read_string(simdjson::ondemand::value v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s)) return "expected a string, found " + type_name(v);
  out.assign(s);
  return {};
}

std::string read_flag(simdjson::ondemand::value v, bool& out) {
  json_type t;
  if (auto e = v.type().get(t)) return simdjson::error_message(e);
  if (t == json_type::boolean) {
    if (auto e = v.get_bool().get(out)) return simdjson::error_message(e);
    return {};
  }
  std::int64_t n = 0;
  std::string why = read_int(v, n);
  out = n != 0;
  return why.empty() ? why : "expected 0/1 or true/false";
}

}  // namespace ovbench::json
