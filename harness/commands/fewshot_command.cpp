// `ovbench fewshot`: GLIP's k-shot training subset of a COCO file, reproduced exactly.

#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/file_reader.h"
#include "datasets/cpu_features.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/fewshot_sampler.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/json_output.h"

namespace po = boost::program_options;

namespace ovbench {
namespace {

CommandLine make_command_line() {
  CommandLine cl(
      "ovbench fewshot", "ovbench fewshot --gt TRAIN.json --shots K --seed S --out FILE",
      "Writes the k-shot training subset GLIP's few-shot fine-tuning trains on (microsoft/GLIP\n"
      "maskrcnn_benchmark/data/datasets/coco.py, DATASETS.FEW_SHOT = K, DATASETS.SHUFFLE_SEED = "
      "S):\n"
      "sorted image ids, images without a valid box dropped, shuffled with CPython's\n"
      "random.Random(S).shuffle unless S is 0, then every image kept that still serves a category\n"
      "with fewer than K images. The output is the input with only those images and their\n"
      "annotations (records and other keys unchanged, file order kept), written atomically.\n"
      "--dataset-class grounding reproduces CocoGrounding (the '_grounding' datasets of the\n"
      "README's ODinW commands), which ignores the seed.",
      "  ovbench fewshot --gt odinw/pothole/train/annotations_without_background.json \\\n"
      "      --shots 5 --seed 30 --out pothole_train_5shot_seed30.json\n");
  cl.add_options()("gt", po::value<std::string>()->value_name("TRAIN.json"),
                   "COCO training annotations (.json or gzipped)")(
      "shots", po::value<int>()->value_name("K"), "images per category (GLIP: 1, 3, 5, 10)")(
      "seed", po::value<long long>()->value_name("S"),
      "shuffle seed (GLIP: 3, 30, 300); 0 keeps the sorted order")(
      "out", po::value<std::string>()->value_name("FILE"), "where to write the subset (COCO json)")(
      "dataset-class",
      po::value<std::string>()->default_value("coco")->value_name("coco|grounding"),
      "coco: COCODataset (shuffles; one quota per category); grounding: CocoGrounding (no shuffle; "
      "quota list as long as the largest category id)")(
      "json", po::value<std::string>()->value_name("PATH|-"),
      "also write the selection (image ids in GLIP's scan order, counts) as JSON to PATH or '-' "
      "for stdout");
  return cl;
}

// The records of `section` whose id (or image_id) is in `keep`, in file order.
nlohmann::ordered_json filter_records(const nlohmann::ordered_json& section, const char* key,
                                      const std::unordered_set<std::int64_t>& keep) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& record : section) {
    if (keep.count(record.at(key).get<std::int64_t>())) out.push_back(record);
  }
  return out;
}

}  // namespace

int fewshot_command(const Args& args) {
  CommandLine cl = make_command_line();
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("gt")) cl.fail("--gt TRAIN.json is required");
  if (!cl.has("shots")) cl.fail("--shots K is required");
  if (!cl.has("seed")) cl.fail("--seed S is required (0 keeps the sorted order)");
  if (!cl.has("out")) cl.fail("--out FILE is required");
  FewShotOptions options;
  options.shots = cl.get<int>("shots");
  if (options.shots < 1)
    cl.fail("--shots must be at least 1, not " + std::to_string(options.shots));
  options.seed = cl.get<long long>("seed");
  const std::string dataset_class = cl.get<std::string>("dataset-class");
  if (dataset_class == "coco") {
    options.dataset_class = FewShotDatasetClass::kCocoDataset;
  } else if (dataset_class == "grounding") {
    options.dataset_class = FewShotDatasetClass::kCocoGrounding;
  } else {
    cl.fail("--dataset-class must be coco or grounding, not '" + dataset_class + "'");
  }
  const std::string gt_path = cl.get<std::string>("gt");
  const std::string out_path = cl.get<std::string>("out");
  options.gt_name = gt_path;

  require_json_reader_cpu();
  // The validating reader first: every problem named by section, record and field.
  const std::string bytes = read_file(gt_path);
  DatasetReadOptions read_options;
  read_options.keep_segmentation = false;
  const DetectionDataset gt = parse_detection_dataset(bytes, gt_path, read_options);
  const std::vector<std::int64_t> selected = select_fewshot_images(gt, options);

  // Then a generic parse to copy the kept records unchanged (extra fields, info, licenses).
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(bytes);
  const std::unordered_set<std::int64_t> keep(selected.begin(), selected.end());
  doc["images"] = filter_records(doc.at("images"), "id", keep);
  if (doc.contains("annotations")) {
    doc["annotations"] = filter_records(doc.at("annotations"), "image_id", keep);
  }
  write_file_atomically(out_path, doc.dump() + "\n");

  const std::size_t annotations = doc.contains("annotations") ? doc["annotations"].size() : 0;
  const std::string json_target = cl.has("json") ? cl.get<std::string>("json") : "";
  std::ostream& human = json_target == "-" ? std::cerr : std::cout;
  human << "ovbench fewshot: kept " << selected.size() << " of " << gt.images.size() << " images ("
        << annotations << " annotations) for " << options.shots << "-shot, seed " << options.seed
        << " -> " << out_path << "\n";
  human.flush();
  if (!json_target.empty()) {
    nlohmann::ordered_json j;
    j["gt"] = gt_path;
    j["out"] = out_path;
    j["shots"] = options.shots;
    j["seed"] = options.seed;
    j["dataset_class"] = dataset_class;
    j["images_in"] = gt.images.size();
    j["images_selected"] = selected.size();
    j["annotations_selected"] = annotations;
    j["image_ids"] = selected;  // GLIP's self.ids: the training order before the loader shuffles
    write_json_output(json_target, j);
  }
  return kExitOk;
}

}  // namespace ovbench
