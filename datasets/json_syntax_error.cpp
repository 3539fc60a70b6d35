#include "datasets/json_syntax_error.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace ovbench {
namespace {

// Tracks where in the document the parser is: one entry per open container.
class PathTracker : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string path() const {
    std::string out;
    for (const Level& l : stack_) {
      if (l.array) {
        out.append("[").append(std::to_string(l.index < 0 ? 0 : l.index)).append("]");
      } else if (!l.key.empty()) {
        if (!out.empty()) out.push_back('.');
        out.append(l.key);
      }
    }
    return out;
  }
  std::string error;
  std::size_t position = 0;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    value();
    stack_.push_back({false, -1, {}});
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    value();
    stack_.push_back({true, -1, {}});
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool key(string_t& k) override {
    stack_.back().key = k;
    return true;
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
    position = pos;
    error = ex.what();
    // An array element that failed to start still has its index counted.
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
    return false;
  }

 private:
  struct Level {
    bool array;
    long long index;
    std::string key;
  };
  bool value() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
    return true;
  }
  std::vector<Level> stack_;
};

}  // namespace

std::pair<std::size_t, std::size_t> line_and_column(const char* data, std::size_t size,
                                                    std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < size; ++i) {
    if (data[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::optional<std::string> describe_json_syntax_error(const std::string& file, const char* data,
                                                      std::size_t size) {
  PathTracker sax;
  const bool ok = nlohmann::json::sax_parse(data, data + size, &sax);
  if (ok) return std::nullopt;
  // nlohmann reports the position one past the offending character.
  const std::size_t offset = sax.position > 0 ? sax.position - 1 : 0;
  const auto [line, col] = line_and_column(data, size, offset);
  std::string msg = file + ": malformed JSON at byte " + std::to_string(offset) + " (line " +
                    std::to_string(line) + ", column " + std::to_string(col) + ")";
  const std::string where = sax.path();
  if (!where.empty()) msg += ", in " + where;
  const std::string rest(data + offset, data + std::min(size, offset + 9));
  if (rest.rfind("NaN", 0) == 0 || rest.rfind("Infinity", 0) == 0 || rest.rfind("-Infinity", 0) == 0) {
    msg += ": NaN and Infinity are not JSON numbers (Python's json.dump writes them for "
           "non-finite floats; every score and coordinate must be finite)";
  } else {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." ->
    // keep the part after the location.
    std::string why = sax.error;
    const auto colon = why.find(": ", why.find("parse error"));
    if (colon != std::string::npos) why = why.substr(colon + 2);
    msg += ": " + why;
  }
  return msg;
}

}  // namespace ovbench
