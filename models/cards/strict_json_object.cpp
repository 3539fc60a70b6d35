#include "models/cards/strict_json_object.h"

#include <cmath>

#include "core/errors.h"

namespace ovbench {

std::string json_type_name(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "a number";
  }
}

StrictJsonObject::StrictJsonObject(const nlohmann::json& object, std::string file, std::string path)
    : object_(object), file_(std::move(file)), path_(std::move(path)) {
  if (!object_.is_object())
    throw InputError(file_ + ": " + (path_.empty() ? "the document" : path_) +
                     ": expected an object, got " + json_type_name(object_));
}

std::string StrictJsonObject::key_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void StrictJsonObject::fail(const std::string& key, const std::string& message) const {
  throw InputError(file_ + ": " + key_path(key) + ": " + message);
}

const nlohmann::json* StrictJsonObject::find(const std::string& key) {
  known_.insert(key);
  const auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

std::string StrictJsonObject::string(const std::string& key) {
  const auto* v = find(key);
  if (v == nullptr) fail(key, "missing (required)");
  if (!v->is_string()) fail(key, "expected a string, got " + json_type_name(*v));
  return v->get<std::string>();
}

std::string StrictJsonObject::string(const std::string& key, const std::string& fallback) {
  return contains(key) ? string(key) : (known_.insert(key), fallback);
}

std::string StrictJsonObject::choice(const std::string& key, std::initializer_list<const char*> allowed,
                                     const std::string& fallback) {
  const std::string value = string(key, fallback);
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return value;
    if (!list.empty()) list += ", ";
    list += std::string("\"") + a + "\"";
  }
  fail(key, "expected one of " + list + ", got \"" + value + "\"");
}

double StrictJsonObject::number(const std::string& key, double fallback) {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (!v->is_number()) fail(key, "expected a number, got " + json_type_name(*v));
  const double d = v->get<double>();
  if (!std::isfinite(d)) fail(key, "expected a finite number");
  return d;
}

std::int64_t StrictJsonObject::integer(const std::string& key, std::int64_t fallback) {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (v->is_number_integer()) return v->get<std::int64_t>();
  if (v->is_number_float()) {
    const double d = v->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
  }
  fail(key, "expected an integer, got " + (v->is_number() ? v->dump() : json_type_name(*v)));
}

bool StrictJsonObject::boolean(const std::string& key, bool fallback) {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + json_type_name(*v));
  return v->get<bool>();
}

std::vector<double> StrictJsonObject::numbers(const std::string& key, std::vector<double> fallback,
                                              std::size_t required_size) {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (!v->is_array()) fail(key, "expected an array of numbers, got " + json_type_name(*v));
  std::vector<double> out;
  for (const auto& item : *v) {
    if (!item.is_number()) fail(key, "expected an array of numbers, found " + json_type_name(item));
    out.push_back(item.get<double>());
  }
  if (required_size != 0 && out.size() != required_size)
    fail(key, "expected " + std::to_string(required_size) + " numbers, got " + std::to_string(out.size()));
  return out;
}

StrictJsonObject StrictJsonObject::object(const std::string& key) {
  const auto* v = find(key);
  if (v == nullptr) fail(key, "missing (required)");
  return StrictJsonObject(*v, file_, key_path(key));
}

std::optional<StrictJsonObject> StrictJsonObject::optional_object(const std::string& key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  return StrictJsonObject(*v, file_, key_path(key));
}

void StrictJsonObject::reject_unknown_keys() const {
  for (const auto& item : object_.items()) {
    if (known_.count(item.key())) continue;
    std::string accepted;
    for (const auto& k : known_) {
      if (!accepted.empty()) accepted += ", ";
      accepted += k;
    }
    throw InputError(file_ + ": " + key_path(item.key()) + ": unknown key (accepted here: " +
                     accepted + ")");
  }
}

}  // namespace ovbench
