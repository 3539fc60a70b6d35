// `ovbench eval flickr30k` end to end on a tiny Flickr30K Entities tree written by the test:
// values derived by hand, the JSON contract, and bad inputs with their messages and exit codes.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace ovbench {
namespace {

using testing::fresh_test_dir;
using testing::run_ovbench;

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Image 1: chain 10 owns [0,0,10,10] and [20,0,30,10]; chain 11 owns [20,0,30,10] (an object
// with two names); chain 12 is a scene (no box). Sentence 0 has phrases 10 (people), 12 (scene,
// dropped) and 11 (people/other); the empty line is skipped; sentence 1 (notvisual only) is not
// evaluated. Image 2 (test split only) has one phrase of chain 5 (animals).
std::filesystem::path make_tree() {
  const auto root = fresh_test_dir();
  write(root / "val.txt", "1\n");
  write(root / "test.txt", "1\n2\n");
  write(root / "Annotations/1.xml",
        "<annotation><size><width>100</width><height>100</height><depth>3</depth></size>\n"
        "<object><name>10</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>10</xmax><ymax>10</ymax>"
        "</bndbox></object>\n"
        "<object><name>10</name><name>11</name><bndbox><xmin>20</xmin><ymin>0</ymin><xmax>30</xmax>"
        "<ymax>10</ymax></bndbox></object>\n"
        "<object><name>12</name><nobndbox>0</nobndbox><scene>1</scene></object>\n"
        "</annotation>\n");
  write(root / "Sentences/1.txt",
        "[/EN#10/people Two men] in [/EN#12/scene a park] with [/EN#11/people/other a friend] .\n"
        "\n"
        "[/EN#0/notvisual Nobody] is here .\n");
  write(root / "Annotations/2.xml",
        "<annotation><size><width>50</width><height>50</height><depth>3</depth></size>\n"
        "<object><name>5</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>20</xmax><ymax>20</ymax>"
        "</bndbox></object></annotation>\n");
  write(root / "Sentences/2.txt", "[/EN#5/animals A dog] runs .\n");
  return root;
}

// Phrase 10: rank 1 [0,0,30,10] has IoU 100/300 with each gt box (any-box miss) but equals the
// merged box (merged hit); rank 2 [0,0,10,10] is a gt box (any-box hit from k = 5).
// Phrase 11: [21,0,30,10] has IoU 90/100 = 0.9 with [20,0,30,10]: a hit at 1.
// The prediction for sentence 1 (not evaluated) carries boxes: ignored with a warning.
const char* kValPred = R"([
  {"image_id": 1, "sentence_id": 0, "boxes": [[[0,0,30,10],[0,0,10,10]], [[21,0,30,10]]]},
  {"image_id": "1", "sentence_id": 1, "boxes": [[[0,0,1,1]]]}])";

