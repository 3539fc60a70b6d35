// `ovbench suites`: the benchmark suites this binary carries (or a suite file), what each
// dataset reads from disk, and with --data-root which of those files are there.

#include <iostream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/json_output.h"
#include "harness/suites/suite_inputs.h"
#include "harness/suites/suite_json.h"
#include "harness/suites/suite_loader.h"
#include "reports/text_table.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace ovbench {
namespace {

using Json = nlohmann::ordered_json;

// A dataset with more inputs than this (ODinW: two per task) is summarised in the listing.
constexpr std::size_t kListedInputs = 6;

CommandLine make_command_line() {
  CommandLine cl(
      "ovbench suites", "ovbench suites [SUITE] [--data-root DIR] [--json]",
      "Lists the benchmark suites built into ovbench: their datasets (task, evaluator, the\n"
      "numbers the leaderboard shows) and the files and folders each reads, relative to the\n"
      "data root. With --data-root DIR every one of them is looked up under DIR and marked ok or\n"
      "MISSING, which is what `ovbench run` checks before any inference. With SUITE, one suite\n"
      "in full: paths, vocabulary, category groups and protocol parameters with their defaults.\n"
      "SUITE is a built-in name or a path to your own suite file (one containing '/' or ending in\n"
      ".json); the schema is docs/suites.md, and a file that breaks it is an error naming the\n"
      "file and the JSON path.",
      "  ovbench suites                                   # every built-in suite\n"
      "  ovbench suites --data-root /data                 # ... and which inputs /data holds\n"
      "  ovbench suites ov-coco --data-root /data         # one suite in full\n"
      "  ovbench suites ./my-suite.json --json            # check your own suite file\n"
      "  ovbench suites demo --data-root demo-data --json # machine-readable\n");
  cl.add_options()
      ("suite", po::value<std::string>()->value_name("SUITE"), "a built-in suite name, or a suite file (PATH.json)")
      ("data-root", po::value<std::string>()->value_name("DIR"), "check each input under DIR (suite paths are relative to it)")
      ("json", po::bool_switch(), "print JSON on stdout: the suites in the schema of docs/suites.md, defaults filled, with their inputs");
  cl.add_positional("suite", 1);
  return cl;
}

std::string first_sentence(const std::string& text) {
  constexpr std::size_t kWidth = 100;
  std::string s = text.substr(0, text.find(". "));
  if (s.size() > kWidth) s = s.substr(0, kWidth - 3) + "...";
  return s;
}

std::string headline_text(const SuiteDataset& d) {
  std::string out;
  for (const auto& h : d.headline) {
    if (!out.empty()) out += ", ";
    out += h.label();
  }
  return out;
}

std::string input_text(const RequiredInput& in) { return in.path + (in.directory ? "/" : ""); }

// "key value, key value" for a flat JSON object, as the one-suite view prints protocols.
std::string flat_text(const Json& object) {
  std::string out;
  for (const auto& item : object.items()) {
    if (!out.empty()) out += ", ";
    out += item.key();
    out += " ";
    out += item.value().is_string() ? item.value().get<std::string>() : item.value().dump();
  }
  return out;
}

std::string groups_text(const Json& groups) {
  if (groups.is_object()) return "from " + groups.at("file").get<std::string>() + " (base, novel, all)";
  const std::string s = groups.get<std::string>();
  if (s == "none") return "none";
  return s + (s == "lvis-frequency" ? " (rare, common, frequent)" : " (base, novel, all)");
}

std::string classes_text(const Json& vocabulary) {
  const Json& c = vocabulary.at("classes");
  const std::string classes = c.is_object() ? "from " + c.at("file").get<std::string>() : c.get<std::string>();
  return "classes " + classes + ", templates " + vocabulary.at("templates").get<std::string>();
}

std::vector<RequiredInput> inputs_of(const Suite& suite, const std::optional<fs::path>& root) {
  return root ? check_suite_inputs(suite, *root) : suite_inputs(suite);
}

Json suite_output_json(const Suite& suite, const std::optional<fs::path>& root) {
  Json j = suite_to_json(suite);
  j["source"] = suite.source;
  j["embedded"] = suite.embedded;
  j["content_hash"] = suite.content_hash;
  Json inputs = Json::array();
  std::size_t missing = 0;
  for (const auto& in : inputs_of(suite, root)) {
    Json i{{"dataset", in.dataset}, {"role", in.role}, {"path", in.path},
           {"kind", in.directory ? "dir" : "file"}};
    if (root) {
      i["present"] = in.present;
      missing += in.present ? 0 : 1;
    }
    inputs.push_back(i);
  }
  j["inputs"] = inputs;
  if (root) j["missing"] = missing;
  return j;
}

void print_inputs(std::ostream& out, const std::vector<RequiredInput>& inputs,
                  const std::string& dataset, bool checked, const std::string& indent) {
  TextTable table(checked ? std::vector<std::string>{"input", "path", "on disk"}
                          : std::vector<std::string>{"input", "path"});
  for (const auto& in : inputs) {
    if (in.dataset != dataset) continue;
    if (checked) {
      table.add_row({in.role, input_text(in), in.present ? "ok" : "MISSING"});
    } else {
      table.add_row({in.role, input_text(in)});
    }
  }
  const std::string text = table.render();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out << indent << text.substr(start, end - start) << "\n";
    start = end + 1;
  }
}

