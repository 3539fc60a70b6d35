// `ovbench run SUITE --model CARD.json` and `ovbench merge SUITE --model CARD.json`: a suite
// against a model, resumable and shardable (harness/run/suite_run.h).
#include <iostream>

#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/run/suite_run.h"
#include "models/text/text_embedding_cache.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(',', start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

int suite_command(const Args& args, bool merge) {
  const std::string name = merge ? "ovbench merge" : "ovbench run";
  CommandLine cl(
      name, name + " SUITE --model CARD.json [--data-root DIR] [--db PATH] [options]",
      merge ? "Scores and stores a sharded run once every shard has finished: give it the arguments the\n"
              "shards were given (without --shard). Fails, naming what is missing, while shards are\n"
              "still running. (The last shard to finish does this by itself.)"
            : "Runs every dataset of SUITE (a name from `ovbench suites` or a suite file) that the card's\n"
              "adapter can do: preflight (suite, card, files under --data-root, device) before any\n"
              "inference, then prediction with a progress bar per dataset, then scoring exactly as\n"
              "`ovbench eval` scores the same files, stored as one run in the SQLite store.\n"
              "Predictions go to append-only journals under --work-dir, keyed by model, checkpoint,\n"
              "dataset and protocol: rerunning the same command after a crash or kill -9 skips the\n"
              "images already done and gives exactly the numbers of an uninterrupted run.\n"
              "Sharding: --shard K/N, or Slurm job arrays (SLURM_ARRAY_TASK_ID/COUNT) or torchrun\n"
              "(RANK/WORLD_SIZE); each shard predicts images i with i mod N = K and the last one to\n"
              "finish scores and stores the run (docs/runner.md).",
      merge ? "  ovbench merge ov-coco --model card.json --data-root /data --db runs.db\n"
            : "  ovbench run ov-coco --model cards/regionclip.json --data-root /data --db runs.db --tag rn50\n"
              "  ovbench run demo --model demo/model/demo-regionclip.json --data-root demo/data\n");
  cl.add_options()
      ("suite", po::value<std::string>()->value_name("SUITE"), "suite name or file")
      ("model", po::value<std::string>()->value_name("CARD.json"), "the model card (docs/models.md)")
      ("data-root", po::value<std::string>()->default_value(".")->value_name("DIR"), "where the suite's relative paths start")
      ("db", po::value<std::string>()->default_value("ovbench.db")->value_name("PATH"), "the SQLite results store")
      ("work-dir", po::value<std::string>()->value_name("DIR"), "prediction journals (default: ovbench-work next to --db)")
      ("tag", po::value<std::string>()->default_value("")->value_name("NAME"), "a name for the stored run")
      ("datasets", po::value<std::string>()->value_name("A,B"), "only these datasets of the suite")
      ("device", po::value<std::string>()->default_value("cpu")->value_name("cpu|cuda[:N]"), "where the model runs")
      ("half", po::bool_switch(), "half precision (CUDA only)")
      ("shard", po::value<std::string>()->value_name("K/N"), "this process's shard (default: from Slurm or torchrun, else 0/1)")
      ("limit", po::value<long long>()->value_name("N"), "only the first N images of each dataset (a smoke test: the rest count as missed)")
      ("skip-bad-images", po::bool_switch(), "skip (and count) missing or corrupt images")
      ("threads", po::value<int>()->default_value(0)->value_name("N"), "decode/preprocess workers (0: one per core)")
      ("text-cache", po::value<std::string>()->value_name("DIR|none"), "text-embedding cache (default ~/.cache/ovbench/text-embeddings)");
  cl.add_positional("suite", 1);
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("suite")) cl.fail("give the SUITE to run (see `ovbench suites`)");
  if (!cl.has("model")) cl.fail("--model CARD.json is required");
  SuiteRunOptions o;
  o.suite = cl.get<std::string>("suite");
  o.model_card = cl.get<std::string>("model");
  o.data_root = cl.get<std::string>("data-root");
  o.db = cl.get<std::string>("db");
  if (cl.has("work-dir")) o.work_dir = cl.get<std::string>("work-dir");
  o.tag = cl.get<std::string>("tag");
  if (!o.tag.empty() && o.tag.find_first_not_of("0123456789") == std::string::npos)
    cl.fail("--tag must not be a number ('" + o.tag + "' would read as a run id)");
  if (cl.has("datasets")) o.datasets = split_commas(cl.get<std::string>("datasets"));
  o.device = parse_device_spec(cl.get<std::string>("device"));
  o.device.half = cl.get<bool>("half");
  if (o.device.half && !o.device.cuda) cl.fail("--half needs --device cuda");
  o.shard = resolve_shard(cl.has("shard") ? cl.get<std::string>("shard") : "");
  if (merge) o.shard = ShardSpec{};
  o.limit = cl.has("limit") ? cl.get<long long>("limit") : 0;
  if (cl.has("limit") && o.limit < 1) cl.fail("--limit must be at least 1");
  o.skip_bad_images = cl.get<bool>("skip-bad-images");
  o.threads = cl.get<int>("threads");
  if (!cl.has("text-cache")) {
    o.text_cache = TextEmbeddingCache::default_directory();
  } else if (cl.get<std::string>("text-cache") != "none") {
    o.text_cache = cl.get<std::string>("text-cache");
  }
  o.predict = !merge;
  const auto outcome = run_suite(o);
  if (outcome.stored_run) {
    std::cout << outcome.summary << "\n";
    std::cerr << "ovbench: stored as run " << *outcome.stored_run << " in " << o.db.string() << "\n";
  }
  return kExitOk;
}

}  // namespace

int run_command(const Args& args) { return suite_command(args, false); }
int merge_command(const Args& args) { return suite_command(args, true); }

}  // namespace ovbench
