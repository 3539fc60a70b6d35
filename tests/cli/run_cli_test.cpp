// `ovbench demo`, `ovbench run` and `ovbench merge` end to end on the demo's generated data
// and TorchScript model: stored runs, resume after a crash, shards equal to one process,
// preflight failures that leave the store untouched.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "demo_fixture.h"

namespace ovbench::testing {
namespace {

nlohmann::json show(const std::filesystem::path& db, const std::string& run) {
  const auto r = run_ovbench({"show", run, "--db", db.string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// The scored part of a stored run: per dataset, summary, groups and per-category results.
nlohmann::json scores(const nlohmann::json& shown) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& r : shown.at("results")) {
    nlohmann::json s = r;
    s.erase("predictions");  // where the run kept them
    out[r.at("dataset").get<std::string>()] = s;
  }
  return out;
}

std::vector<std::string> run_args(const std::filesystem::path& dir, const std::string& card) {
  const auto& demo = demo_files();
  return {"run", "demo", "--model", (demo.model / card).string(), "--data-root", demo.data.string(),
          "--db", (dir / "ovbench.db").string(), "--work-dir", (dir / "work").string(), "--text-cache", "none"};
}

TEST(DemoCommand, StoresTwoCompleteRunsWithNonTrivialNumbers) {
  const auto& demo = demo_files();
  EXPECT_NE(demo.demo_stdout.find("demo-ov-detection  novel AP50"), std::string::npos) << demo.demo_stdout;
  const auto runs = run_ovbench({"runs", "--db", demo.db.string(), "--json"});
  ASSERT_EQ(runs.exit_code, 0) << runs.err;
  const auto list = nlohmann::json::parse(runs.out);
  ASSERT_EQ(list.size(), 2u);
  for (const auto& r : list) EXPECT_EQ(r.at("status"), "complete");
  const auto detection = scores(show(demo.db, "demo-regionclip"));
  ASSERT_EQ(detection.size(), 3u);  // OV detection, LVIS-style, grounding
  const double novel = detection.at("demo-ov-detection").at("groups").at("novel").at("AP50").get<double>();
  const double apr = detection.at("demo-lvis").at("metrics").at("APr").get<double>();
  const double r1 = detection.at("demo-grounding").at("metrics").at("R@1").get<double>();
  for (double v : {novel, apr, r1}) {
    EXPECT_GT(v, 0.2);
    EXPECT_LT(v, 0.99);
  }
  const auto seg = scores(show(demo.db, "demo-denseclip"));
  const double miou = seg.at("demo-segmentation").at("metrics").at("mIoU").get<double>();
  EXPECT_GT(miou, 0.5);
  EXPECT_LT(miou, 0.99);
}

TEST(DemoCommand, NumbersAreStableAcrossRuns) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto r = run_ovbench({"demo", "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto db = dir / "ovbench-demo" / "ovbench.db";
  EXPECT_TRUE(scores(show(db, "demo-regionclip")) == scores(show(demo.db, "demo-regionclip")));
  EXPECT_TRUE(scores(show(db, "demo-denseclip")) == scores(show(demo.db, "demo-denseclip")));
}

TEST(RunCommand, ThreeShardsMergeToExactlyTheSingleProcessNumbers) {
  const auto dir = fresh_test_dir();
  const auto single = dir / "single";
  const auto sharded = dir / "sharded";
  auto one = run_args(single, "demo-regionclip.json");
  ASSERT_EQ(run_ovbench(one).exit_code, 0);
  for (int k = 0; k < 3; ++k) {
    auto args = run_args(sharded, "demo-regionclip.json");
    args.push_back("--shard");
    args.push_back(std::to_string(k) + "/3");
    const auto r = run_ovbench(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (k < 2) {
      EXPECT_NE(r.err.find("waiting for the other shards"), std::string::npos) << r.err;
      EXPECT_FALSE(std::filesystem::exists(sharded / "ovbench.db"));  // nothing stored yet
    } else {
      EXPECT_NE(r.err.find("stored as run 1"), std::string::npos) << r.err;
    }
  }
  EXPECT_TRUE(scores(show(sharded / "ovbench.db", "1")) == scores(show(single / "ovbench.db", "1")));
  // The merged predictions file is byte-identical to the single process's.
  const auto files = [](const std::filesystem::path& work) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(work))
      if (e.path().filename() == "predictions.json") {
        std::ifstream in(e.path());
        out.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(files(sharded / "work"), files(single / "work"));
  // merge after the fact: already stored, nothing new.
  auto merge = run_args(sharded, "demo-regionclip.json");
  merge[0] = "merge";
  const auto m = run_ovbench(merge);
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.err.find("already scored and stored"), std::string::npos) << m.err;
}

TEST(RunCommand, MergeBeforeAllShardsFinishFailsNamingWhatIsMissing) {
  const auto dir = fresh_test_dir();
  auto args = run_args(dir, "demo-denseclip.json");
  args.insert(args.end(), {"--shard", "1/2"});
  ASSERT_EQ(run_ovbench(args).exit_code, 0);
  auto merge = run_args(dir, "demo-denseclip.json");
  merge[0] = "merge";
  const auto m = run_ovbench(merge);
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_NE(m.err.find("demo-segmentation: 24 of 48 images not predicted yet"), std::string::npos) << m.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "ovbench.db"));
}

TEST(RunCommand, ResumeAfterATornJournalEqualsAnUninterruptedRun) {
  const auto dir = fresh_test_dir();
  ASSERT_EQ(run_ovbench(run_args(dir / "full", "demo-regionclip.json")).exit_code, 0);
  // The state a kill -9 leaves: each journal holds its first 20 lines and half of the 21st.
  const auto work = dir / "cut" / "work";
  std::filesystem::create_directories(work);
  std::filesystem::copy(dir / "full" / "work", work, std::filesystem::copy_options::recursive);
  std::size_t journals = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(work)) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), cut, line;
    std::istringstream lines(text);
    for (int i = 0; i < 21 && std::getline(lines, line); ++i) cut += i < 20 ? line + "\n" : line.substr(0, line.size() / 2);
    std::ofstream(e.path(), std::ios::trunc) << cut;
    ++journals;
  }
  for (const auto& e : std::filesystem::recursive_directory_iterator(work))
    if (e.path().filename() == "predictions.json") std::filesystem::remove(e.path());
  ASSERT_EQ(journals, 3u);
  const auto r = run_ovbench(run_args(dir / "cut", "demo-regionclip.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("demo-ov-detection: 20/48 images of shard 0/1 already predicted"), std::string::npos) << r.err;
  EXPECT_TRUE(scores(show(dir / "cut" / "ovbench.db", "1")) == scores(show(dir / "full" / "ovbench.db", "1")));
}

TEST(RunCommand, KillNineMidRunThenRerunEqualsAnUninterruptedRun) {
  const auto dir = fresh_test_dir();
  ASSERT_EQ(run_ovbench(run_args(dir / "full", "demo-regionclip.json")).exit_code, 0);
  auto args = run_args(dir / "killed", "demo-regionclip.json");
  args.insert(args.end(), {"--threads", "1"});
  // Start the real binary, wait for its first journal lines, kill -9 it.
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string exe = OVBENCH_TEST_EXE;
    argv.push_back(exe.data());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::freopen("/dev/null", "w", stderr);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
  }
  bool killed = false;
  for (int i = 0; i < 20000 && !killed; ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "killed" / "work", ec))
      if (e.path().extension() == ".jsonl" && std::filesystem::file_size(e.path(), ec) > 0) killed = true;
    if (!killed) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_FALSE(std::filesystem::exists(dir / "killed" / "ovbench.db") && WIFSIGNALED(status) &&
               run_ovbench({"runs", "--db", (dir / "killed" / "ovbench.db").string(), "--status", "complete", "--json"}).out != "[]\n");
  const auto r = run_ovbench(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto shown = show(dir / "killed" / "ovbench.db", "1");
  EXPECT_TRUE(scores(shown) == scores(show(dir / "full" / "ovbench.db", "1")));
}

