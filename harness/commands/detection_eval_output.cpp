#include "harness/commands/detection_eval_output.h"

#include <cstdio>
#include <optional>
#include <ostream>

#include "reports/text_table.h"

namespace ovbench {
namespace {

std::string line(const char* title, const char* type, const std::string& iou, const std::string& area,
                 int max_dets, const std::string& suffix, double value) {
  // ' {:<18} {} @[ IoU={:<9} | area={:>6s} | maxDets={:>3d}{suffix}] = {:0.3f}'
  char buf[256];
  std::snprintf(buf, sizeof buf, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d%s] = %0.3f", title,
                type, iou.c_str(), area.c_str(), max_dets, suffix.c_str(), value);
  return buf;
}

}  // namespace

void print_coco_summary(std::ostream& out, const MetricValues& m) {
  struct Row {
    const char* key;
    bool ap;
    const char* iou;
    const char* area;
    int max_dets;
  };
  static const Row rows[] = {
      {"AP", true, "0.50:0.95", "all", 100},    {"AP50", true, "0.50", "all", 100},
      {"AP75", true, "0.75", "all", 100},       {"APs", true, "0.50:0.95", "small", 100},
      {"APm", true, "0.50:0.95", "medium", 100}, {"APl", true, "0.50:0.95", "large", 100},
      {"AR1", false, "0.50:0.95", "all", 1},    {"AR10", false, "0.50:0.95", "all", 10},
      {"AR100", false, "0.50:0.95", "all", 100}, {"ARs", false, "0.50:0.95", "small", 100},
      {"ARm", false, "0.50:0.95", "medium", 100}, {"ARl", false, "0.50:0.95", "large", 100}};
  for (const Row& r : rows) {
    out << line(r.ap ? "Average Precision" : "Average Recall", r.ap ? "(AP)" : "(AR)", r.iou, r.area,
                r.max_dets, " ", m.at(r.key))
        << "\n";
  }
}

void print_lvis_summary(std::ostream& out, const MetricValues& m, int max_dets) {
  // lvis-api derives each line's labels from the key's third character.
  for (const auto& [key, value] : m.items()) {
    const bool ap = key.find("AP") != std::string::npos;
    std::string iou = "0.50:0.95", area = "all", cats = "all";
    if (key.size() > 2 && std::isdigit(static_cast<unsigned char>(key[2]))) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%0.2f", std::stod(key.substr(2)) / 100);
      iou = buf;
    }
    if (key.size() > 2 && (key[2] == 'r' || key[2] == 'c' || key[2] == 'f')) cats = key.substr(2, 1);
    if (key.size() > 2 && (key[2] == 's' || key[2] == 'm' || key[2] == 'l')) area = key.substr(2, 1);
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, " catIds=%3s", cats.c_str());
    out << line(ap ? "Average Precision" : "Average Recall", ap ? "(AP)" : "(AR)", iou, area, max_dets,
                suffix, value)
        << "\n";
  }
}

void print_intervals(std::ostream& out, const MetricReport& report) {
  const auto& iv = report.intervals;
  char buf[200];
  std::snprintf(buf, sizeof buf, "%.0f%% confidence intervals (%s, %d replicates, seed %llu):\n",
                iv["confidence"].get<double>() * 100, iv["method"].get<std::string>().c_str(),
                iv["replicates"].get<int>(), static_cast<unsigned long long>(iv["seed"].get<std::uint64_t>()));
  out << buf;
  auto row = [&](const std::string& group, const std::string& key, const nlohmann::ordered_json& i,
                 std::optional<double> value) {
    char v[32] = "-";
    if (value) std::snprintf(v, sizeof v, "%.4f", *value);
    std::snprintf(buf, sizeof buf, "  %-12s %-6s %-8s [%.4f, %.4f]  se %.4f\n", group.c_str(), key.c_str(), v,
                  i["low"].get<double>(), i["high"].get<double>(), i["se"].get<double>());
    out << buf;
  };
  for (const auto& [key, i] : iv["metrics"].items()) row("overall", key, i, report.summary.get(key));
  for (const auto& [group, metrics] : iv["groups"].items()) {
    const MetricValues* values = nullptr;
    for (const auto& [name, v] : report.groups)
      if (name == group) values = &v;
    for (const auto& [key, i] : metrics.items()) {
      row(group, key, i, values ? values->get(key) : std::nullopt);
    }
  }
}

