#include "reports/comparison_tables.h"

namespace ovbench {

Table comparison_difference_table(const nlohmann::ordered_json& d, const std::string& id,
                                  bool only_paired) {
  const bool keep_unpaired = !only_paired || !d.value("paired", false);
  Table t(id, d.value("dataset", std::string()) + ": B - A");
  t.row_key_attribute = "data-metric";
  t.add_column("group");
  t.add_column("metric");
  t.add_column("A");
  t.add_column("B");
  t.add_column("B - A", false, NumberStyle::kDifference);
  t.add_column("p", false, NumberStyle::kPlain);
  t.add_column("significant");
  auto add = [&](const std::string& group, const std::string& key,
                 const nlohmann::ordered_json& m) {
    const double a = m["a"].get<double>(), b = m["b"].get<double>(), diff = m["diff"].get<double>();
    if (a <= -1 && b <= -1) return;  // nothing scored in either
    const bool paired = m["p_value"].is_number();
    if (!paired && !keep_unpaired) return;
    const double p = paired ? m["p_value"].get<double>() : 0;
    const std::string verdict = !paired ? "" : p >= 0.05 ? "no" : diff > 0 ? "better" : "worse";
    t.add_row(
        {TableCell::of_text(group), TableCell::of_text(key), TableCell::of_number(a),
         TableCell::of_number(b),
         paired ? TableCell::of_interval(diff, m["low"].get<double>(), m["high"].get<double>())
                : TableCell::of_number(diff),
         paired ? TableCell::of_number(p) : TableCell::empty(), TableCell::of_text(verdict)},
        group + " " + key);
  };
  for (const auto& [key, m] : d["metrics"].items()) add("all", key, m);
  for (const auto& [group, metrics] : d["groups"].items())
    for (const auto& [key, m] : metrics.items()) add(group, key, m);
  if (d.contains("note")) t.notes.push_back(d["note"].get<std::string>());
  return t;
}

Table comparison_category_table(const nlohmann::ordered_json& d, const std::string& id) {
  Table t(id, d.value("dataset", std::string()) + ": categories that gained and lost most AP");
  t.add_column("change");
  t.add_column("id");
  t.add_column("category");
  t.add_column("A");
  t.add_column("B");
  t.add_column("B - A", false, NumberStyle::kDifference);
  for (const char* side : {"improved", "regressed"}) {
    for (const auto& e : d["per_category"][side]) {
      t.add_row({TableCell::of_text(side), TableCell::of_integer(e["id"].get<std::int64_t>()),
                 TableCell::of_text(e["name"].get<std::string>()),
                 TableCell::of_number(e["a"].get<double>()),
                 TableCell::of_number(e["b"].get<double>()),
                 TableCell::of_number(e["diff"].get<double>())});
    }
  }
  return t;
}

TableDocument comparison_document(const nlohmann::ordered_json& c) {
  TableDocument doc;
  doc.title = "run " + c["b"].dump() + " (B) vs run " + c["a"].dump() + " (A): B - A";
  for (const auto& d : c["datasets"]) {
    const std::string dataset = d.value("dataset", std::string());
    doc.tables.push_back(comparison_difference_table(d, "differences " + dataset));
    doc.tables.push_back(comparison_category_table(d, "categories " + dataset));
  }
  return doc;
}

}  // namespace ovbench
