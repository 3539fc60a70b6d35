#include "harness/json_fields.h"

#include <algorithm>

#include "core/errors.h"

namespace ovbench {

std::string json_path_index(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string json_path_key(const std::string& path, const std::string& key) {
  if (key.empty()) return path;
  return path.empty() ? key : path + "." + key;
}

std::string json_kind(const nlohmann::ordered_json& value) {
  if (value.is_string()) return "a string";
  if (value.is_number_integer()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "true or false";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += '"';
    out += values[i];
    out += '"';
  }
  return out;
}

void fail_at(const std::string& file, const std::string& path, const std::string& message) {
  throw InputError(path.empty() ? file + ": " + message : file + ": " + path + ": " + message);
}

JsonFields::JsonFields(const nlohmann::ordered_json& value, std::string file, std::string path)
    : value_(value), file_(std::move(file)), path_(std::move(path)) {
  if (!value_.is_object()) fail("", "expected an object, not " + json_kind(value_));
}

void JsonFields::fail(const std::string& key, const std::string& message) const {
  fail_at(file_, path_of(key), message);
}

void JsonFields::allow_only(const std::vector<std::string>& allowed) const {
  for (const auto& item : value_.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      fail(item.key(), "unknown key (allowed here: " + quoted_list(allowed) + ")");
    }
  }
}

bool JsonFields::has(const std::string& key) const { return value_.contains(key); }

const nlohmann::ordered_json& JsonFields::required(const std::string& key) const {
  const auto it = value_.find(key);
  if (it == value_.end()) fail(key, "required key is missing");
  return *it;
}

std::string JsonFields::string(const std::string& key) const {
  const auto& v = required(key);
  if (!v.is_string()) fail(key, "expected a string, not " + json_kind(v));
  std::string s = v.get<std::string>();
  if (s.empty()) fail(key, "must not be empty");
  return s;
}

std::string JsonFields::string_or(const std::string& key, const std::string& fallback) const {
  return has(key) ? string(key) : fallback;
}

std::string JsonFields::choice(const std::string& key, const std::vector<std::string>& choices,
                               const std::optional<std::string>& fallback) const {
  if (!has(key) && fallback) return *fallback;
  const auto& v = required(key);
  if (!v.is_string()) {
    fail(key, "expected one of " + quoted_list(choices) + ", not " + json_kind(v));
  }
  const std::string s = v.get<std::string>();
  if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
    fail(key, "expected one of " + quoted_list(choices) + ", not \"" + s + "\"");
  }
  return s;
}

std::optional<long long> JsonFields::optional_integer(const std::string& key, long long min,
                                                      long long max) const {
  if (!has(key)) return std::nullopt;
  const auto& v = required(key);
  if (!v.is_number_integer()) fail(key, "expected an integer, not " + json_kind(v));
  // Unsigned values past INT64_MAX are out of range too.
  if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(max)) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  const long long n = v.get<long long>();
  if (n < min || n > max) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                  ", not " + std::to_string(n));
  }
  return n;
}

long long JsonFields::integer_or(const std::string& key, long long fallback, long long min,
                                 long long max) const {
  const auto n = optional_integer(key, min, max);
  return n ? *n : fallback;
}

bool JsonFields::boolean_or(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  const auto& v = required(key);
  if (!v.is_boolean()) fail(key, "expected true or false, not " + json_kind(v));
  return v.get<bool>();
}

const nlohmann::ordered_json& JsonFields::array(const std::string& key,
                                                std::size_t min_size) const {
  const auto& v = required(key);
  if (!v.is_array()) fail(key, "expected an array, not " + json_kind(v));
  if (v.size() < min_size) {
    fail(key, min_size == 1 ? "must not be empty"
                            : "needs at least " + std::to_string(min_size) + " entries");
  }
  return v;
}

JsonFields JsonFields::object(const std::string& key) const {
  return JsonFields(required(key), file_, path_of(key));
}

}  // namespace ovbench