std::string missing_text(const std::vector<RequiredInput>& inputs, const std::string& dataset) {
  std::size_t total = 0, missing = 0;
  for (const auto& in : inputs) {
    if (dataset.empty() || in.dataset == dataset) {
      ++total;
      missing += in.present ? 0 : 1;
    }
  }
  if (missing == 0) return "ready";
  return std::to_string(missing) + " of " + std::to_string(total) + " inputs missing";
}

void print_listing(std::ostream& out, const std::vector<Suite>& suites,
                   const std::optional<fs::path>& root) {
  out << suites.size() << " suites";
  if (root) out << ", inputs checked under " << root->string();
  out << " (`ovbench suites SUITE` shows one in full)\n";
  for (const Suite& suite : suites) {
    const auto inputs = inputs_of(suite, root);
    out << "\n" << suite.name;
    if (root) out << "  [" << missing_text(inputs, "") << "]";
    out << "\n  " << first_sentence(suite.description) << "\n";
    for (const auto& d : suite.datasets) {
      out << "  dataset " << d.name << ": " << suite_task_name(d.task) << " / "
          << suite_evaluator_name(d.evaluator) << "; headline " << headline_text(d) << "\n";
      std::size_t count = 0;
      for (const auto& in : inputs) count += in.dataset == d.name ? 1 : 0;
      if (count <= kListedInputs) {
        print_inputs(out, inputs, d.name, root.has_value(), "    ");
      } else {
        out << "    " << count << " inputs under " << d.paths.odinw_root << "/";
        if (root) out << " (" << missing_text(inputs, d.name) << ")";
        out << ": `ovbench suites " << suite.name << "` lists them\n";
      }
    }
  }
}

void print_suite(std::ostream& out, const Suite& suite, const std::optional<fs::path>& root) {
  const auto inputs = inputs_of(suite, root);
  out << "suite " << suite.name << " (" << (suite.embedded ? "built in, " : "") << suite.source
      << ", " << suite.content_hash << ")\n" << suite.description << "\n";
  if (root) out << "inputs under " << root->string() << ": " << missing_text(inputs, "") << "\n";
  for (const auto& d : suite.datasets) {
    const Json j = suite_dataset_to_json(d);
    out << "\ndataset " << d.name << "\n";
    if (!d.description.empty()) out << "  " << d.description << "\n";
    out << "  task        " << suite_task_name(d.task) << ", scored by "
        << suite_evaluator_name(d.evaluator) << "\n";
    out << "  vocabulary  " << classes_text(j.at("vocabulary")) << "\n";
    out << "  groups      " << groups_text(j.at("category_groups")) << "\n";
    out << "  protocol    " << flat_text(j.at("protocol")) << "\n";
    out << "  headline    " << headline_text(d) << "\n";
    out << "  inputs\n";
    print_inputs(out, inputs, d.name, root.has_value(), "    ");
  }
}

}  // namespace

int suites_command(const Args& args) {
  CommandLine cl = make_command_line();
  if (!cl.parse(args)) return kExitOk;
  std::optional<fs::path> root;
  if (cl.has("data-root")) {
    root = fs::path(cl.get<std::string>("data-root"));
    if (!fs::is_directory(*root)) {
      throw InputError(root->string() + ": --data-root is not a directory");
    }
  }
  const bool json = cl.get<bool>("json");
  if (cl.has("suite")) {
    const Suite suite = load_suite(cl.get<std::string>("suite"));
    if (json) {
      Json j = suite_output_json(suite, root);
      if (root) j["data_root"] = root->string();
      write_json_output("-", j);
    } else {
      print_suite(std::cout, suite, root);
    }
    return kExitOk;
  }
  std::vector<Suite> suites;
  for (const auto& name : list_suite_names()) suites.push_back(load_suite(name));
  if (json) {
    Json j;
    j["data_root"] = root ? Json(root->string()) : Json(nullptr);
    Json list = Json::array();
    for (const auto& s : suites) list.push_back(suite_output_json(s, root));
    j["suites"] = list;
    write_json_output("-", j);
  } else {
    print_listing(std::cout, suites, root);
  }
  return kExitOk;
}

}  // namespace ovbench
