// `ovbench report` in a real browser: three runs stored by the real binary, the page rendered,
// loaded by headless Chromium (so the inline script has run), and the DOM it leaves checked
// against `ovbench show --json` of the same runs; a screenshot is kept in the build tree
// (test-artifacts/report_browser.png). Chromium is required, not optional: without it the test
// fails and says how to install it.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

const std::string kGt = std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_gt.json";
const std::string kDt =
    std::string(OVBENCH_SOURCE_DIR) + "/datasets/examples/coco_small_results.json";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// $OVBENCH_CHROMIUM, else `chromium` on $PATH; "" when there is none.
std::string find_chromium() {
  if (const char* env = std::getenv("OVBENCH_CHROMIUM"); env && *env) return env;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir) / "chromium";
    if (std::filesystem::exists(candidate)) return candidate.string();
  }
  return "";
}

// Runs headless Chromium on the page with a time limit and a throwaway profile; returns the exit
// status, stdout into `out`.
int run_chromium(const std::string& chromium, const std::filesystem::path& dir,
                 const std::string& flags, const std::filesystem::path& page, std::string* out) {
  const auto profile = dir / ("profile" + std::to_string(std::rand()));
  const auto stdout_path = dir / "chromium.out", stderr_path = dir / "chromium.err";
  const std::string command =
      "timeout 120 '" + chromium + "' --headless=new --no-sandbox --disable-gpu " +
      "--no-first-run --user-data-dir='" + profile.string() + "' " + flags + " 'file://" +
      page.string() + "' > '" + stdout_path.string() + "' 2> '" + stderr_path.string() + "'";
  const int status = std::system(command.c_str());
  *out = slurp(stdout_path);
  std::filesystem::remove_all(profile);
  return status;
}

std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> values;
  const std::string key = " " + attribute + "=\"";
  for (auto p = html.find(key); p != std::string::npos; p = html.find(key, p + 1)) {
    const auto begin = p + key.size();
    values.push_back(html.substr(begin, html.find('"', begin) - begin));
  }
  return values;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

// The element that starts with `open_tag_prefix` up to its closing tag (no nesting of the same
// element is expected: tables and svgs here do not nest).
std::string element(const std::string& html, const std::string& open_tag_prefix,
                    const std::string& close_tag, std::size_t from = 0) {
  const auto begin = html.find(open_tag_prefix, from);
  if (begin == std::string::npos) return "";
  const auto end = html.find(close_tag, begin);
  return html.substr(begin,
                     end == std::string::npos ? std::string::npos : end + close_tag.size() - begin);
}

std::vector<std::string> elements(const std::string& html, const std::string& open_tag_prefix,
                                  const std::string& close_tag) {
  std::vector<std::string> out;
  for (auto p = html.find(open_tag_prefix); p != std::string::npos;
       p = html.find(open_tag_prefix, p + 1)) {
    out.push_back(element(html, open_tag_prefix, close_tag, p));
  }
  return out;
}

std::string write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

