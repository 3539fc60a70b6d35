#include "reports/html_report.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/resources.h"
#include "reports/comparison_tables.h"
#include "reports/html_escape.h"
#include "reports/html_table.h"
#include "reports/leaderboard.h"
#include "reports/metric_tables.h"
#include "reports/svg_bar_chart.h"
#include "reports/svg_line_chart.h"
#include "reports/table_sink.h"

namespace ovbench {
namespace {

std::string esc(const std::string& s) {
  return html_escape(s);
}

const ReportRun* find_run(const ReportInput& input, std::int64_t id) {
  for (const ReportRun& r : input.runs)
    if (r.id == id) return &r;
  return nullptr;
}

std::string run_name(const ReportInput& input, std::int64_t id) {
  const ReportRun* r = find_run(input, id);
  return r ? r->label : "run " + std::to_string(id);
}

std::vector<std::string> suites_in_order(const ReportInput& input) {
  std::vector<std::string> suites;
  for (const ReportRun& r : input.runs) {
    if (std::find(suites.begin(), suites.end(), r.suite) == suites.end()) suites.push_back(r.suite);
  }
  return suites;
}

// Curve labels of a report, first seen first ("IoU=0.50 area=all maxDets=100", ...).
std::vector<std::string> curve_labels(const MetricReport& report) {
  std::vector<std::string> labels;
  for (const CategoryResult& c : report.per_category)
    for (const PrCurve& pc : c.curves)
      if (std::find(labels.begin(), labels.end(), pc.label) == labels.end())
        labels.push_back(pc.label);
  return labels;
}

std::string category_metric_key(const MetricReport& report) {
  for (const CategoryResult& c : report.per_category) {
    if (c.metrics.get("AP")) return "AP";
  }
  for (const CategoryResult& c : report.per_category) {
    if (!c.metrics.items().empty()) return c.metrics.items().front().first;
  }
  return "";
}

std::string json_text(const nlohmann::ordered_json& j) {
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

// --- tables -------------------------------------------------------------------------------

Table provenance_table(const ReportRun& run) {
  Table t("provenance-" + std::to_string(run.id), "Provenance");
  t.add_column("field");
  t.add_column("value");
  for (const auto& [field, value] : run.provenance)
    t.add_row({TableCell::of_text(field), TableCell::of_text(value)});
  return t;
}

// --- charts -------------------------------------------------------------------------------

std::string pr_charts(const ReportRun& run, const ReportResult& result) {
  std::string h;
  const MetricReport& report = result.report;
  std::size_t with_curves = 0;
  for (const CategoryResult& c : report.per_category) with_curves += !c.curves.empty();
  for (const std::string& label : curve_labels(report)) {
    LineChart chart;
    chart.title = "PR: " + label;
    chart.attributes = {{"data-run", std::to_string(run.id)},
                        {"data-dataset", result.dataset},
                        {"data-curve", label}};
    if (with_curves <= kMaxCategoriesDrawn) {
      for (const CategoryResult& c : report.per_category) {
        for (const PrCurve& pc : c.curves) {
          if (pc.label == label) chart.series.push_back({c.name, pc.recall, pc.precision, false});
        }
      }
    }
    ChartSeries mean;
    mean.name = "mean over categories";
    mean.y = mean_precision_curve(report, label, &mean.x);
    mean.emphasised = true;
    chart.series.push_back(std::move(mean));
    h += render_line_chart(chart);
  }
  return h;
}

std::string category_bars(const ReportRun& run, const ReportResult& result) {
  const std::string key = category_metric_key(result.report);
  if (key.empty()) return "";
  std::vector<Bar> bars;
  for (const CategoryResult& c : result.report.per_category) {
    if (const auto v = c.metrics.get(key)) bars.push_back({c.name, *v});
  }
  // Best first; categories with nothing to score last.
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    const double x = std::isnan(a.value) ? -2 : a.value, y = std::isnan(b.value) ? -2 : b.value;
    return x > y;
  });
  BarChart chart;
  chart.value_label = key;
  chart.title = "Per-category " + key;
  if (bars.size() > kMaxBarsDrawn) {
    chart.title += " (best and worst " + std::to_string(kMaxBarsDrawn / 2) + " of " +
                   std::to_string(bars.size()) + ")";
    bars.erase(bars.begin() + static_cast<std::ptrdiff_t>(kMaxBarsDrawn / 2),
               bars.end() - static_cast<std::ptrdiff_t>(kMaxBarsDrawn / 2));
  }
  chart.bars = std::move(bars);
  chart.attributes = {
      {"data-run", std::to_string(run.id)}, {"data-dataset", result.dataset}, {"data-metric", key}};
  return render_bar_chart(chart);
}

// --- the optional error analysis (hook: drawn only when a stored result carries one) ------

std::string error_analysis_section(const ReportRun& run, std::size_t index,
                                   const ReportResult& result) {
  const auto& ea = result.error_analysis;
  if (!ea.is_object()) return "";
  const std::string suffix = std::to_string(run.id) + "-" + std::to_string(index);
  std::string h = "<div class=\"error-analysis\"><h5>Error analysis</h5>";
  if (ea.contains("tide") && ea["tide"].is_object()) {
    const auto& tide = ea["tide"];
    Table t("tide-" + suffix, "TIDE error types: AP gained by fixing each");
    t.add_column("error");
    t.add_column("dAP", false, NumberStyle::kDifference);
    t.add_column("count", false, NumberStyle::kPlain);
    static const std::pair<const char*, const char*> kinds[] = {
        {"cls", "classification"},
        {"loc", "localisation"},
        {"both", "classification and localisation"},
        {"dupe", "duplicate"},
        {"bkg", "background"},
        {"miss", "missed ground truth"}};
    for (const auto& [key, name] : kinds) {
      const auto dap =
          tide.value("dAP", nlohmann::ordered_json::object()).value(key, nlohmann::ordered_json());
      const auto count = tide.value("counts", nlohmann::ordered_json::object())
                             .value(key, nlohmann::ordered_json());
      t.add_row({TableCell::of_text(name),
                 dap.is_number() ? TableCell::of_number(dap.get<double>()) : TableCell::empty(),
                 count.is_number() ? TableCell::of_text(json_text(count)) : TableCell::empty()});
    }
    h += "<h6>" + esc(t.title) + "</h6>" + render_html_table(t);
  }
  if (ea.contains("novel_base_confusion") && ea["novel_base_confusion"].is_object()) {
    const auto& nb = ea["novel_base_confusion"];
    h += "<p class=\"confusion\">Novel-category ground truths: " +
         esc(json_text(nb.value("novel_gt", nlohmann::ordered_json()))) +
         "; detected with a base-category label: " +
         esc(json_text(nb.value("detected_as_base", nlohmann::ordered_json()))) + ".</p>";
    Table t("confusion-" + suffix, "Novel ground truth named as base");
    t.add_column("novel");
    t.add_column("detected as base");
    t.add_column("count");
    for (const auto& p : nb.value("pairs", nlohmann::ordered_json::array())) {
      t.add_row({TableCell::of_text(json_text(p.value("novel", nlohmann::ordered_json()))),
                 TableCell::of_text(json_text(p.value("base", nlohmann::ordered_json()))),
                 TableCell::of_text(json_text(p.value("count", nlohmann::ordered_json())))});
    }
    h += render_html_table(t);
  }
  return h + "</div>";
}

// --- sections -----------------------------------------------------------------------------

std::string counts_line(const MetricReport& report) {
  if (!report.counts.is_object() || report.counts.empty()) return "";
  std::string s;
  for (const auto& [key, value] : report.counts.items()) {
    if (!s.empty()) s += ", ";
    s += key + " " + json_text(value);
  }
  return "<p class=\"counts\">" + esc(s) + "</p>";
}

std::string run_section(const ReportRun& run) {
  const std::string id = std::to_string(run.id);
  std::string h = "<section class=\"run\" id=\"run-" + id + "\" data-run=\"" + id + "\">";
  h += "<h3>" + esc(run.label) + " <small>run " + id + " &middot; " + esc(run.suite) +
       " &middot; " + esc(run.status) + "</small></h3>";
  h += "<details class=\"provenance\"><summary>Provenance</summary>" +
       render_html_table(provenance_table(run)) + "</details>";
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const ReportResult& result = run.results[i];
    h += "<section class=\"dataset\" data-dataset=\"" + esc(result.dataset) + "\">";
    h += "<h4>" + esc(result.dataset) + " <small>" + esc(result.benchmark) + "</small></h4>";
    if (!result.predictions.empty())
      h += "<p class=\"predictions\">predictions: <code>" + esc(result.predictions) + "</code></p>";
    h += counts_line(result.report);
    if (result.report.intervals.is_object()) {
      h += "<p class=\"interval-note\">Brackets: " +
           esc(json_text(
               result.report.intervals.value("confidence", nlohmann::ordered_json(0.95)))) +
           " bootstrap interval over " +
           esc(json_text(result.report.intervals.value("replicates", nlohmann::ordered_json()))) +
           " image resamplings (seed " +
           esc(json_text(result.report.intervals.value("seed", nlohmann::ordered_json()))) +
           ").</p>";
    }
    const std::string suffix = id + "-" + std::to_string(i);
    const Table breakdown = metric_breakdown_table(
        result.report, "breakdown-" + suffix,
        result.report.groups.empty() ? "Summary" : "Summary and category groups");
    h += "<h5>" + esc(breakdown.title) + "</h5>" + render_html_table(breakdown);
    if (has_frequency_split(result.report)) {
      const Table freq = frequency_split_table(result.report, "frequency-" + suffix,
                                               "By category frequency (LVIS r/c/f)");
      h += "<h5>" + esc(freq.title) + "</h5>" + render_html_table(freq);
    }
    h += error_analysis_section(run, i, result);
    h += "<div class=\"charts\">" + pr_charts(run, result) + category_bars(run, result) + "</div>";
    if (!result.report.per_category.empty()) {
      const Table cats =
          category_metrics_table(result.report, "categories-" + suffix, "Per category", true);
      h += std::string("<details class=\"categories\"") +
           (cats.rows.size() <= kMaxBarsDrawn ? " open" : "") + "><summary>Per category (" +
           std::to_string(cats.rows.size()) + ", click a header to sort)</summary>" +
           render_html_table(cats, {true, -1}) + "</details>";
    }
    h += "</section>";
  }
  return h + "</section>";
}

