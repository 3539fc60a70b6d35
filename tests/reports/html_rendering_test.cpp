// The HTML pieces of `ovbench report`: escaping, tables with best-per-column marks and exact
// data-values, SVG path coordinates of a known curve, bars, the leaderboard, the page.

#include <gtest/gtest.h>

#include <cmath>

#include "reports/html_escape.h"
#include "reports/html_report.h"
#include "reports/html_table.h"
#include "reports/leaderboard.h"
#include "reports/metric_text.h"
#include "reports/svg_bar_chart.h"
#include "reports/svg_line_chart.h"

namespace ovbench {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(HtmlEscape, EscapesMarkupAndDropsControlCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape(std::string("a\x01"
                                    "b\tc\n",
                                    6)),
            "ab\tc\n");
  EXPECT_EQ(html_escape("caf\xC3\xA9"), "caf\xC3\xA9");  // UTF-8 passes through
}

TEST(MetricText, PercentagesAsPapersPrintThem) {
  EXPECT_EQ(percent_text(0.4213), "42.1");
  EXPECT_EQ(percent_text(-1), "n/a");
  EXPECT_EQ(percent_text(std::nan("")), "nan");
  EXPECT_EQ(percent_text(-0.0001), "0.0");  // never "-0.0"
  EXPECT_EQ(percent_difference_text(0.0123), "+1.2");
  EXPECT_EQ(percent_difference_text(-0.0001), "+0.0");
  EXPECT_EQ(html_number_text(TableCell::of_interval(0.421, 0.413, 0.429), NumberStyle::kMetric),
            "42.1 [41.3, 42.9]");
  EXPECT_EQ(html_number_text(TableCell::of_number(0.0312), NumberStyle::kPlain), "0.031");
}

TEST(HtmlTable, MarksTheBestOfEachMarkedColumnAndEscapesText) {
  Table t("board", "");
  t.row_key_attribute = "data-run";
  t.add_column("run");
  t.add_column("AP", true);
  t.add_column("AR");  // not marked
  TableCell link = TableCell::of_text("<b>");
  link.link = "#run-1";
  t.add_row({link, TableCell::of_number(0.25), TableCell::of_number(0.9)}, "1");
  t.add_row(
      {TableCell::of_text("b"), TableCell::of_interval(0.5, 0.4, 0.6), TableCell::of_number(0.1)},
      "2");
  const std::string h = render_html_table(t, {true, 1});
  EXPECT_NE(h.find("<table id=\"board\" class=\"data sortable\" data-default-sort=\"1\">"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<tr data-run=\"1\"><td class=\"text\"><a href=\"#run-1\">&lt;b&gt;</a></td>"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("<td class=\"num best\" data-value=\"0.5\" data-low=\"0.4\" data-high=\"0.6\" "
                   "title=\"0.5\">50.0 "
                   "<span class=\"ci\">[40.0, 60.0]</span></td>"),
            std::string::npos)
      << h;
  EXPECT_EQ(count(h, "best"), 1u);  // AR's 0.9 is not marked: its column is not a ranking
}

TEST(SvgLineChart, PathCoordinatesOfAKnownCurve) {
  const PlotArea a;  // (0,0) -> (48, 264), (1,1) -> (464, 24)
  EXPECT_EQ(svg_path_data({0, 0.5, 1}, {1, 0.5, 0}, a), "M48.0,24.0L256.0,144.0L464.0,264.0");
  // Undefined precision (-1, NaN) breaks the line.
  EXPECT_EQ(svg_path_data({0, 0.5, 1, 0.25}, {1, -1, 0.25, std::nan("")}, a),
            "M48.0,24.0M464.0,204.0");
  EXPECT_EQ(svg_path_data({}, {}, a), "");
}

TEST(SvgLineChart, OneEscapedPathPerSeries) {
  LineChart chart;
  chart.title = "PR <IoU=0.50>";
  chart.series = {{"cat & dog", {0, 1}, {1, 0}, false}, {"mean", {0, 1}, {0.5, 0.5}, true}};
  chart.attributes = {{"data-dataset", "val\"2017"}};
  const std::string s = render_line_chart(chart);
  EXPECT_EQ(count(s, "<path class=\"series\""), 2u);
  EXPECT_NE(s.find("data-series-count=\"2\""), std::string::npos);
  EXPECT_NE(s.find("data-series=\"cat &amp; dog\""), std::string::npos);
  EXPECT_NE(s.find("data-dataset=\"val&quot;2017\""), std::string::npos);
  EXPECT_NE(s.find("<title>PR &lt;IoU=0.50&gt;</title>"), std::string::npos);
  EXPECT_NE(s.find("d=\"M48.0,144.0L464.0,144.0\""), std::string::npos) << s;
  EXPECT_EQ(s.find("<IoU"), std::string::npos);
}

TEST(SvgBarChart, BarWidthIsTheValueTimesTheBarArea) {
  BarChart chart;
  chart.bars = {{"half", 0.5}, {"none", -1}};
  const std::string s = render_bar_chart(chart);
  EXPECT_EQ(count(s, "<rect class=\"bar\""), 2u);
  EXPECT_NE(s.find("data-label=\"half\" data-value=\"0.5\" x=\"160.0\" y=\"26.0\" width=\"128.0\""),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("data-label=\"none\" data-value=\"-1.0\" x=\"160.0\" y=\"42.0\" width=\"0.0\""),
            std::string::npos)
      << s;
}

ReportResult coco_result(double ap, double novel_ap50) {
  ReportResult r;
  r.dataset = "val.json";
  r.benchmark = "coco";
  r.report.kind = "coco";
  r.report.summary.set("AP", ap);
  r.report.summary.set("AP50", ap * 2);
  r.report.summary.set("AP75", ap / 2);
  r.report.summary.set("AR100", 0.9);
  MetricValues novel;
  novel.set("AP", novel_ap50 / 2);
  novel.set("AP50", novel_ap50);
  r.report.groups.push_back({"novel", novel});
  CategoryResult c1{1, "cat", {}, {{"IoU=0.50", {0, 0.5, 1}, {1, 0.5, 0}}}};
  CategoryResult c2{2, "dog", {}, {{"IoU=0.50", {0, 0.5, 1}, {0.5, -1, 0}}}};
  CategoryResult c3{3, "absent", {}, {{"IoU=0.50", {0, 0.5, 1}, {-1, -1, -1}}}};
  c1.metrics.set("AP", 0.5);
  c2.metrics.set("AP", 0.25);
  c3.metrics.set("AP", -1);
  r.report.per_category = {c1, c2, c3};
  return r;
}

TEST(Leaderboard, HeadlineColumnsIntervalsAndBestMarks) {
  ReportRun a, b;
  a.id = 1;
  a.label = "a";
  a.results = {coco_result(0.4, 0.2)};
  a.results[0].report.intervals =
      nlohmann::ordered_json::parse(R"({"metrics": {"AP": {"low": 0.35, "high": 0.45}}})");
  b.id = 2;
  b.label = "b";
  b.results = {coco_result(0.3, 0.3)};
  const Table t = leaderboard_table("coco", {&a, &b});
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"run", "started", "AP", "AP50", "AP75", "novel AP50"}));
  EXPECT_TRUE(t.rows[0][2].has_interval());
  EXPECT_EQ(*t.rows[0][2].low, 0.35);
  EXPECT_FALSE(t.rows[1][2].has_interval());
  EXPECT_EQ(best_rows(t, 2), std::vector<std::size_t>{0});  // AP: a
  EXPECT_EQ(best_rows(t, 5), std::vector<std::size_t>{1});  // novel AP50: b
  EXPECT_EQ(t.rows[0][0].link, "#run-1");
  EXPECT_EQ(t.row_keys, (std::vector<std::string>{"1", "2"}));
}

