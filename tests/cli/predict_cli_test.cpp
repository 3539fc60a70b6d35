// `ovbench predict` on the demo's data and TorchScript model: each task writes a file the
// matching `ovbench eval` accepts, with the numbers the runner stored; the text-embedding cache
// skips the text forward pass the second time; bad images fail or are skipped.
#include <gtest/gtest.h>

#include <fstream>

#include "demo_fixture.h"

namespace ovbench::testing {
namespace {

double stored_metric(const std::string& run, const std::string& dataset, const std::string& key) {
  const auto& demo = demo_files();
  const auto r = run_ovbench({"show", run, "--db", demo.db.string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto shown = nlohmann::json::parse(r.out);
  for (const auto& result : shown.at("results"))
    if (result.at("dataset") == dataset) return result.at("metrics").at(key).get<double>();
  ADD_FAILURE() << "no dataset " << dataset;
  return -2;
}

TEST(PredictCommand, DetectionsScoreAsTheRunnerScoredThem) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto cache = (dir / "cache").string();
  const std::vector<std::string> predict = {"predict", "--model", (demo.model / "demo-regionclip.json").string(),
                                            "--dataset", (demo.data / "detection" / "instances.json").string(),
                                            "--images", (demo.data / "images").string(),
                                            "--out", (dir / "results.json").string(), "--text-cache", cache};
  const auto first = run_ovbench(predict);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("text embeddings computed (1 encode_text calls)"), std::string::npos) << first.err;
  const auto second = run_ovbench(predict);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("text embeddings from the cache (0 encode_text calls)"), std::string::npos) << second.err;

  const auto eval = run_ovbench({"eval", "coco", "--gt", (demo.data / "detection" / "instances.json").string(), "--pred",
                                 (dir / "results.json").string(), "--json", "-"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  const double ap = nlohmann::json::parse(eval.out).at("metrics").at("AP").get<double>();
  EXPECT_EQ(ap, stored_metric("demo-regionclip", "demo-ov-detection", "AP"));
  EXPECT_GT(ap, 0.3);
}

TEST(PredictCommand, GroundingAndSegmentationFilesAreAcceptedByTheirEvaluators) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto g = run_ovbench({"predict", "--task", "ground", "--model", (demo.model / "demo-regionclip.json").string(),
                              "--dataset", (demo.data / "flickr30k").string(), "--images", (demo.data / "images").string(),
                              "--out", (dir / "grounding.json").string(), "--text-cache", "none"});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const auto ge = run_ovbench({"eval", "flickr30k", "--root", (demo.data / "flickr30k").string(), "--split", "val",
                               "--pred", (dir / "grounding.json").string(), "--json", "-"});
  ASSERT_EQ(ge.exit_code, 0) << ge.err;
  EXPECT_EQ(nlohmann::json::parse(ge.out).at("recall").at("any_box").at("1").at("all").get<double>(),
            stored_metric("demo-regionclip", "demo-grounding", "R@1"));

  const auto s = run_ovbench({"predict", "--task", "segment", "--model", (demo.model / "demo-denseclip.json").string(),
                              "--dataset", (demo.data / "segmentation" / "classes.json").string(), "--images",
                              (demo.data / "images").string(), "--out", (dir / "labels").string(), "--text-cache", "none"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto se = run_ovbench({"eval", "miou", "--gt", (demo.data / "segmentation" / "labels").string(), "--pred",
                               (dir / "labels").string(), "--num-classes", "7", "--json", "-"});
  ASSERT_EQ(se.exit_code, 0) << se.err;
  EXPECT_EQ(nlohmann::json::parse(se.out).at("metrics").at("mIoU").get<double>(),
            stored_metric("demo-denseclip", "demo-segmentation", "mIoU"));
}

TEST(EvalStore, GroundingAndSegmentationEvalsAreStoredAsRuns) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto db = (dir / "e.db").string();
  const auto r1 = run_ovbench({"eval", "miou", "--gt", (demo.data / "segmentation" / "labels").string(), "--pred",
                               (demo.data / "segmentation" / "labels").string(), "--num-classes", "7", "--db", db,
                               "--tag", "perfect"});
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  const auto shown = nlohmann::json::parse(run_ovbench({"show", "perfect", "--db", db, "--json"}).out);
  EXPECT_EQ(shown.at("results").at(0).at("metrics").at("mIoU").get<double>(), 1.0);  // gt against itself
  EXPECT_EQ(shown.at("run").at("suite"), "miou");
  const auto tagless = run_ovbench({"eval", "miou", "--gt", "a", "--pred", "b", "--num-classes", "7", "--tag", "x"});
  EXPECT_EQ(tagless.exit_code, 2);
  EXPECT_NE(tagless.err.find("--tag names a stored run: it needs --db PATH"), std::string::npos) << tagless.err;
}

TEST(PredictCommand, ABadImageFailsNamingItOrIsSkippedAndCounted) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  std::filesystem::copy(demo.data / "images", dir / "images");
  std::ofstream(dir / "images" / "1000003.png", std::ios::trunc) << "not a png";
  std::vector<std::string> args = {"predict", "--model", (demo.model / "demo-regionclip.json").string(), "--dataset",
                                   (demo.data / "detection" / "instances.json").string(), "--images",
                                   (dir / "images").string(), "--out", (dir / "r.json").string(), "--text-cache", "none"};
  const auto fail = run_ovbench(args);
  EXPECT_EQ(fail.exit_code, 2);
  EXPECT_NE(fail.err.find("1000003.png"), std::string::npos) << fail.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "r.json"));
  args.push_back("--skip-bad-images");
  const auto skip = run_ovbench(args);
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_NE(skip.err.find("47 images (1 bad images skipped)"), std::string::npos) << skip.err;
}

TEST(PredictCommand, UsageAndCardErrors) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto missing = run_ovbench({"predict", "--model", (demo.model / "demo-regionclip.json").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--dataset is required"), std::string::npos) << missing.err;
  const auto task = run_ovbench({"predict", "--task", "segment", "--model", (demo.model / "demo-regionclip.json").string(),
                                 "--dataset", "ade20k-150", "--images", (demo.data / "images").string(), "--out",
                                 (dir / "x").string()});
  EXPECT_EQ(task.exit_code, 2);
  EXPECT_NE(task.err.find("the regionclip adapter cannot segment"), std::string::npos) << task.err;
  std::ofstream(dir / "card.json") << R"({"name": "x", "adapter": "regionclip", "files": {"image_module": "absent.pt"}})";
  const auto card = run_ovbench({"predict", "--model", (dir / "card.json").string(), "--dataset", "d", "--images", "i",
                                 "--out", "o"});
  EXPECT_EQ(card.exit_code, 2);
  EXPECT_NE(card.err.find("files.image_module"), std::string::npos) << card.err;
}

}  // namespace
}  // namespace ovbench::testing
