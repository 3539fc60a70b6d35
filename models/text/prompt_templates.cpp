#include "models/text/prompt_templates.h"

#include <nlohmann/json.hpp>

#include <cctype>

#include "core/resources.h"

namespace ovbench {
namespace {

const nlohmann::json& templates_file() {
  static const nlohmann::json doc = nlohmann::json::parse(resource("models/data/clip_templates.json"));
  return doc;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
  return text;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ViLD: name.replace('_', ' ').replace('/', ' or ').lower(), trailing dots removed (rm_dot).
std::string vild_name(const std::string& name) {
  std::string n = lower_ascii(replace_all(replace_all(name, "_", " "), "/", " or "));
  while (!n.empty() && n.back() == '.') n.pop_back();
  return n;
}

// RegionCLIP: LVIS names get '_' -> ' ' and parentheses removed (get_cls_names), then
// prompt_engineering drops ',' and turns '+' into ' '.
std::string regionclip_name(const std::string& name) {
  std::string n = replace_all(name, "_", " ");
  n = replace_all(replace_all(n, "(", ""), ")", "");
  return replace_all(replace_all(n, ",", ""), "+", " ");
}

}  // namespace

std::vector<std::string> template_set(const TextEncoderSettings& s) {
  const auto& doc = templates_file();
  if (s.templates == "clip-80") return doc.at("clip_imagenet_80").at("templates").get<std::vector<std::string>>();
  if (s.templates == "vild-63") return doc.at("vild").at("multiple_templates").get<std::vector<std::string>>();
  if (s.templates == "regionclip") return doc.at("regionclip").at("templates").get<std::vector<std::string>>();
  if (s.templates == "custom") return s.custom_templates;
  return {"a photo of a {}."};
}

std::vector<std::string> prompts_for_name(const std::string& name, const TextEncoderSettings& s) {
  std::vector<std::string> prompts;
  const auto templates = template_set(s);
  prompts.reserve(templates.size());
  if (s.templates == "vild-63") {
    // The article is computed on the raw name; "This is " is prefixed to texts starting with
    // 'a' or 'the' (FLAGS.this_is), after formatting.
    const std::string article = !name.empty() && std::string("aeiou").find(name[0]) != std::string::npos ? "an" : "a";
    const std::string processed = vild_name(name);
    for (const auto& t : templates) {
      std::string text = replace_all(replace_all(t, "{article}", article), "{}", processed);
      if (text.rfind("a", 0) == 0 || text.rfind("the", 0) == 0) text = "This is " + text;
      prompts.push_back(text);
    }
    return prompts;
  }
  const std::string processed = s.templates == "regionclip" ? regionclip_name(name) : replace_all(name, "_", " ");
  for (const auto& t : templates) prompts.push_back(replace_all(t, "{}", processed));
  return prompts;
}

}  // namespace ovbench
