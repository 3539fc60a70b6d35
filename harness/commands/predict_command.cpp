// `ovbench predict`: runs a model card over a dataset and writes its predictions in the
// standard formats, for `ovbench eval` or any reference tool to score.
#include <iostream>

#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/predict/prediction_passes.h"
#include "models/cards/model_card.h"
#include "models/text/text_embedding_cache.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

std::filesystem::path text_cache_dir(const CommandLine& cl) {
  if (!cl.has("text-cache")) return TextEmbeddingCache::default_directory();
  const std::string v = cl.get<std::string>("text-cache");
  return v == "none" ? std::filesystem::path() : std::filesystem::path(v);
}

void print_report(const std::string& what, const PassReport& r, std::size_t written) {
  std::cerr << "predict: " << r.loop.images << " images";
  if (r.loop.skipped) std::cerr << " (" << r.loop.skipped << " bad images skipped)";
  std::cerr << " in " << r.loop.seconds << " s";
  if (r.loop.seconds > 0) std::cerr << " (" << static_cast<double>(r.loop.images) / r.loop.seconds << " images/s)";
  std::cerr << "; " << written << " " << what;
  if (r.prepare.text_source == "text_module")
    std::cerr << "; text embeddings " << (r.prepare.text_from_cache ? "from the cache" : "computed") << " ("
              << r.prepare.text_forward_calls << " encode_text calls)";
  std::cerr << "\n";
}

}  // namespace

int predict_command(const Args& args) {
  CommandLine cl(
      "ovbench predict",
      "ovbench predict --model CARD.json --dataset DATASET --images DIR --out FILE|DIR [options]",
      "Runs the model a card describes (docs/models.md) over a dataset and writes predictions:\n"
      "  --task detect   DATASET is a COCO/LVIS instances JSON; writes COCO results JSON\n"
      "  --task ground   DATASET is a Flickr30K Entities root (with --split); writes MDETR's\n"
      "                  grounding JSON (ranked boxes per evaluable phrase)\n"
      "  --task segment  DATASET is a class list (ade20k-150, pascal-context-59, coco-stuff-171\n"
      "                  or a file); every image in --images gets a PNG label map in --out DIR\n"
      "Images are decoded and preprocessed on worker threads ahead of the model. Class text\n"
      "embeddings are cached (keyed by the text module's content, tokenizer and prompts), so a\n"
      "second run over the same vocabulary runs no text forward pass.",
      "  ovbench predict --model cards/regionclip.json --dataset instances_val2017.json \\\n"
      "      --images val2017 --groups ov-coco --out results.json\n"
      "  ovbench eval coco --gt instances_val2017.json --pred results.json --groups ov-coco\n");
  cl.add_options()
      ("model", po::value<std::string>()->value_name("CARD.json"), "the model card")
      ("dataset", po::value<std::string>()->value_name("DATASET"), "instances JSON, Flickr root or class list (see --task)")
      ("images", po::value<std::string>()->value_name("DIR"), "the images directory")
      ("task", po::value<std::string>()->default_value("detect")->value_name("detect|ground|segment"), "what to predict")
      ("out", po::value<std::string>()->value_name("FILE|DIR"), "predictions file (detect, ground) or directory (segment)")
      ("split", po::value<std::string>()->default_value("val")->value_name("val|test|..."), "Flickr30K Entities split (ground)")
      ("groups", po::value<std::string>()->value_name("ov-coco|FILE"), "category groups; a group named novel marks novel classes (ViLD's ensemble)")
      ("device", po::value<std::string>()->default_value("cpu")->value_name("cpu|cuda[:N]"), "where the model runs")
      ("half", po::bool_switch(), "half precision (CUDA only)")
      ("limit", po::value<long long>()->value_name("N"), "only the first N images")
      ("skip-bad-images", po::bool_switch(), "skip (and count) missing or corrupt images instead of failing")
      ("threads", po::value<int>()->default_value(0)->value_name("N"), "decode/preprocess workers (0: one per core)")
      ("text-cache", po::value<std::string>()->value_name("DIR|none"), "text-embedding cache (default ~/.cache/ovbench/text-embeddings)");
  if (!cl.parse(args)) return kExitOk;
  for (const char* required : {"model", "dataset", "images", "out"})
    if (!cl.has(required)) cl.fail(std::string("--") + required + " is required");
  const std::string task = cl.get<std::string>("task");
  if (task != "detect" && task != "ground" && task != "segment")
    cl.fail("--task must be detect, ground or segment, not '" + task + "'");

  PassOptions options;
  options.device = parse_device_spec(cl.get<std::string>("device"));
  options.device.half = cl.get<bool>("half");
  if (options.device.half && !options.device.cuda) cl.fail("--half needs --device cuda");
  options.text_cache = text_cache_dir(cl);
  options.skip_bad_images = cl.get<bool>("skip-bad-images");
  options.threads = cl.get<int>("threads");
  const long long limit = cl.has("limit") ? cl.get<long long>("limit") : 0;
  if (cl.has("limit") && limit < 1) cl.fail("--limit must be at least 1");

  const ModelCard card = load_model_card(cl.get<std::string>("model"));
  const std::filesystem::path out = cl.get<std::string>("out");
  const std::string dataset = cl.get<std::string>("dataset"), images = cl.get<std::string>("images");
  if (task == "detect") {
    auto inputs = detection_inputs(dataset, images, cl.has("groups") ? cl.get<std::string>("groups") : "");
    limit_images(inputs, limit);
    const auto pass = run_detection_pass(card, inputs, options);
    const auto detections = pass.flattened();
    write_coco_results(out, detections);
    print_report("detections written to " + out.string(), pass.report, detections.size());
  } else if (task == "ground") {
    auto inputs = grounding_inputs(dataset, cl.get<std::string>("split"), images);
    limit_images(inputs, limit);
    inputs.queries.resize(inputs.images.size());
    const auto pass = run_grounding_pass(card, inputs, options);
    const auto records = pass.flattened();
    write_grounding_results(out, records);
    print_report("sentences written to " + out.string(), pass.report, records.size());
  } else {
    auto inputs = segmentation_inputs(dataset, images);
    limit_images(inputs, limit);
    // Maps go to a side folder and move into --out only once all are written, so a failed run
    // leaves no half set of label maps there.
    const std::filesystem::path partial = out.string() + ".partial";
    std::filesystem::remove_all(partial);
    const auto pass = run_segmentation_pass(card, inputs, partial, options);
    std::filesystem::create_directories(out);
    for (const auto& map : pass.written) std::filesystem::rename(map, out / map.filename());
    std::filesystem::remove_all(partial);
    print_report("label maps written to " + out.string(), pass.report, pass.written.size());
  }
  return kExitOk;
}

}  // namespace ovbench