TEST(HtmlReport, MeanCurveSkipsUndefinedPrecision) {
  std::vector<double> recall;
  const auto mean = mean_precision_curve(coco_result(0.4, 0.2).report, "IoU=0.50", &recall);
  EXPECT_EQ(recall, (std::vector<double>{0, 0.5, 1}));
  EXPECT_EQ(mean, (std::vector<double>{0.75, 0.5, 0}));  // "absent" and dog's -1 do not count
}

TEST(HtmlReport, AnEmptyStoreGivesAPageThatSaysSo) {
  ReportInput input;
  input.source = "<db>";
  const std::string h = render_html_report(input);
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(h.find("id=\"empty-report\""), std::string::npos);
  EXPECT_NE(h.find("&lt;db&gt;"), std::string::npos);
  EXPECT_EQ(h.find("<db>"), std::string::npos);
}

TEST(HtmlReport, SelfContainedPageWithEverySection) {
  ReportInput input;
  input.source = "s.db";
  ReportRun a;
  a.id = 4;
  a.label = "ckpt <A>";
  a.suite = "coco";
  a.provenance = {{"gt", "/data/val.json (fnv1a64:1)"}};
  a.results = {coco_result(0.4, 0.2)};
  a.results[0].error_analysis = nlohmann::ordered_json::parse(
      R"({"tide": {"dAP": {"cls": 0.01, "loc": 0.02, "both": 0, "dupe": 0, "bkg": 0.03, "miss": 0.04},
                   "counts": {"cls": 5, "loc": 6, "both": 0, "dupe": 1, "bkg": 9, "miss": 3}},
          "novel_base_confusion": {"novel_gt": 10, "detected_as_base": 4,
                                   "pairs": [{"novel": "cat", "base": "dog", "count": 4}]}})");
  input.runs = {a};
  const std::string h = render_html_report(input);
  EXPECT_EQ(h.find("http://"),
            h.find("http://www.w3.org/2000/svg"));  // the SVG namespace is the only URL
  EXPECT_EQ(h.find("https://"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos);
  EXPECT_EQ(h.find("<script src"), std::string::npos);
  EXPECT_NE(h.find("<style>"), std::string::npos);
  EXPECT_NE(h.find("data-report-ready"), std::string::npos);  // the inline script
  EXPECT_NE(h.find("id=\"leaderboard-coco\""), std::string::npos);
  EXPECT_NE(h.find("id=\"run-4\""), std::string::npos);
  EXPECT_NE(h.find("ckpt &lt;A&gt;"), std::string::npos);
  EXPECT_EQ(h.find("ckpt <A>"), std::string::npos);
  EXPECT_NE(h.find("id=\"breakdown-4-0\""), std::string::npos);
  EXPECT_NE(h.find("<tr data-group=\"novel\">"), std::string::npos);
  EXPECT_NE(h.find("id=\"categories-4-0\""), std::string::npos);
  EXPECT_NE(h.find("data-series-count=\"4\""), std::string::npos);  // 3 categories + the mean
  EXPECT_NE(h.find("data-bar-count=\"3\""), std::string::npos);
  EXPECT_NE(h.find("id=\"tide-4-0\""), std::string::npos);
  EXPECT_NE(h.find("id=\"confusion-4-0\""), std::string::npos);
}

}  // namespace
}  // namespace ovbench
