#pragma once
// Entry points of the top-level commands (one file each under harness/commands/).

#include <string>
#include <vector>

namespace ovbench {

using Args = std::vector<std::string>;

int eval_command(const Args& args);
int runs_command(const Args& args);
int show_command(const Args& args);
int compare_command(const Args& args);
int gate_command(const Args& args);
int report_command(const Args& args);
int tokenize_command(const Args& args);
int fewshot_command(const Args& args);
int predict_command(const Args& args);
int run_command(const Args& args);
int merge_command(const Args& args);
int demo_command(const Args& args);
int suites_command(const Args& args);

}  // namespace ovbench
