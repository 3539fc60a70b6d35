#pragma once
// One JSON object of a hand-written configuration file (a suite; later a model card), read
// field by field with strict checks. Every message names the file and the JSON path of the
// value, e.g. `suites/ov-coco.json: datasets[0].protocol.iou_type: expected one of "bbox",
// "segm", not "box"`, and every failure throws InputError.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ovbench {

// "datasets" + 2 -> "datasets[2]"; "" + "name" -> "name"; "a" + "b" -> "a.b".
std::string json_path_index(const std::string& path, std::size_t index);
std::string json_path_key(const std::string& path, const std::string& key);
// "a string", "an integer", "a number", "true or false", "an array", "an object", "null".
std::string json_kind(const nlohmann::ordered_json& value);

class JsonFields {
 public:
  // `path` is the object's own JSON path ("" for the document). Throws unless `value` is an
  // object.
  JsonFields(const nlohmann::ordered_json& value, std::string file, std::string path);

  // Every key must be one of `allowed`; the first other key (in file order) is an error that
  // lists the allowed ones.
  void allow_only(const std::vector<std::string>& allowed) const;

  bool has(const std::string& key) const;
  const nlohmann::ordered_json& required(const std::string& key) const;

  // A non-empty string.
  std::string string(const std::string& key) const;
  std::string string_or(const std::string& key, const std::string& fallback) const;
  // One of `choices`; without a fallback the key is required.
  std::string choice(const std::string& key, const std::vector<std::string>& choices,
                     const std::optional<std::string>& fallback = std::nullopt) const;
  long long integer_or(const std::string& key, long long fallback, long long min,
                       long long max) const;
  std::optional<long long> optional_integer(const std::string& key, long long min,
                                            long long max) const;
  bool boolean_or(const std::string& key, bool fallback) const;
  // Required; `min_size` elements at least.
  const nlohmann::ordered_json& array(const std::string& key, std::size_t min_size = 0) const;
  JsonFields object(const std::string& key) const;

  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return json_path_key(path_, key); }

  // "FILE: PATH: message" for this object's `key`, or (key "") for the object itself.
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

 private:
  const nlohmann::ordered_json& value_;
  std::string file_;
  std::string path_;
};

// "FILE: PATH: message" (just "FILE: message" at the document root).
[[noreturn]] void fail_at(const std::string& file, const std::string& path,
                          const std::string& message);

// `"a", "b", "c"`: how messages list the values a field takes.
std::string quoted_list(const std::vector<std::string>& values);

}  // namespace ovbench
