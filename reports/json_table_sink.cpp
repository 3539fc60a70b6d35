#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/table_sink.h"

namespace ovbench {
namespace {

nlohmann::ordered_json json_value(const TableCell& c) {
  switch (c.kind) {
    case TableCell::Kind::kText:
      return c.text;
    case TableCell::Kind::kEmpty:
      return nullptr;
    case TableCell::Kind::kInteger:
      return c.integer;
    case TableCell::Kind::kNumber:
      if (std::isnan(c.value)) return nullptr;
      return c.value;
  }
  return nullptr;
}

}  // namespace

std::string JsonTableSink::render(const TableDocument& document) const {
  nlohmann::ordered_json out;
  out["title"] = document.title;
  out["tables"] = nlohmann::ordered_json::array();
  for (const Table& original : document.tables) {
    const Table t = expand_intervals(original);
    nlohmann::ordered_json j;
    j["id"] = t.id;
    j["title"] = t.title;
    j["notes"] = t.notes;
    j["columns"] = nlohmann::ordered_json::array();
    for (const TableColumn& c : t.columns) j["columns"].push_back(c.name);
    j["rows"] = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
      nlohmann::ordered_json r = nlohmann::ordered_json::object();
      for (std::size_t c = 0; c < row.size(); ++c) r[t.columns[c].name] = json_value(row[c]);
      j["rows"].push_back(r);
    }
    out["tables"].push_back(j);
  }
  return out.dump(2) + "\n";
}

}  // namespace ovbench