nlohmann::json run_json(const std::vector<std::string>& args, const std::string& err_hint = "") {
  const auto r = run_ovbench(args);
  EXPECT_EQ(r.exit_code, 0) << r.err << err_hint;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

TEST(EvalFlickr30kCli, AnyBoxRecallByHand) {
  const auto root = make_tree();
  write(root / "pred.json", kValPred);
  const auto j = run_json({"eval", "flickr30k", "--root", root.string(), "--split", "val", "--pred",
                           (root / "pred.json").string(), "--json", "-"});
  const auto& r = j.at("recall").at("any_box");
  // R@1: phrase 11 only -> all 1/2, people 1/2 (both phrases are people), other 1/1.
  EXPECT_EQ(r.at("1").at("all").get<double>(), 0.5);
  EXPECT_EQ(r.at("1").at("people").get<double>(), 0.5);
  EXPECT_EQ(r.at("1").at("other").get<double>(), 1.0);
  for (const char* k : {"5", "10", "-1"}) {
    EXPECT_EQ(r.at(k).at("all").get<double>(), 1.0) << k;
    EXPECT_EQ(r.at(k).at("people").get<double>(), 1.0) << k;
  }
  // The scene phrase is not scored: no "scene" category at all.
  EXPECT_FALSE(r.at("1").contains("scene"));
  EXPECT_FALSE(j.at("recall").contains("merged_box"));
  const auto& c = j.at("counts");
  EXPECT_EQ(c.at("images").get<int>(), 1);
  EXPECT_EQ(c.at("sentences").get<int>(), 1);
  EXPECT_EQ(c.at("phrases").get<int>(), 2);
  EXPECT_EQ(c.at("ignored_predictions").get<int>(), 1);
}

TEST(EvalFlickr30kCli, MergedBoxRecallByHand) {
  const auto root = make_tree();
  write(root / "pred.json", kValPred);
  const auto r =
      run_ovbench({"eval", "flickr30k", "--root", root.string(), "--split", "val", "--pred",
                   (root / "pred.json").string(), "--protocol", "merged-box", "--json", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = nlohmann::json::parse(r.out).at("recall").at("merged_box");
  // Rank 1 of phrase 10 is the merged box: both phrases hit at 1.
  EXPECT_EQ(m.at("1").at("all").get<double>(), 1.0);
  EXPECT_EQ(m.at("-1").at("people").get<double>(), 1.0);
  EXPECT_NE(r.err.find("not evaluated"), std::string::npos) << r.err;  // the ignored prediction
  EXPECT_NE(r.err.find("Upper_bound"), std::string::npos) << r.err;    // table on stderr
}

TEST(EvalFlickr30kCli, TestSplitUsesTestTxt) {
  // Test split adds image 2; its dog phrase predicted at [0,0,20,10] (IoU 200/400 = 0.5: a hit).
  const auto root = make_tree();
  write(root / "pred.json", R"([
    {"image_id": 1, "sentence_id": 0, "boxes": [[[50,50,60,60]], [[50,50,60,60]]]},
    {"image_id": 2, "sentence_id": 0, "boxes": [[[0,0,20,10]]]}])");
  const auto j = run_json({"eval", "flickr30k", "--root", root.string(), "--split", "test",
                           "--pred", (root / "pred.json").string(), "--json", "-"});
  const auto& r = j.at("recall").at("any_box").at("1");
  EXPECT_EQ(r.at("all").get<double>(), 1.0 / 3.0);
  EXPECT_EQ(r.at("animals").get<double>(), 1.0);
  EXPECT_EQ(r.at("people").get<double>(), 0.0);
  EXPECT_EQ(j.at("counts").at("images").get<int>(), 2);
}

TEST(EvalFlickr30kCli, MissingPredictionNamesImageAndSentence) {
  const auto root = make_tree();
  write(root / "pred.json", R"([{"image_id": 1, "sentence_id": 0, "boxes": [[], []]}])");
  const auto r = run_ovbench({"eval", "flickr30k", "--root", root.string(), "--split", "test",
                              "--pred", (root / "pred.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no prediction for sentence 0 of image 2"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(EvalFlickr30kCli, BadInputsExitTwoWithTheirPlace) {
  const auto root = make_tree();
  write(root / "pred.json", kValPred);
  const std::string pred = (root / "pred.json").string();
  // Wrong number of box lists: names the file and record.
  write(root / "short.json", R"([{"image_id": 1, "sentence_id": 0, "boxes": [[[0,0,1,1]]]}])");
  auto r = run_ovbench({"eval", "flickr30k", "--root", root.string(), "--split", "val", "--pred",
                        (root / "short.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("record 0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("expected 2 box lists"), std::string::npos) << r.err;
  // A missing annotation file is named.
  std::filesystem::remove(root / "Annotations/2.xml");
  r = run_ovbench(
      {"eval", "flickr30k", "--root", root.string(), "--split", "test", "--pred", pred});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2.xml"), std::string::npos) << r.err;
  // Usage errors.
  r = run_ovbench(
      {"eval", "flickr30k", "--root", root.string(), "--split", "train", "--pred", pred});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--split must be val or test"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "flickr30k", "--root", root.string(), "--split", "val", "--pred", pred,
                   "--protocol", "union"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--protocol must be any-box or merged-box"), std::string::npos) << r.err;
  r = run_ovbench({"eval", "flickr30k", "--split", "val", "--pred", pred});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--root"), std::string::npos) << r.err;
}

TEST(EvalFlickr30kCli, HelpShowsAnExample) {
  const auto r = run_ovbench({"eval", "flickr30k", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("ovbench eval flickr30k --root"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ovbench