std::string leaderboards_section(const ReportInput& input) {
  std::string h = "<section id=\"leaderboards\"><h2>Leaderboards</h2>";
  h += "<p class=\"legend\">Metrics in percent; <span class=\"best\">shaded</span>: best in its "
       "column; brackets: "
       "bootstrap interval where the run stored one. Click a header to sort.</p>";
  for (const std::string& suite : suites_in_order(input)) {
    std::vector<const ReportRun*> runs;
    for (const ReportRun& r : input.runs)
      if (r.suite == suite) runs.push_back(&r);
    const Table t = leaderboard_table(suite, runs);
    const bool has_metric = static_cast<int>(t.columns.size()) > kLeaderboardFirstMetricColumn;
    h += "<section class=\"suite\" data-suite=\"" + esc(suite) + "\"><h3>" + esc(suite) +
         " <small>" + std::to_string(runs.size()) + (runs.size() == 1 ? " run" : " runs") +
         "</small></h3>";
    h += render_html_table(t, {true, has_metric ? kLeaderboardFirstMetricColumn : -1}) +
         "</section>";
  }
  return h + "</section>";
}

// The mean PR curve of each run, overlaid: the baseline and every run compared with it.
std::string overlay_charts(const ReportInput& input, std::int64_t baseline,
                           const std::vector<std::int64_t>& others) {
  const ReportRun* base = find_run(input, baseline);
  if (!base) return "";
  std::string h;
  for (const ReportResult& result : base->results) {
    const auto labels = curve_labels(result.report);
    if (labels.empty()) continue;
    LineChart chart;
    chart.title = result.dataset + ": mean PR, " + labels.front();
    chart.css_class = "pr-overlay";
    chart.attributes = {{"data-baseline", std::to_string(baseline)},
                        {"data-dataset", result.dataset},
                        {"data-curve", labels.front()}};
    std::vector<std::int64_t> ids{baseline};
    ids.insert(ids.end(), others.begin(), others.end());
    for (std::int64_t id : ids) {
      const ReportRun* run = find_run(input, id);
      if (!run) continue;
      for (const ReportResult& r : run->results) {
        if (r.dataset != result.dataset) continue;
        ChartSeries s;
        s.name = run->label;
        s.y = mean_precision_curve(r.report, labels.front(), &s.x);
        s.emphasised = id == baseline;
        chart.series.push_back(std::move(s));
      }
    }
    h += render_line_chart(chart);
  }
  return h;
}

