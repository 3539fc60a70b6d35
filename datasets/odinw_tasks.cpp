#include "datasets/odinw_tasks.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.h"
#include "core/resources.h"

namespace ovbench {
namespace {

const nlohmann::json& odinw_data() {
  static const nlohmann::json data =
      nlohmann::json::parse(resource("datasets/data/odinw_tasks.json"));
  return data;
}

OdinwTask make_task(const std::string& name, const std::string& config) {
  const auto& entry = odinw_data().at("tasks").at(name);
  const auto& c = entry.at("configs").at(config);
  OdinwTask t;
  t.name = name;
  if (entry.at("paper_name").is_string()) t.paper_name = entry.at("paper_name").get<std::string>();
  t.config = config;
  for (const auto& cat : c.at("categories")) {
    t.categories.push_back({cat.at("id").get<std::int64_t>(), cat.at("name").get<std::string>()});
  }
  t.glip_prompt = c.at("glip_prompt").get<std::string>();
  t.eval_split = c.at("eval_split").get<std::string>();
  for (const auto& [split, path] : c.at("splits").items()) t.splits[split] = path.get<std::string>();
  t.fewshot_dir = c.at("fewshot_dir").get<std::string>();
  return t;
}

// Config name for a user-given name: itself, or the config whose paper name it is.
std::string canonical_name(const std::string& given) {
  const auto& tasks = odinw_data().at("tasks");
  if (tasks.contains(given)) return given;
  for (const auto& t : odinw_data().at("odinw13")) {
    if (t.at("paper_name").get<std::string>() == given) return t.at("task").get<std::string>();
  }
  throw UsageError("unknown ODinW task '" + given +
                   "' (see docs/odinw.md, or --tasks odinw13|odinw35 for the lists)");
}

}  // namespace

std::vector<std::string> odinw_task_names(const std::string& list) {
  std::vector<std::string> names;
  if (list == "odinw13") {
    for (const auto& t : odinw_data().at("odinw13")) names.push_back(t.at("task").get<std::string>());
  } else if (list == "odinw35") {
    for (const auto& t : odinw_data().at("odinw35")) names.push_back(t.get<std::string>());
  } else {
    throw UsageError("unknown ODinW task list '" + list + "' (odinw13 or odinw35)");
  }
  return names;
}

std::vector<OdinwTask> odinw_tasks(const std::string& selection) {
  std::vector<OdinwTask> tasks;
  if (selection == "odinw13" || selection == "odinw35") {
    const std::string config = selection == "odinw13" ? "odinw_13" : "odinw_35";
    for (const auto& name : odinw_task_names(selection)) tasks.push_back(make_task(name, config));
    return tasks;
  }
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= selection.size()) {
    std::size_t comma = selection.find(',', start);
    if (comma == std::string::npos) comma = selection.size();
    const std::string given = selection.substr(start, comma - start);
    start = comma + 1;
    if (given.empty()) throw UsageError("empty task name in '" + selection + "'");
    const std::string name = canonical_name(given);
    if (!seen.insert(name).second) throw UsageError("task '" + name + "' is listed twice");
    // Every ODinW-13 task is also an ODinW-35 task; a hand-picked list uses the newer prompts.
    tasks.push_back(make_task(name, "odinw_35"));
  }
  return tasks;
}

std::filesystem::path odinw_split_file(const OdinwTask& task, const std::filesystem::path& root,
                                       const std::string& split) {
  const auto it = task.splits.find(split);
  if (it == task.splits.end()) {
    std::string known;
    for (const auto& [name, path] : task.splits) known += (known.empty() ? "" : ", ") + name;
    throw UsageError("ODinW task '" + task.name + "' has no split '" + split + "' (it has " +
                     known + ")");
  }
  return root / it->second;
}

std::filesystem::path odinw_fewshot_train_file(const OdinwTask& task,
                                               const std::filesystem::path& root, int shots,
                                               std::int64_t seed) {
  return root / task.fewshot_dir /
         ("fewshot_train_shot" + std::to_string(shots) + "_seed" + std::to_string(seed) + ".json");
}

}  // namespace ovbench