void print_error_analysis(std::ostream& out, const nlohmann::ordered_json& ea, std::size_t pairs) {
  const auto& tide = ea.at("tide");
  char buf[200];
  std::snprintf(buf, sizeof buf, "TIDE errors at IoU %.2f (dAP in AP points; TIDE's AP %.2f):\n",
                ea.at("params").at("foreground_iou").get<double>(), tide.at("AP").get<double>());
  out << buf;
  // TIDE's own labels (short_name), in its order.
  static const std::pair<const char*, const char*> main_types[] = {
      {"cls", "Cls"}, {"loc", "Loc"}, {"both", "Both"}, {"dupe", "Dupe"}, {"bkg", "Bkg"}, {"miss", "Miss"}};
  std::vector<std::string> header = {""};
  std::vector<std::string> dap = {"dAP"}, count = {"count"};
  for (const auto& [key, label] : main_types) {
    header.push_back(label);
    dap.push_back(format_metric(tide.at("dAP").at(key).get<double>(), 2));
    count.push_back(std::to_string(tide.at("counts").at(key).get<std::uint64_t>()));
  }
  header.push_back("FalsePos");
  header.push_back("FalseNeg");
  dap.push_back(format_metric(tide.at("special_dAP").at("false_pos").get<double>(), 2));
  dap.push_back(format_metric(tide.at("special_dAP").at("false_neg").get<double>(), 2));
  count.push_back("-");
  count.push_back("-");
  TextTable table(header);
  table.add_row(dap);
  table.add_row(count);
  out << table.render();
  if (!ea.contains("novel_base_confusion")) return;
  const auto& c = ea["novel_base_confusion"];
  const auto novel = c.at("novel_gt").get<std::uint64_t>(), as_base = c.at("detected_as_base").get<std::uint64_t>();
  std::snprintf(buf, sizeof buf,
                "Novel/base confusion: %llu of %llu novel ground truths (%.1f%%) are covered at IoU >= %.2f only by "
                "base-category detections (%llu found with their own label)\n",
                static_cast<unsigned long long>(as_base), static_cast<unsigned long long>(novel),
                novel ? 100.0 * static_cast<double>(as_base) / static_cast<double>(novel) : 0.0,
                c.at("iou").get<double>(), static_cast<unsigned long long>(c.at("detected_own_label").get<std::uint64_t>()));
  out << buf;
  if (c.at("pairs").empty()) return;
  TextTable top({"novel", "detected as (base)", "count"});
  for (std::size_t i = 0; i < c["pairs"].size() && i < pairs; ++i) {
    const auto& p = c["pairs"][i];
    top.add_row({p.at("novel").get<std::string>(), p.at("base").get<std::string>(),
                 std::to_string(p.at("count").get<std::uint64_t>())});
  }
  out << top.render();
}

void print_group_table(std::ostream& out, const MetricReport& report) {
  if (report.groups.empty()) return;
  std::vector<std::string> header = {"group"};
  for (const auto& [k, v] : report.groups.front().second.items()) header.push_back(k);
  TextTable table(header);
  for (const auto& [name, values] : report.groups) {
    std::vector<std::string> row = {name};
    for (const auto& [k, v] : values.items()) row.push_back(format_metric(v));
    table.add_row(row);
  }
  out << table.render();
  if (table.render().back() != '\n') out << '\n';
}

void print_category_table(std::ostream& out, const MetricReport& report) {
  if (report.per_category.empty()) return;
  std::vector<std::string> header = {"id", "category"};
  for (const auto& [k, v] : report.per_category.front().metrics.items()) header.push_back(k);
  TextTable table(header);
  for (const auto& c : report.per_category) {
    std::vector<std::string> row = {std::to_string(c.id), c.name};
    for (const auto& [k, v] : c.metrics.items()) row.push_back(format_metric(v));
    table.add_row(row);
  }
  out << table.render();
  if (table.render().back() != '\n') out << '\n';
}

nlohmann::ordered_json detection_report_json(const MetricReport& report, const std::string& gt,
                                             const std::string& pred) {
  nlohmann::ordered_json j;
  j["benchmark"] = report.kind;
  j["gt"] = gt;
  j["pred"] = pred;
  j["metrics"] = report.summary.to_json();
  j["groups"] = groups_json(report);
  j["per_category"] = per_category_json(report, false);
  j["params"] = report.params;
  j["counts"] = report.counts;
  if (!report.intervals.is_null()) j["intervals"] = report.intervals;
  if (!report.error_analysis.is_null()) j["error_analysis"] = report.error_analysis;
  j["warnings"] = report.warnings;
  return j;
}

}  // namespace ovbench