std::string comparisons_section(const ReportInput& input) {
  if (input.comparisons.empty()) return "";
  std::string h = "<section id=\"comparisons\"><h2>Comparisons</h2>";
  h +=
      "<p class=\"legend\">Each run against the oldest run of its suite on the same ground truth "
      "(or --baseline): "
      "B - A in percentage points, with the 95% paired bootstrap interval and p-value when both "
      "runs were "
      "bootstrapped with the same seed and replicate count (see <code>ovbench compare</code>).</p>";
  std::vector<std::int64_t> baselines;
  for (const ReportComparison& c : input.comparisons)
    if (std::find(baselines.begin(), baselines.end(), c.a) == baselines.end())
      baselines.push_back(c.a);
  for (std::int64_t a : baselines) {
    std::vector<std::int64_t> compared;
    for (const ReportComparison& c : input.comparisons)
      if (c.a == a && !c.comparison.is_null()) compared.push_back(c.b);
    h += "<section class=\"baseline\" data-baseline=\"" + std::to_string(a) + "\"><h3>Against " +
         esc(run_name(input, a)) + " <small>run " + std::to_string(a) + "</small></h3>";
    if (!compared.empty())
      h += "<div class=\"charts\">" + overlay_charts(input, a, compared) + "</div>";
    for (const ReportComparison& c : input.comparisons) {
      if (c.a != a) continue;
      h += "<section class=\"comparison\" data-a=\"" + std::to_string(c.a) + "\" data-b=\"" +
           std::to_string(c.b) + "\"><h4>" + esc(run_name(input, c.b)) + " (B) vs " +
           esc(run_name(input, c.a)) + " (A)</h4>";
      if (c.comparison.is_null()) {
        h += "<p class=\"refusal\">Not compared: " + esc(c.refusal) + "</p></section>";
        continue;
      }
      std::size_t index = 0;
      for (const auto& d : c.comparison["datasets"]) {
        const std::string suffix =
            std::to_string(c.a) + "-" + std::to_string(c.b) + "-" + std::to_string(index);
        const Table diff = comparison_difference_table(d, "compare-" + suffix, true);
        h += "<h5>" + esc(diff.title) + "</h5>";
        for (const std::string& note : diff.notes) h += "<p class=\"note\">" + esc(note) + "</p>";
        h += render_html_table(diff);
        const Table cats = comparison_category_table(d, "compare-categories-" + suffix);
        if (!cats.rows.empty()) h += "<h5>" + esc(cats.title) + "</h5>" + render_html_table(cats);
        ++index;
      }
      h += "</section>";
    }
    h += "</section>";
  }
  return h + "</section>";
}

