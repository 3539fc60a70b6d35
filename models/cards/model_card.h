#pragma once
// A model card: one JSON file per checkpoint naming its adapter, its files (relative to the
// card) and its protocol parameters; validated strictly against the adapter's spec
// (adapter_specs.h), defaults filled in, so a stored run records every parameter it used.
//
// {
//   "name": "regionclip-rn50-ovcoco",
//   "adapter": "regionclip",
//   "description": "...",                          (optional)
//   "files": {"image_module": "image.pt", "text_module": "text.pt"},
//   "preprocess": {...},                            (docs/preprocessing.md)
//   "text": {"templates": "clip-80", "ensembling": "normalize-mean", "batch_size": 256},
//   "protocol": {"temperature": 0.01, ...}
// }

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ovbench {

struct TextEncoderSettings {
  // "clip-80", "vild-63", "regionclip", "single" ("a photo of a {}."), or "custom" with
  // `custom_templates`.
  std::string templates = "clip-80";
  std::vector<std::string> custom_templates;
  // "normalize-mean": L2-normalise each template's embedding, average, re-normalise (CLIP, ViLD);
  // "mean": average the raw embeddings, then normalise (RegionCLIP's extract_concept_features).
  std::string ensembling = "normalize-mean";
  int batch_size = 256;
};

struct ModelCard {
  std::filesystem::path path;
  std::string name, adapter, description;
  std::map<std::string, std::filesystem::path> files;  // role -> absolute path
  nlohmann::json preprocess = nlohmann::json::object();
  TextEncoderSettings text;
  nlohmann::ordered_json protocol = nlohmann::ordered_json::object();  // every field, defaults filled
  std::string content_hash;  // of the card's bytes

  bool has_file(const std::string& role) const { return files.count(role) != 0; }
  const std::filesystem::path& file(const std::string& role) const;  // throws naming the role
  double number(const std::string& key) const;
  std::int64_t integer(const std::string& key) const;
  bool boolean(const std::string& key) const;
  std::string choice(const std::string& key) const;
  std::vector<double> numbers(const std::string& key) const;

  // Everything a stored run needs to say how the model was run.
  nlohmann::ordered_json to_json() const;
};

// Reads and validates a card; files must exist. Throws InputError naming the card and the key.
ModelCard load_model_card(const std::filesystem::path& path);
ModelCard parse_model_card(const std::string& text, const std::filesystem::path& path);

}  // namespace ovbench
