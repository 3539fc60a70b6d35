#pragma once
// Strict reads of a JSON object from a user file (model cards, preprocessing specs): every
// read names its key, wrong types and unknown keys are InputErrors that give the file and the
// JSON path ("card.json: protocol.temperature: expected a number, got a string").

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ovbench {

class StrictJsonObject {
 public:
  // `path` is the object's own JSON path ("" for the document root).
  StrictJsonObject(const nlohmann::json& object, std::string file, std::string path);

  bool contains(const std::string& key) const { return object_.contains(key); }
  const nlohmann::json* find(const std::string& key);  // marks the key as known

  std::string string(const std::string& key);                 // required
  std::string string(const std::string& key, const std::string& fallback);
  std::string choice(const std::string& key, std::initializer_list<const char*> allowed,
                     const std::string& fallback);
  double number(const std::string& key, double fallback);
  std::int64_t integer(const std::string& key, std::int64_t fallback);
  bool boolean(const std::string& key, bool fallback);
  std::vector<double> numbers(const std::string& key, std::vector<double> fallback,
                              std::size_t required_size = 0);
  StrictJsonObject object(const std::string& key);  // required, must be an object
  std::optional<StrictJsonObject> optional_object(const std::string& key);

  // Throws for any key not read so far, listing the keys this object accepts.
  void reject_unknown_keys() const;

  [[noreturn]] void fail(const std::string& key, const std::string& message) const;
  std::string key_path(const std::string& key) const;
  const std::string& file() const { return file_; }
  const nlohmann::json& json() const { return object_; }

 private:
  const nlohmann::json& object_;
  std::string file_, path_;
  std::set<std::string> known_;
};

// "a string", "a number", ... for error messages.
std::string json_type_name(const nlohmann::json& value);

}  // namespace ovbench
