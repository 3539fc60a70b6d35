#include "harness/compare/run_comparison.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "metrics/paired_bootstrap.h"

namespace ovbench {
namespace {

std::string input_hash(const StoredRun& run, const char* which) {
  const auto& inputs = run.provenance.inputs;
  if (inputs.contains(which) && inputs[which].contains("hash")) return inputs[which]["hash"].get<std::string>();
  return "";
}

const StoredResult* find_dataset(const RunWithResults& r, const std::string& name) {
  for (const StoredResult& s : r.results)
    if (s.dataset == name) return &s;
  return nullptr;
}

std::vector<double> replicates(const nlohmann::ordered_json& intervals, const std::string& group,
                               const std::string& key) {
  if (intervals.is_null()) return {};
  const auto& values = group.empty() ? intervals.value("replicate_values", nlohmann::ordered_json::object())
                                     : intervals.value("group_replicate_values", nlohmann::ordered_json::object())
                                           .value(group, nlohmann::ordered_json::object());
  if (!values.contains(key)) return {};
  return values[key].get<std::vector<double>>();
}

nlohmann::ordered_json difference_json(double a, double b, const std::vector<double>& ra,
                                       const std::vector<double>& rb, bool paired) {
  nlohmann::ordered_json j{{"a", a}, {"b", b}, {"diff", b - a}};
  if (paired && !ra.empty() && ra.size() == rb.size() && a > -1 && b > -1) {
    const PairedDifference d = paired_difference(a, b, ra, rb);
    j["low"] = d.low;
    j["high"] = d.high;
    j["p_value"] = d.p_value;
  } else {
    j["low"] = nullptr;
    j["high"] = nullptr;
    j["p_value"] = nullptr;
  }
  return j;
}

std::string refusal(const RunWithResults& a, const RunWithResults& b, const std::string& why) {
  return "cannot compare run " + std::to_string(a.run.id) + " with run " + std::to_string(b.run.id) +
         ": " + why;
}

}  // namespace

nlohmann::ordered_json compare_runs(const RunWithResults& a, const RunWithResults& b, int top_categories) {
  for (const StoredResult& r : a.results) {
    if (!find_dataset(b, r.dataset)) throw InputError(refusal(a, b, "dataset '" + r.dataset + "' is only in run " + std::to_string(a.run.id)));
  }
  for (const StoredResult& r : b.results) {
    if (!find_dataset(a, r.dataset)) throw InputError(refusal(a, b, "dataset '" + r.dataset + "' is only in run " + std::to_string(b.run.id)));
  }
  const std::string ha = input_hash(a.run, "gt"), hb = input_hash(b.run, "gt");
  if (!ha.empty() && !hb.empty() && ha != hb) {
    throw InputError(refusal(a, b, "their ground truth files differ (" + ha + " vs " + hb + ")"));
  }
  nlohmann::ordered_json out;
  out["a"] = a.run.id;
  out["b"] = b.run.id;
  out["datasets"] = nlohmann::ordered_json::array();
  for (const StoredResult& ra : a.results) {
    const StoredResult& rb = *find_dataset(b, ra.dataset);
    if (ra.benchmark != rb.benchmark) {
      throw InputError(refusal(a, b, "dataset '" + ra.dataset + "' was scored as " + ra.benchmark + " in one and " + rb.benchmark + " in the other"));
    }
    if (ra.report.params != rb.report.params) {
      for (const auto& [key, value] : ra.report.params.items()) {
        if (!rb.report.params.contains(key) || rb.report.params[key] != value) {
          throw InputError(refusal(a, b, "protocol parameter '" + key + "' of dataset '" + ra.dataset + "' differs (" +
                                             value.dump() + " vs " + (rb.report.params.contains(key) ? rb.report.params[key].dump() : "absent") + ")"));
        }
      }
      throw InputError(refusal(a, b, "the protocol parameters of dataset '" + ra.dataset + "' differ"));
    }
    nlohmann::ordered_json d;
    d["dataset"] = ra.dataset;
    const auto& ia = ra.report.intervals;
    const auto& ib = rb.report.intervals;
    bool paired = !ia.is_null() && !ib.is_null();
    std::string note;
    if (!paired) {
      note = "no bootstrap in " + std::string(ia.is_null() ? "run A" : "run B") +
             ": evaluate both with --bootstrap N --seed S for intervals and p-values";
    } else if (ia["seed"] != ib["seed"] || ia["replicates"] != ib["replicates"]) {
      paired = false;
      note = "the runs were bootstrapped with different seeds or replicate counts (" + ia["seed"].dump() + "/" +
             ia["replicates"].dump() + " vs " + ib["seed"].dump() + "/" + ib["replicates"].dump() +
             "), so their replicates are not paired: re-evaluate with the same --seed and --bootstrap";
    }
    d["paired"] = paired;
    if (!note.empty()) d["note"] = note;
    d["metrics"] = nlohmann::ordered_json::object();
    for (const auto& [key, va] : ra.report.summary.items()) {
      const auto vb = rb.report.summary.get(key);
      if (!vb) continue;
      d["metrics"][key] = difference_json(va, *vb, replicates(ia, "", key), replicates(ib, "", key), paired);
    }
    d["groups"] = nlohmann::ordered_json::object();
    for (const auto& [group, values] : ra.report.groups) {
      const MetricValues* other = nullptr;
      for (const auto& [name, v] : rb.report.groups)
        if (name == group) other = &v;
      if (!other) continue;
      nlohmann::ordered_json g = nlohmann::ordered_json::object();
      for (const auto& [key, va] : values.items()) {
        const auto vb = other->get(key);
        if (!vb) continue;
        g[key] = difference_json(va, *vb, replicates(ia, group, key), replicates(ib, group, key), paired);
      }
      d["groups"][group] = g;
    }
    // Per-category winners and losers by AP (no interval: a single category's AP is too noisy
    // to bootstrap cheaply, and the ranking is what readers want).
    struct Change {
      std::int64_t id;
      std::string name;
      double a, b;
    };
    std::vector<Change> changes;
    for (const CategoryResult& ca : ra.report.per_category) {
      for (const CategoryResult& cb : rb.report.per_category) {
        if (cb.id != ca.id) continue;
        const auto va = ca.metrics.get("AP"), vb = cb.metrics.get("AP");
        if (va && vb && *va > -1 && *vb > -1 && !std::isnan(*va) && !std::isnan(*vb)) changes.push_back({ca.id, ca.name, *va, *vb});
      }
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change& x, const Change& y) { return x.b - x.a > y.b - y.a; });
    auto entry = [](const Change& c) {
      return nlohmann::ordered_json{{"id", c.id}, {"name", c.name}, {"a", c.a}, {"b", c.b}, {"diff", c.b - c.a}};
    };
    nlohmann::ordered_json improved = nlohmann::ordered_json::array(), regressed = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < changes.size() && static_cast<int>(improved.size()) < top_categories; ++i) {
      if (changes[i].b > changes[i].a) improved.push_back(entry(changes[i]));
    }
    for (std::size_t i = changes.size(); i-- > 0 && static_cast<int>(regressed.size()) < top_categories;) {
      if (changes[i].b < changes[i].a) regressed.push_back(entry(changes[i]));
    }
    d["per_category"] = {{"improved", improved}, {"regressed", regressed}};
    out["datasets"].push_back(d);
  }
  return out;
}

}  // namespace ovbench
