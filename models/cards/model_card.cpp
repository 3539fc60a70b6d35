#include "models/cards/model_card.h"

#include <fstream>
#include <sstream>

#include "core/content_hash.h"
#include "core/errors.h"
#include "models/cards/adapter_specs.h"
#include "models/cards/strict_json_object.h"

namespace ovbench {
namespace {

nlohmann::json read_protocol_field(StrictJsonObject& protocol, const ProtocolField& field) {
  using T = ProtocolField::Type;
  switch (field.type) {
    case T::number: return protocol.number(field.key, field.fallback.get<double>());
    case T::integer: return protocol.integer(field.key, field.fallback.get<std::int64_t>());
    case T::boolean: return protocol.boolean(field.key, field.fallback.get<bool>());
    case T::numbers: return protocol.numbers(field.key, field.fallback.get<std::vector<double>>());
    case T::choice: {
      const std::string value = protocol.string(field.key, field.fallback.get<std::string>());
      for (const auto& c : field.choices)
        if (c == value) return value;
      std::string list;
      for (const auto& c : field.choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
      protocol.fail(field.key, "expected one of " + list + ", got \"" + value + "\"");
    }
  }
  return nullptr;
}

TextEncoderSettings read_text_settings(StrictJsonObject& text) {
  TextEncoderSettings s;
  s.templates = text.choice("templates", {"clip-80", "vild-63", "regionclip", "single", "custom"},
                            s.templates);
  if (const auto* custom = text.find("custom_templates")) {
    if (!custom->is_array()) text.fail("custom_templates", "expected an array of strings");
    for (const auto& t : *custom) {
      if (!t.is_string()) text.fail("custom_templates", "expected an array of strings");
      const auto value = t.get<std::string>();
      if (value.find("{}") == std::string::npos)
        text.fail("custom_templates", "template \"" + value + "\" has no {} for the class name");
      s.custom_templates.push_back(value);
    }
  }
  if (s.templates == "custom" && s.custom_templates.empty())
    text.fail("custom_templates", "required (non-empty) when templates is \"custom\"");
  s.ensembling = text.choice("ensembling", {"normalize-mean", "mean"},
                             s.templates == "regionclip" ? "mean" : s.ensembling);
  const auto batch = text.integer("batch_size", s.batch_size);
  if (batch < 1 || batch > 65536) text.fail("batch_size", "expected 1..65536");
  s.batch_size = static_cast<int>(batch);
  text.reject_unknown_keys();
  return s;
}

}  // namespace

const std::filesystem::path& ModelCard::file(const std::string& role) const {
  const auto it = files.find(role);
  if (it == files.end())
    throw InputError(path.string() + ": files." + role + ": missing (the " + adapter +
                     " adapter needs it here)");
  return it->second;
}
double ModelCard::number(const std::string& key) const { return protocol.at(key).get<double>(); }
std::int64_t ModelCard::integer(const std::string& key) const {
  return protocol.at(key).get<std::int64_t>();
}
bool ModelCard::boolean(const std::string& key) const { return protocol.at(key).get<bool>(); }
std::string ModelCard::choice(const std::string& key) const {
  return protocol.at(key).get<std::string>();
}
std::vector<double> ModelCard::numbers(const std::string& key) const {
  return protocol.at(key).get<std::vector<double>>();
}

nlohmann::ordered_json ModelCard::to_json() const {
  nlohmann::ordered_json j;
  j["name"] = name;
  j["adapter"] = adapter;
  j["card"] = path.string();
  j["card_hash"] = content_hash;
  auto& f = j["files"] = nlohmann::ordered_json::object();
  for (const auto& [role, p] : files) f[role] = p.string();
  j["preprocess"] = preprocess;
  j["text"] = {{"templates", text.templates}, {"ensembling", text.ensembling},
               {"batch_size", text.batch_size}};
  if (!text.custom_templates.empty()) j["text"]["custom_templates"] = text.custom_templates;
  j["protocol"] = protocol;
  return j;
}

ModelCard parse_model_card(const std::string& text, const std::filesystem::path& path) {
  const std::string file = path.string();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(file + ": not valid JSON: " + e.what());
  }
  StrictJsonObject root(doc, file, "");
  ModelCard card;
  card.path = path;
  card.content_hash = content_hash(text);
  card.name = root.string("name");
  card.adapter = root.string("adapter");
  card.description = root.string("description", "");
  const AdapterSpec& spec = find_adapter_spec(card.adapter, file);

  const auto base = path.parent_path();
  auto files = root.object("files");
  for (const auto& role : spec.files) {
    if (!files.contains(role.role)) {
      (void)files.find(role.role);
      if (role.required) files.fail(role.role, "missing: " + role.description);
      continue;
    }
    std::filesystem::path p = files.string(role.role);
    if (p.is_relative()) p = base / p;
    if (!std::filesystem::exists(p)) files.fail(role.role, p.string() + ": no such file");
    card.files[role.role] = p;
  }
  files.reject_unknown_keys();

  if (const auto* pre = root.find("preprocess")) {
    if (!pre->is_object()) root.fail("preprocess", "expected an object, got " + json_type_name(*pre));
    card.preprocess = *pre;
  }
  if (auto text_section = root.optional_object("text")) {
    if (!spec.uses_text_encoder)
      root.fail("text", "the " + spec.name + " adapter has no text encoder settings");
    card.text = read_text_settings(*text_section);
  }
  auto protocol = root.optional_object("protocol");
  nlohmann::json empty = nlohmann::json::object();
  StrictJsonObject protocol_or_empty = protocol ? *protocol : StrictJsonObject(empty, file, "protocol");
  for (const auto& field : spec.protocol)
    card.protocol[field.key] = read_protocol_field(protocol_or_empty, field);
  protocol_or_empty.reject_unknown_keys();
  root.reject_unknown_keys();

  if (spec.uses_text_encoder && !card.has_file("text_module") && !card.has_file("class_embeddings"))
    throw InputError(file + ": files: the " + spec.name +
                     " adapter needs a text_module (to embed the vocabulary) or class_embeddings");
  return card;
}

ModelCard load_model_card(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": model card not found");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_model_card(text.str(), std::filesystem::absolute(path));
}

}  // namespace ovbench