TEST(ReportBrowser, HeadlessChromiumRendersLeaderboardCurvesAndBreakdowns) {
  const std::string chromium = find_chromium();
  ASSERT_FALSE(chromium.empty())
      << "headless Chromium is needed for this test and was not found: run "
         "scripts/install-deps.sh (Debian package 'chromium'), or set $OVBENCH_CHROMIUM";
  const auto dir = fresh_test_dir();
  const auto db = (dir / "runs.db").string();
  const auto groups = write_file(dir / "groups.json", R"({"base": [1, 2], "novel": [3, 4]})");
  // Three checkpoints on one ground truth, stored oldest first as weak, base, shuffled: the
  // weakest first, so that sorting by AP on load visibly reorders the leaderboard.
  auto detections = nlohmann::json::parse(slurp(kDt));
  nlohmann::json weak = nlohmann::json::array(), shuffled = detections;
  for (std::size_t i = 0; i < detections.size(); ++i) {
    if (i % 3) weak.push_back(detections[i]);
    const double s = shuffled[i]["score"].get<double>();
    shuffled[i]["score"] = s * (0.5 + static_cast<double>((i * 37) % 11) / 10.0);
  }
  const std::vector<std::pair<std::string, std::string>> runs = {
      {write_file(dir / "weak.json", weak.dump()), "weak<&>"},
      {kDt, "base"},
      {write_file(dir / "shuffled.json", shuffled.dump()), "shuffled"}};
  std::vector<nlohmann::ordered_json> shown;  // in the store's key order, as the page
  for (const auto& [pred, tag] : runs) {
    const auto r = run_ovbench({"eval", "coco", "--gt", kGt, "--pred", pred, "--groups", groups,
                                "--bootstrap", "40", "--seed", "3", "--db", db, "--tag", tag});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  for (int id = 1; id <= 3; ++id) {
    const auto s = run_ovbench({"show", std::to_string(id), "--db", db, "--json"});
    ASSERT_EQ(s.exit_code, 0) << s.err;
    shown.push_back(nlohmann::ordered_json::parse(s.out));
  }
  const auto page = dir / "report.html";
  const auto report = run_ovbench({"report", "--db", db, "--out", page.string()});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = slurp(page);
  ASSERT_FALSE(html.empty());

  std::string dom;
  ASSERT_EQ(run_chromium(chromium, dir, "--dump-dom", page, &dom), 0)
      << slurp(dir / "chromium.err");
  ASSERT_FALSE(dom.empty()) << slurp(dir / "chromium.err");
  // The script ran: over the leaderboard and the three per-category tables.
  EXPECT_NE(dom.find("data-report-ready=\"4\""), std::string::npos) << dom.substr(0, 300);
  EXPECT_EQ(html.find("data-report-ready=\"4\""),
            std::string::npos);  // set by the script, not by ovbench

  // The leaderboard: one row per run, sorted by AP descending on load, the best AP marked.
  const std::string board = element(dom, "<table id=\"leaderboard-coco\"", "</table>");
  ASSERT_FALSE(board.empty());
  const std::string board_tag = board.substr(0, board.find('>'));
  EXPECT_NE(board_tag.find("data-sorted-by=\"AP\""), std::string::npos) << board_tag;
  EXPECT_NE(board_tag.find("data-sort-dir=\"desc\""), std::string::npos) << board_tag;
  std::vector<int> by_ap = {1, 2, 3};
  std::stable_sort(by_ap.begin(), by_ap.end(), [&](int a, int b) {
    return shown[a - 1]["results"][0]["metrics"]["AP"].get<double>() >
           shown[b - 1]["results"][0]["metrics"]["AP"].get<double>();
  });
  ASSERT_NE(by_ap.front(), 1) << "the fixture must not have its best run first";
  const auto rows = elements(board, "<tr data-run=", "</tr>");
  ASSERT_EQ(rows.size(), 3u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int id = by_ap[i];
    EXPECT_EQ(rows[i].rfind("<tr data-run=\"" + std::to_string(id) + "\"", 0), 0u) << rows[i];
    const auto values = attribute_values(rows[i], "data-value");
    ASSERT_FALSE(values.empty());
    const auto& result = shown[id - 1]["results"][0];
    EXPECT_EQ(std::stod(values[0]),
              result["metrics"]["AP"].get<double>());  // exactly, through the DOM
    EXPECT_EQ(std::stod(attribute_values(rows[i], "data-low").at(0)),
              result["intervals"]["metrics"]["AP"]["low"].get<double>());
    EXPECT_EQ(rows[i].find("<td class=\"num best\" data-value=\"" + values[0] + "\"") !=
                  std::string::npos,
              i == 0)
        << rows[i];
  }
  EXPECT_NE(board.find("weak&lt;&amp;&gt;"), std::string::npos);  // the tag, escaped
  EXPECT_EQ(dom.find("weak<&>"), std::string::npos);

  for (int id = 1; id <= 3; ++id) {
    const auto& result = shown[id - 1]["results"][0];
    const std::string sid = std::to_string(id);
    // Breakdown: "all" and each group, every value exactly as `show --json` has it.
    const std::string breakdown = element(dom, "<table id=\"breakdown-" + sid + "-0\"", "</table>");
    ASSERT_FALSE(breakdown.empty()) << "run " << id;
    for (const std::string group : {"all", "base", "novel"}) {
      const std::string row = element(breakdown, "<tr data-group=\"" + group + "\"", "</tr>");
      const auto& expected = group == "all" ? result["metrics"] : result["groups"][group];
      const auto values = attribute_values(row, "data-value");
      ASSERT_EQ(values.size(), expected.size()) << row;
      std::size_t k = 0;
      for (const auto& [key, value] : expected.items()) {
        EXPECT_EQ(std::stod(values[k++]), value.get<double>())
            << "run " << id << " " << group << " " << key;
      }
    }
    // PR curves: one chart per stored curve (IoU=.50 and .75), 4 categories + the mean each.
    std::vector<std::string> charts;
    for (const auto& svg : elements(
             dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart pr-curve\"", "</svg>")) {
      if (svg.find("data-run=\"" + sid + "\"") != std::string::npos) charts.push_back(svg);
    }
    ASSERT_EQ(charts.size(), result["per_category"]["1"]["curves"].size()) << "run " << id;
    for (const auto& svg : charts) {
      EXPECT_EQ(count(svg, "<path class=\"series\""), 5u);
      EXPECT_NE(svg.find("data-series=\"mean over categories\""), std::string::npos);
    }
    // Per-category AP bars: one per category, carrying its AP.
    const std::string bars =
        element(dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" viewBox",
                "</svg>", dom.find("id=\"run-" + sid + "\""));
    EXPECT_EQ(count(bars, "<rect class=\"bar\""), 4u);
    const std::string c1 = element(bars, "<rect class=\"bar\" data-label=\"c1\"", ">");
    EXPECT_EQ(std::stod(attribute_values(c1, "data-value").at(0)),
              result["per_category"]["1"]["AP"].get<double>());
  }
  // Comparison view: runs 2 and 3 against run 1, paired, with the overlaid mean curves.
  EXPECT_EQ(count(dom, "<section class=\"comparison\" data-a=\"1\""), 2u);
  const std::string overlay = element(
      dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart pr-overlay\"", "</svg>");
  EXPECT_EQ(count(overlay, "<path class=\"series\""), 3u);
  const std::string diff = element(dom, "<table id=\"compare-1-2-0\"", "</table>");
  const std::string ap_row = element(diff, "<tr data-metric=\"all AP\"", "</tr>");
  ASSERT_FALSE(ap_row.empty()) << diff;
  const auto cmp = run_ovbench({"compare", "1", "2", "--db", db, "--json"});
  ASSERT_EQ(cmp.exit_code, 0) << cmp.err;
  const auto cmp_json = nlohmann::json::parse(cmp.out)["datasets"][0]["metrics"]["AP"];
  const auto diff_values = attribute_values(ap_row, "data-value");
  ASSERT_EQ(diff_values.size(), 4u) << ap_row;  // A, B, B - A, p
  EXPECT_EQ(std::stod(diff_values[2]), cmp_json["diff"].get<double>());
  EXPECT_EQ(std::stod(diff_values[3]), cmp_json["p_value"].get<double>());

  // A screenshot, kept as a test artifact.
  const auto artifacts = std::filesystem::path(OVBENCH_BINARY_DIR) / "test-artifacts";
  std::filesystem::create_directories(artifacts);
  const auto png = artifacts / "report_browser.png";
  std::filesystem::remove(png);
  std::string ignored;
  ASSERT_EQ(
      run_chromium(chromium, dir, "--screenshot='" + png.string() + "' --window-size=1280,2000",
                   page, &ignored),
      0)
      << slurp(dir / "chromium.err");
  const std::string image = slurp(png);
  ASSERT_GT(image.size(), 10000u) << png;  // a blank 1280x2000 PNG is a few kB
  EXPECT_EQ(image.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
}  // namespace ovbench
