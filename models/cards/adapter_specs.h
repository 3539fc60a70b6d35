#pragma once
// What each adapter accepts in a model card: the files it loads (by role) and its protocol
// parameters with the official evaluation defaults. The card loader validates against this
// table, docs/models.md is written from it, and `ovbench predict --help` lists it.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ovbench {

struct CardFileRole {
  std::string role;         // key under "files"
  bool required = false;
  std::string description;  // what it is; for modules, the exact TorchScript signature called
};

struct ProtocolField {
  enum class Type { number, integer, boolean, choice, numbers };
  std::string key;
  Type type = Type::number;
  nlohmann::json fallback;             // the default (the official config's value)
  std::vector<std::string> choices;    // Type::choice
  std::string source;                  // where the default comes from
};

struct AdapterSpec {
  std::string name;
  std::vector<std::string> tasks;  // "detect", "ground", "segment"
  std::vector<CardFileRole> files;
  std::vector<ProtocolField> protocol;
  bool uses_text_encoder = false;  // accepts a "text" section (templates, batch size)
};

const std::vector<AdapterSpec>& adapter_specs();
// Throws InputError naming `file` and the known adapters when `name` is not one of them.
const AdapterSpec& find_adapter_spec(const std::string& name, const std::string& file);

}  // namespace ovbench
