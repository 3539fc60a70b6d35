#include "harness/suites/suite_inputs.h"

#include "core/errors.h"

namespace fs = std::filesystem;

namespace ovbench {
namespace {

std::string join(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).generic_string();
}

// "./coco/val2017/" -> "coco/val2017": one spelling per input, whatever the suite wrote.
std::string tidy(const std::string& path) {
  std::string s = fs::path(path).lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

void add_dataset_inputs(const SuiteDataset& d, std::vector<RequiredInput>& out) {
  auto file = [&](std::string role, std::string path) {
    out.push_back({d.name, std::move(role), tidy(path), false, false});
  };
  auto dir = [&](std::string role, std::string path) {
    out.push_back({d.name, std::move(role), tidy(path), true, false});
  };
  switch (d.evaluator) {
    case SuiteEvaluator::kCoco:
    case SuiteEvaluator::kLvis:
      file("gt", d.paths.gt);
      dir("images", d.paths.images);
      break;
    case SuiteEvaluator::kFlickr30k: {
      const auto& p = std::get<Flickr30kSuiteProtocol>(d.protocol);
      file(p.split + " image list", join(d.paths.entities_root, p.split + ".txt"));
      dir("annotations", join(d.paths.entities_root, "Annotations"));
      dir("sentences", join(d.paths.entities_root, "Sentences"));
      dir("images", d.paths.images);
      break;
    }
    case SuiteEvaluator::kMiou:
      dir("gt labels", d.paths.gt_labels);
      dir("images", d.paths.images);
      if (!d.paths.split_file.empty()) file("split list", d.paths.split_file);
      break;
    case SuiteEvaluator::kOdinw: {
      const auto& p = std::get<OdinwSuiteProtocol>(d.protocol);
      for (const OdinwTask& task : odinw_tasks(p.selection)) {
        const std::string split = odinw_split_of(p, task);
        const fs::path gt = odinw_split_file(task, d.paths.odinw_root, split);
        // GLIP's img_dir is the folder of the annotation file.
        file(task.name + " gt (" + split + ")", gt.generic_string());
        dir(task.name + " images (" + split + ")", gt.parent_path().generic_string());
      }
      break;
    }
  }
  if (d.vocabulary.source == ClassSource::kFile) file("class list", d.vocabulary.list);
  if (d.category_groups.source == GroupSource::kSplitFile) file("category split", d.category_groups.file);
}

}  // namespace

std::string odinw_split_of(const OdinwSuiteProtocol& protocol, const OdinwTask& task) {
  if (protocol.split != "auto") return protocol.split;
  return protocol.shots > 0 ? "test" : task.eval_split;
}

std::vector<RequiredInput> suite_inputs(const Suite& suite) {
  std::vector<RequiredInput> out;
  for (const auto& d : suite.datasets) add_dataset_inputs(d, out);
  return out;
}

std::vector<RequiredInput> check_suite_inputs(const Suite& suite, const fs::path& data_root) {
  std::vector<RequiredInput> out = suite_inputs(suite);
  for (auto& in : out) {
    std::error_code ec;
    const fs::path p = data_root / in.path;
    in.present = in.directory ? fs::is_directory(p, ec) : fs::is_regular_file(p, ec);
  }
  return out;
}

void require_suite_inputs(const Suite& suite, const fs::path& data_root) {
  // One line, as every input error: the first few missing inputs and how many more.
  constexpr std::size_t kNamed = 3;
  std::string named;
  std::size_t count = 0;
  for (const auto& in : check_suite_inputs(suite, data_root)) {
    if (in.present) continue;
    if (++count > kNamed) continue;
    if (!named.empty()) named += "; ";
    named += in.dataset + " " + in.role + " " + in.path + (in.directory ? "/" : "");
  }
  if (count == 0) return;
  if (count > kNamed) {
    named += "; and ";
    named += std::to_string(count - kNamed);
    named += " more";
  }
  const std::string suite_arg = suite.embedded ? suite.name : suite.source;
  throw InputError((data_root / "").string() + ": " + std::to_string(count) + " input" +
                   (count == 1 ? "" : "s") + " of suite '" + suite.name + "' missing: " + named +
                   " (`ovbench suites " + suite_arg + " --data-root DIR` lists them)");
}

}  // namespace ovbench