std::string page(const ReportInput& input, const std::string& body) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>" +
      esc(input.title) + "</title><style>\n" + std::string(resource("reports/data/report.css")) +
      "</style></head>\n<body>\n";
  h += "<header><h1>" + esc(input.title) + "</h1><p class=\"meta\">From <code>" +
       esc(input.source) + "</code>, generated " + esc(input.generated_at) + ".</p>";
  for (const std::string& note : input.notes) h += "<p class=\"note\">" + esc(note) + "</p>";
  h += "</header>\n<main>\n" + body + "\n</main>\n";
  h += "<script>\n" + std::string(resource("reports/data/report.js")) +
       "</script>\n</body></html>\n";
  return h;
}

}  // namespace

std::vector<double> mean_precision_curve(const MetricReport& report, const std::string& curve_label,
                                         std::vector<double>* recall) {
  std::vector<double> sum, mean;
  std::vector<std::size_t> n;
  recall->clear();
  for (const CategoryResult& c : report.per_category) {
    for (const PrCurve& pc : c.curves) {
      if (pc.label != curve_label) continue;
      if (recall->empty()) *recall = pc.recall;
      if (sum.size() < pc.precision.size()) {
        sum.resize(pc.precision.size(), 0);
        n.resize(pc.precision.size(), 0);
      }
      for (std::size_t i = 0; i < pc.precision.size(); ++i) {
        if (pc.precision[i] >= 0) {
          sum[i] += pc.precision[i];
          ++n[i];
        }
      }
    }
  }
  for (std::size_t i = 0; i < sum.size(); ++i)
    mean.push_back(n[i] ? sum[i] / static_cast<double>(n[i]) : -1);
  mean.resize(recall->size(), -1);
  return mean;
}

std::string render_html_report(const ReportInput& input) {
  if (input.runs.empty()) {
    return page(
        input,
        "<section id=\"empty-report\"><h2>No runs</h2><p>This results store holds no complete runs"
        " that match: there is nothing to rank yet. Store one with <code>ovbench eval coco --gt "
        "GT.json"
        " --pred RESULTS.json --db " +
            esc(input.source) + " --tag NAME</code>.</p></section>");
  }
  std::string nav = "<nav><h2>Contents</h2><ul><li><a href=\"#leaderboards\">Leaderboards</a></li>";
  if (!input.comparisons.empty()) nav += "<li><a href=\"#comparisons\">Comparisons</a></li>";
  nav += "<li><a href=\"#runs\">Runs</a><ul>";
  for (const ReportRun& r : input.runs) {
    nav += "<li><a href=\"#run-" + std::to_string(r.id) + "\">" + esc(r.label) + "</a> <small>" +
           esc(r.suite) + "</small></li>";
  }
  nav += "</ul></li></ul></nav>\n";
  std::string runs = "<section id=\"runs\"><h2>Runs</h2>";
  for (const ReportRun& r : input.runs) runs += run_section(r);
  runs += "</section>";
  return page(input,
              nav + leaderboards_section(input) + "\n" + comparisons_section(input) + "\n" + runs);
}

}  // namespace ovbench
