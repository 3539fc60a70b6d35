// The tables of one result (show and the report share them) and of a comparison.

#include "reports/metric_tables.h"

#include <gtest/gtest.h>

#include "reports/comparison_tables.h"

namespace ovbench {
namespace {

MetricReport lvis_like() {
  MetricReport r;
  r.summary.set("AP", 0.3);
  r.summary.set("APr", 0.1);
  r.summary.set("APc", 0.2);
  r.summary.set("APf", 0.4);
  MetricValues novel;
  novel.set("AP", 0.05);
  novel.set("extra", 0.5);
  r.groups.push_back({"novel", novel});
  r.intervals = nlohmann::ordered_json::parse(
      R"({"metrics": {"APr": {"low": 0.05, "high": 0.15}}, "groups": {"novel": {"AP": {"low": 0.01, "high": 0.09}}}})");
  return r;
}

TEST(MetricTables, BreakdownHasTheSummaryThenEachGroupWithIntervals) {
  const Table t = metric_breakdown_table(lvis_like(), "b", "B");
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"group", "AP", "APr", "APc", "APf", "extra"}));
  EXPECT_EQ(t.row_keys, (std::vector<std::string>{"all", "novel"}));
  EXPECT_EQ(t.rows[0][2].value, 0.1);
  EXPECT_EQ(*t.rows[0][2].low, 0.05);
  EXPECT_EQ(t.rows[0][5].kind, TableCell::Kind::kEmpty);  // the summary has no "extra"
  EXPECT_EQ(*t.rows[1][1].high, 0.09);
  EXPECT_EQ(t.rows[1][2].kind, TableCell::Kind::kEmpty);
}

TEST(MetricTables, FrequencySplitOnlyWithAllThree) {
  MetricReport r = lvis_like();
  ASSERT_TRUE(has_frequency_split(r));
  const Table t = frequency_split_table(r, "f", "F");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0].text, "rare (APr)");
  EXPECT_TRUE(t.rows[0][1].has_interval());
  EXPECT_EQ(t.rows[2][1].value, 0.4);
  MetricReport coco;
  coco.summary.set("AP", 0.3);
  EXPECT_FALSE(has_frequency_split(coco));
}

TEST(ComparisonTables, DifferencesWithIntervalsVerdictsAndNotes) {
  const auto d = nlohmann::ordered_json::parse(R"({"dataset": "val.json", "paired": true,
    "metrics": {"AP": {"a": 0.3, "b": 0.35, "diff": 0.05, "low": 0.01, "high": 0.09, "p_value": 0.01},
                "AR": {"a": 0.5, "b": 0.5, "diff": 0.0, "low": null, "high": null, "p_value": null},
                "APs": {"a": -1, "b": -1, "diff": 0, "low": null, "high": null, "p_value": null}},
    "groups": {"novel": {"AP": {"a": 0.2, "b": 0.1, "diff": -0.1, "low": -0.2, "high": 0.01, "p_value": 0.2}}},
    "per_category": {"improved": [{"id": 3, "name": "cat", "a": 0.1, "b": 0.4, "diff": 0.3}], "regressed": []}})");
  const Table all = comparison_difference_table(d, "x");
  ASSERT_EQ(all.rows.size(), 3u);  // APs: nothing scored in either run
  EXPECT_EQ(all.rows[0][6].text, "better");
  EXPECT_EQ(*all.rows[0][4].low, 0.01);
  EXPECT_EQ(all.rows[1][5].kind, TableCell::Kind::kEmpty);
  EXPECT_EQ(all.rows[2][0].text, "novel");
  EXPECT_EQ(all.rows[2][6].text, "no");
  EXPECT_EQ(all.row_keys[2], "novel AP");
  const Table paired_only = comparison_difference_table(d, "x", true);
  EXPECT_EQ(paired_only.rows.size(), 2u);
  const Table cats = comparison_category_table(d, "c");
  ASSERT_EQ(cats.rows.size(), 1u);
  EXPECT_EQ(cats.rows[0][1].integer, 3);
  EXPECT_EQ(cats.rows[0][5].value, 0.3);
}

}  // namespace
}  // namespace ovbench
