// `ovbench demo`: the whole pipeline in seconds with nothing downloaded. Generates a synthetic
// dataset in the real formats (datasets/demo/), a tiny open-vocabulary model as real
// TorchScript files (models/torch/demo_model_builder.h) with model cards, and runs the demo
// suite through the real adapters, evaluators and results store.
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "datasets/demo/shapes_demo_writer.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/run/suite_run.h"
#include "models/torch_plugin.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

void write_card(const std::filesystem::path& path, const nlohmann::ordered_json& card) {
  write_file_atomically(path, card.dump(2) + "\n");
}

// The demo model sees RGB in 0..1, upscaled 1.5x with Pillow's bilinear filter the way
// detectron2 resizes (so box rescaling to the original image is exercised too).
nlohmann::ordered_json demo_preprocess(bool resize) {
  nlohmann::ordered_json p;
  if (resize) p["resize"] = {{"rule", "detectron2_shortest_edge"}, {"filter", "pil_bilinear"}, {"short_edge", 216}, {"max_size", 400}};
  p["channel_order"] = "rgb";
  p["pixel_range"] = "0-1";
  p["mean"] = {0.0, 0.0, 0.0};
  p["std"] = {1.0, 1.0, 1.0};
  return p;
}

void write_demo_cards(const std::filesystem::path& dir) {
  write_card(dir / "demo-regionclip.json",
             {{"name", "demo-shapes-regionclip"},
              {"adapter", "regionclip"},
              {"description", "ovbench demo: colour/shape regions scored RegionCLIP-style"},
              {"files", {{"image_module", "demo_regions.pt"}, {"text_module", "demo_text.pt"}}},
              {"preprocess", demo_preprocess(true)},
              {"text", {{"templates", "single"}}},
              {"protocol", {{"score_threshold", 0.001}}}});
  write_card(dir / "demo-denseclip.json",
             {{"name", "demo-shapes-denseclip"},
              {"adapter", "denseclip"},
              {"description", "ovbench demo: per-pixel colour logits, DenseCLIP-style sliding window"},
              {"files", {{"module", "demo_segmenter.pt"}, {"text_module", "demo_text.pt"}}},
              {"preprocess", demo_preprocess(false)},
              {"text", {{"templates", "single"}}},
              {"protocol", {{"crop_size", 128}, {"stride", 96}}}});
}

}  // namespace

int demo_command(const Args& args) {
  CommandLine cl("ovbench demo", "ovbench demo [--out DIR]",
                 "Generates, deterministically, a small synthetic benchmark (coloured shapes: COCO-style\n"
                 "detection with a base/novel split, LVIS-style r/c/f categories, Flickr30K Entities-style\n"
                 "captions, PNG label maps) and a tiny open-vocabulary model as TorchScript files, then runs\n"
                 "the demo suite through the real adapters, evaluators and SQLite store. Everything is\n"
                 "written under DIR/ovbench-demo (DIR defaults to the current directory).",
                 "  ovbench demo --out /tmp\n  ovbench runs --db /tmp/ovbench-demo/ovbench.db\n");
  cl.add_options()("out", po::value<std::string>()->default_value(".")->value_name("DIR"), "where ovbench-demo/ goes");
  if (!cl.parse(args)) return kExitOk;
  const auto root = std::filesystem::absolute(cl.get<std::string>("out")) / "ovbench-demo";
  const auto data = root / "data", model = root / "model", work = root / "work";
  const auto db = root / "ovbench.db";
  // A demo starts fresh: its journals would otherwise let it skip all the work, and its store
  // would collect a pair of identical runs per invocation.
  std::filesystem::remove_all(work);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  const auto summary = demo::write_shapes_demo_data(data, demo::ShapesDemoOptions{});
  std::cerr << "demo: " << summary.images << " images, " << summary.annotations << " boxes, " << summary.phrases
            << " phrases written to " << data.string() << "\n";
  torch_plugin().write_demo_models(model);
  write_demo_cards(model);
  std::cerr << "demo: TorchScript model and cards written to " << model.string() << "\n";

  // The region card does detection and grounding, the DenseCLIP-style one segmentation.
  for (const char* tag : {"demo-regionclip", "demo-denseclip"}) {
    SuiteRunOptions o;
    o.suite = "demo";
    o.model_card = model / (std::string(tag) + ".json");
    o.data_root = data;
    o.db = db;
    o.work_dir = work;
    o.text_cache = root / "text-cache";
    o.tag = tag;
    const auto outcome = run_suite(o);
    if (outcome.stored_run) {
      std::cout << "\n" << o.tag << " (run " << *outcome.stored_run << "):\n" << outcome.summary << "\n";
    }
  }
  const auto report = root / "report.html";
  if (report_command({"--db", db.string(), "--out", report.string()}) != kExitOk)
    throw std::runtime_error("demo: the report could not be written");
  std::cout << "\nreport: " << report.string() << " (one self-contained HTML file)\n"
            << "results store: " << db.string() << "\n"
            << "  ovbench runs --db " << db.string() << "\n"
            << "  ovbench show demo-regionclip --db " << db.string() << "\n"
            << "data: " << data.string() << "\nmodel cards: " << model.string() << "\n";
  return kExitOk;
}

}  // namespace ovbench