TEST(RunCommand, PreflightFailuresLeaveNoStore) {
  const auto& demo = demo_files();
  const auto dir = fresh_test_dir();
  const auto db = (dir / "ovbench.db").string();
  auto expect_refused = [&](std::vector<std::string> args, const std::string& message) {
    const auto r = run_ovbench(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db));
  };
  const auto card = (demo.model / "demo-regionclip.json").string();
  expect_refused({"run", "no-such-suite", "--model", card, "--data-root", demo.data.string(), "--db", db}, "no-such-suite");
  expect_refused({"run", "demo", "--model", card, "--data-root", dir.string(), "--db", db}, "detection/instances.json");
  // A card with an unknown key names it.
  auto bad = read_json_file(card);
  bad["protocol"]["temprature"] = 0.01;
  std::ofstream(dir / "bad.json") << bad.dump();
  std::filesystem::copy_file(demo.model / "demo_regions.pt", dir / "demo_regions.pt");
  std::filesystem::copy_file(demo.model / "demo_text.pt", dir / "demo_text.pt");
  expect_refused({"run", "demo", "--model", (dir / "bad.json").string(), "--data-root", demo.data.string(), "--db", db},
                 "protocol.temprature: unknown key");
  expect_refused({"run", "demo", "--model", card, "--data-root", demo.data.string(), "--db", db, "--device", "cuda"},
                 "no CUDA device");
  expect_refused({"run", "demo", "--model", card, "--data-root", demo.data.string(), "--db", db, "--shard", "3/3"},
                 "--shard '3/3'");
}

}  // namespace
}  // namespace ovbench::testing
