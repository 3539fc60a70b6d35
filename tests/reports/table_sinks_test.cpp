// The table model and its sinks: console alignment, Markdown tables and escaping, RFC 4180 CSV
// quoting and stacking, JSON shape, best-per-column marking, interval expansion.

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/table_model.h"
#include "reports/table_sink.h"

namespace ovbench {
namespace {

Table small_table() {
  Table t("scores", "Scores");
  t.add_column("name");
  t.add_column("AP", true);
  t.add_column("n");
  t.add_row({TableCell::of_text("a|b"), TableCell::of_interval(0.5, 0.25, 0.75),
             TableCell::of_integer(2)});
  t.add_row({TableCell::of_text("plain"), TableCell::of_number(0.125), TableCell::empty()});
  return t;
}

TEST(TableModel, BestRowsIgnoresNanMinusOneAndText) {
  Table t("t", "");
  t.add_column("v", true);
  t.add_row({TableCell::of_number(0.3)});
  t.add_row({TableCell::of_number(std::nan(""))});
  t.add_row({TableCell::of_number(-1)});
  t.add_row({TableCell::of_text("0.9")});
  t.add_row({TableCell::of_number(0.7)});
  t.add_row({TableCell::of_interval(0.7, 0.6, 0.8)});
  EXPECT_EQ(best_rows(t, 0), (std::vector<std::size_t>{4, 5}));  // ties both win
  Table none("n", "");
  none.add_column("v", true);
  none.add_row({TableCell::of_number(-1)});
  EXPECT_TRUE(best_rows(none, 0).empty());
}

TEST(TableModel, RowsMustMatchTheColumns) {
  Table t("t", "");
  t.add_column("a");
  EXPECT_THROW(t.add_row({TableCell::empty(), TableCell::empty()}), std::logic_error);
}

TEST(TableModel, ExpandIntervalsAddsLowAndHighColumnsOnlyWhereNeeded) {
  const Table e = expand_intervals(small_table());
  ASSERT_EQ(e.columns.size(), 5u);
  EXPECT_EQ(e.columns[1].name, "AP");
  EXPECT_EQ(e.columns[2].name, "AP low");
  EXPECT_EQ(e.columns[3].name, "AP high");
  EXPECT_EQ(e.rows[0][2].value, 0.25);
  EXPECT_FALSE(e.rows[0][1].has_interval());
  EXPECT_EQ(e.rows[1][2].kind, TableCell::Kind::kEmpty);
}

TEST(CsvSink, QuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("he said \"hi\""), "\"he said \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvSink, OneTableIsOneRecordSetWithExactNumbers) {
  TableDocument doc{"ignored title", {small_table()}};
  doc.tables[0].add_row({TableCell::of_text("x,\"y\""), TableCell::of_number(0.1),
                         TableCell::of_number(std::nan(""))});
  EXPECT_EQ(CsvTableSink().render(doc),
            "name,AP,AP low,AP high,n\r\n"
            "a|b,0.5,0.25,0.75,2\r\n"
            "plain,0.125,,,\r\n"
            "\"x,\"\"y\"\"\",0.1,,,\r\n");
  TableDocument precise{"", {Table("p", "")}};
  precise.tables[0].add_column("v");
  precise.tables[0].add_row({TableCell::of_number(1.0 / 3)});
  EXPECT_EQ(CsvTableSink().render(precise), "v\r\n0.3333333333333333\r\n");
}

TEST(CsvSink, SeveralTablesStackWithATableColumnAndTheUnionOfColumns) {
  Table a("first", "");
  a.add_column("k");
  a.add_column("v");
  a.add_row({TableCell::of_text("x"), TableCell::of_integer(1)});
  Table b("second, too", "");
  b.add_column("v");
  b.add_column("w");
  b.add_row({TableCell::of_integer(2), TableCell::of_text("y")});
  EXPECT_EQ(CsvTableSink().render({"", {a, b}}),
            "table,k,v,w\r\n"
            "first,x,1,\r\n"
            "\"second, too\",,2,y\r\n");
}

TEST(MarkdownSink, PipeTableWithNumericColumnsRightAlignedAndCellsEscaped) {
  EXPECT_EQ(markdown_cell("a|b_c*<d>\\[e]`f`\nnext"), "a\\|b\\_c\\*\\<d>\\\\\\[e]\\`f\\`<br>next");
  EXPECT_EQ(MarkdownTableSink().render({"Doc", {small_table()}}),
            "## Doc\n"
            "\n"
            "### Scores\n"
            "\n"
            "| name | AP | n |\n"
            "| --- | ---: | ---: |\n"
            "| a\\|b | 0.5000 [0.2500, 0.7500] | 2 |\n"
            "| plain | 0.1250 |  |\n");
}

TEST(ConsoleSink, AlignsByColumnKindNotByLooks) {
  Table t("t", "Title");
  t.add_column("field");
  t.add_column("value");
  t.add_column("d", false, NumberStyle::kDifference);
  t.add_row({TableCell::of_text("id"), TableCell::of_text("2"), TableCell::of_number(0.01)});
  t.add_row(
      {TableCell::of_text("name"), TableCell::of_text("long text"), TableCell::of_number(-0.5)});
  t.notes.push_back("a note");
  EXPECT_EQ(ConsoleTableSink().render({"", {t}}),
            "Title\n"
            "note: a note\n"
            "field  value      d\n"
            "-------------------------\n"
            "id     2          +0.0100\n"
            "name   long text  -0.5000\n");
}

TEST(JsonSink, TablesWithTypedValues) {
  const auto j = nlohmann::json::parse(JsonTableSink().render({"Doc", {small_table()}}));
  EXPECT_EQ(j["title"], "Doc");
  ASSERT_EQ(j["tables"].size(), 1u);
  const auto& t = j["tables"][0];
  EXPECT_EQ(t["id"], "scores");
  EXPECT_EQ(t["columns"], nlohmann::json({"name", "AP", "AP low", "AP high", "n"}));
  EXPECT_EQ(t["rows"][0]["name"], "a|b");
  EXPECT_EQ(t["rows"][0]["AP"], 0.5);
  EXPECT_EQ(t["rows"][0]["AP low"], 0.25);
  EXPECT_EQ(t["rows"][0]["n"], 2);
  EXPECT_TRUE(t["rows"][0]["n"].is_number_integer());
  EXPECT_TRUE(t["rows"][1]["n"].is_null());
  EXPECT_TRUE(t["rows"][1]["AP high"].is_null());
}

TEST(TableFormat, ParsesTheFourNames) {
  EXPECT_EQ(parse_table_format("table"), TableFormat::kConsole);
  EXPECT_EQ(parse_table_format("md"), TableFormat::kMarkdown);
  EXPECT_EQ(parse_table_format("csv"), TableFormat::kCsv);
  EXPECT_EQ(parse_table_format("json"), TableFormat::kJson);
  EXPECT_FALSE(parse_table_format("html"));
}

}  // namespace
}  // namespace ovbench
