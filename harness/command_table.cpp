// The list of top-level commands. Each command lives in harness/commands/<name>_command.cpp
// and is declared in harness/commands/commands.h; add one line here to expose a new one.

#include "harness/cli.h"
#include "harness/commands/commands.h"

namespace ovbench {

const std::vector<Command>& top_level_commands() {
  static const std::vector<Command> table = {
      {"eval", "score prediction files: coco, lvis, flickr30k, miou, odinw", eval_command},
      {"demo", "the whole pipeline on generated data and a generated TorchScript model", demo_command},
      {"run", "run a suite against a model card: predict, score, store (resumable, shardable)",
       run_command},
      {"merge", "score and store a sharded run once every shard has finished", merge_command},
      {"predict", "run a model card over a dataset: COCO results, grounding JSON, label maps",
       predict_command},
      {"runs", "list the runs in a results store (SQLite)", runs_command},
      {"show", "print one stored run: provenance and metrics", show_command},
      {"compare", "is run B better than run A? paired bootstrap differences", compare_command},
      {"gate", "fail CI on a regression: rules against a baseline, JUnit and Markdown", gate_command},
      {"report", "the results store as one self-contained HTML page: leaderboards, curves", report_command},
      {"tokenize", "the token ids of a prompt: CLIP BPE or BERT WordPiece", tokenize_command},
      {"fewshot", "write GLIP's k-shot training subset of a COCO file (seeded like CPython)",
       fewshot_command},
      {"suites", "the benchmark suites: datasets, what each needs on disk, and what is there",
       suites_command},
  };
  return table;
}

}  // namespace ovbench
