#include "harness/strict_json.h"

#include <set>
#include <vector>

#include "core/errors.h"
#include "datasets/json_syntax_error.h"

namespace ovbench {
namespace {

// One open container while parsing: its keys so far (objects) or element count (arrays).
struct OpenContainer {
  bool array = false;
  std::set<std::string> keys;
  std::string key;  // the key being read (objects)
  long long index = -1;  // the element being read (arrays)
};

std::string path_of(const std::vector<OpenContainer>& stack) {
  std::string out;
  for (const OpenContainer& c : stack) {
    if (c.array) {
      // Separate appends: gcc 12 warns falsely (-Wrestrict) on += of a concatenation.
      out += '[';
      out += std::to_string(c.index);
      out += ']';
    } else if (!c.key.empty()) {
      if (!out.empty()) out += ".";
      out += c.key;
    }
  }
  return out;
}

}  // namespace

nlohmann::ordered_json parse_strict_json(const std::string& text, const std::string& file) {
  if (auto message = describe_json_syntax_error(file, text.data(), text.size())) {
    throw InputError(*message);
  }
  using Event = nlohmann::ordered_json::parse_event_t;
  std::vector<OpenContainer> stack;
  auto track = [&](int, Event event, nlohmann::ordered_json& parsed) {
    const bool starts_value = event == Event::value || event == Event::object_start ||
                              event == Event::array_start;
    if (starts_value && !stack.empty() && stack.back().array) ++stack.back().index;
    switch (event) {
      case Event::object_start:
        stack.push_back({});
        break;
      case Event::array_start:
        stack.push_back({true, {}, {}, -1});
        break;
      case Event::object_end:
      case Event::array_end:
        stack.pop_back();
        break;
      case Event::key: {
        const std::string key = parsed.get<std::string>();
        stack.back().key = key;
        if (!stack.back().keys.insert(key).second) {
          throw InputError(file + ": " + path_of(stack) + ": key given twice");
        }
        break;
      }
      case Event::value:
        break;
    }
    return true;
  };
  return nlohmann::ordered_json::parse(text, track);
}

}  // namespace ovbench
