#include "harness/run/suite_run.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <set>

#include "core/atomic_file.h"
#include "core/content_hash.h"
#include "core/errors.h"
#include "harness/predict/prediction_passes.h"
#include "harness/run/dataset_scoring.h"
#include "harness/run/prediction_journal.h"
#include "harness/store/results_store.h"
#include "harness/suites/suite_inputs.h"
#include "harness/suites/suite_loader.h"
#include "harness/suites/suite_vocabulary.h"
#include "models/adapters/adapter_factory.h"
#include "models/cards/model_card.h"
#include "models/torch_plugin.h"
#include "reports/text_table.h"

namespace ovbench {
namespace {

const char* task_name(SuiteTask t) {
  return t == SuiteTask::kDetect ? "detect" : t == SuiteTask::kGround ? "ground" : "segment";
}
const char* evaluator_name(SuiteEvaluator e) {
  switch (e) {
    case SuiteEvaluator::kCoco: return "coco";
    case SuiteEvaluator::kLvis: return "lvis";
    case SuiteEvaluator::kFlickr30k: return "flickr30k";
    case SuiteEvaluator::kMiou: return "miou";
    default: return "odinw";
  }
}

struct PlannedDataset {
  const SuiteDataset* dataset = nullptr;
  ModelCard card;  // the card, with the suite's prompt templates when it names them
  DetectionInputs detect;
  GroundingInputs ground;
  SegmentationInputs segment;
  std::vector<std::string> image_ids;
  std::vector<CategoryGroup> groups;
  std::vector<std::string> class_names;
  std::string key;
  std::filesystem::path dir;
  std::filesystem::path gt_path;  // hashed into the provenance
};

std::vector<ImageJob>& images_of(PlannedDataset& p) {
  return p.dataset->task == SuiteTask::kDetect ? p.detect.images
         : p.dataset->task == SuiteTask::kGround ? p.ground.images : p.segment.images;
}

SegmentationInputs segmentation_inputs_for(const SuiteDataset& d, const std::filesystem::path& root,
                                           const std::vector<std::string>& names) {
  SegmentationInputs inputs;
  for (std::size_t i = 0; i < names.size(); ++i)
    inputs.vocabulary.entries.push_back(VocabularyEntry{static_cast<std::int64_t>(i), names[i], {}, false, 0});
  std::vector<std::filesystem::path> labels;
  for (const auto& e : std::filesystem::directory_iterator(root / d.paths.gt_labels))
    if (e.is_regular_file() && e.path().extension() == ".png") labels.push_back(e.path());
  std::sort(labels.begin(), labels.end());
  std::int64_t index = 0;
  for (const auto& label : labels) {
    ImageJob job;
    job.image_id = index++;
    job.id_text = label.stem().string();
    job.file_name = label.stem().string() + d.paths.image_suffix;
    job.path = root / d.paths.images / job.file_name;
    inputs.images.push_back(std::move(job));
  }
  return inputs;
}

PlannedDataset plan_dataset(const SuiteDataset& d, const Suite& suite, const ModelCard& card,
                            const std::vector<std::string>& checkpoint_hashes, const SuiteRunOptions& o) {
  PlannedDataset p;
  p.dataset = &d;
  p.card = card;
  if (d.vocabulary.templates != "none") p.card.text.templates = d.vocabulary.templates;
  const auto& root = o.data_root;
  if (d.task == SuiteTask::kDetect) {
    p.gt_path = root / d.paths.gt;
    DatasetReadOptions read;
    read.require_lvis_fields = d.evaluator == SuiteEvaluator::kLvis;
    read.keep_segmentation = false;  // only images and categories are needed here
    p.detect = detection_inputs(p.gt_path, root / d.paths.images, "", read);
    p.groups = suite_category_groups(d, p.detect.categories, root);
    std::set<std::int64_t> novel;
    for (const auto& g : p.groups)
      if (g.name == "novel") novel.insert(g.category_ids.begin(), g.category_ids.end());
    for (auto& e : p.detect.vocabulary.entries) e.novel = novel.count(e.id) > 0;
  } else if (d.task == SuiteTask::kGround) {
    const auto& proto = std::get<Flickr30kSuiteProtocol>(d.protocol);
    p.gt_path = root / d.paths.entities_root / (proto.split + ".txt");
    p.ground = grounding_inputs(root / d.paths.entities_root, proto.split, root / d.paths.images);
  } else {
    p.class_names = suite_class_names(d, root);
    p.segment = segmentation_inputs_for(d, root, p.class_names);
  }
  limit_images(p.detect, o.limit);
  limit_images(p.ground, o.limit);
  limit_images(p.segment, o.limit);
  p.ground.queries.resize(p.ground.images.size());
  for (const auto& job : images_of(p)) p.image_ids.push_back(job.id_text);
  // The journal key: what the predictions depend on, and not the shard count.
  std::string identity = "card " + card.content_hash + "\ntemplates " + p.card.text.templates;
  for (const auto& h : checkpoint_hashes) identity += "\nfile " + h;
  identity += "\nsuite " + suite.content_hash + "\ndataset " + d.name + "\nroot " +
              std::filesystem::absolute(root).lexically_normal().string() + "\nlimit " + std::to_string(o.limit);
  if (!p.gt_path.empty() && std::filesystem::is_regular_file(p.gt_path)) identity += "\ngt " + file_content_hash(p.gt_path);
  p.key = content_hash(identity).substr(std::string("fnv1a64:").size());
  p.dir = o.work_dir / (d.name + "-" + p.key);
  return p;
}

nlohmann::json detections_payload(const std::vector<Detection>& ds) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& d : ds)
    a.push_back({d.category_id, d.bbox.x, d.bbox.y, d.bbox.w, d.bbox.h, d.score});
  return a;
}

void predict_dataset(PlannedDataset& p, const SuiteRunOptions& o) {
  PredictionJournal journal(p.dir, "shard-" + std::to_string(o.shard.index) + "-of-" + std::to_string(o.shard.count) + ".jsonl",
                            p.image_ids);
  // This shard's images that no process has finished yet.
  std::vector<std::size_t> todo;
  std::size_t owned = 0;
  for (std::size_t i = 0; i < p.image_ids.size(); ++i) {
    if (!o.shard.owns(i)) continue;
    ++owned;
    if (!journal.done(i)) todo.push_back(i);
  }
  std::cerr << "run: " << p.dataset->name << ": " << owned - todo.size() << "/" << owned
            << " images of shard " << o.shard.to_string() << " already predicted\n";
  if (todo.empty()) return;
  PassOptions pass;
  pass.device = o.device;
  pass.text_cache = o.text_cache;
  pass.skip_bad_images = o.skip_bad_images;
  pass.threads = o.threads;
  pass.label = p.dataset->name;
  auto subset = [&](const std::vector<ImageJob>& all) {
    std::vector<ImageJob> jobs;
    for (const auto i : todo) jobs.push_back(all[i]);
    return jobs;
  };
  std::vector<std::pair<std::size_t, nlohmann::json>> lines;
  if (p.dataset->task == SuiteTask::kDetect) {
    DetectionInputs in{subset(p.detect.images), p.detect.vocabulary, p.detect.categories};
    pass.on_detections = [&](const auto& done) {
      lines.clear();
      for (const auto& [k, ds] : done) lines.emplace_back(todo[k], detections_payload(*ds));
      journal.append(lines);
    };
    run_detection_pass(p.card, in, pass);
  } else if (p.dataset->task == SuiteTask::kGround) {
    GroundingInputs in;
    in.images = subset(p.ground.images);
    for (const auto i : todo) in.queries.push_back(p.ground.queries[i]);
    pass.on_grounding = [&](const auto& done) {
      lines.clear();
      for (const auto& [k, records] : done) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& r : *records)
          a.push_back({{"image_id", r.image_id}, {"sentence_id", r.sentence_id}, {"boxes", r.boxes}});
        lines.emplace_back(todo[k], a);
      }
      journal.append(lines);
    };
    run_grounding_pass(p.card, in, pass);
  } else {
    SegmentationInputs in{subset(p.segment.images), p.segment.vocabulary};
    pass.on_label_maps = [&](const auto& done) {
      lines.clear();
      for (const auto& [k, path] : done) lines.emplace_back(todo[k], path.filename().string());
      journal.append(lines);
    };
    run_segmentation_pass(p.card, in, p.dir / "labels", pass);
  }
}

// Assembles a complete dataset's predictions in dataset order and scores them.
StoredResult score_dataset(PlannedDataset& p, const PredictionJournal& journal, const SuiteRunOptions& o) {
  const auto payloads = journal.ordered_payloads();
  const auto& d = *p.dataset;
  StoredResult result;
  result.dataset = d.name;
  result.benchmark = evaluator_name(d.evaluator);
  if (d.task == SuiteTask::kDetect) {
    std::vector<Detection> all;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
      std::vector<Detection> mine;
      for (const auto& r : *payloads[i]) {
        Detection det;
        det.image_id = p.detect.images[i].image_id;
        det.category_id = r.at(0).get<std::int64_t>();
        det.bbox = BoxXYWH{r.at(1).get<double>(), r.at(2).get<double>(), r.at(3).get<double>(), r.at(4).get<double>()};
        det.score = r.at(5).get<double>();
        mine.push_back(det);
      }
      if (d.evaluator == SuiteEvaluator::kCoco) {
        // The suite's per-image cap (COCOeval's largest maxDets), highest scores first.
        const auto cap = static_cast<std::size_t>(std::get<CocoSuiteProtocol>(d.protocol).max_dets);
        if (mine.size() > cap) {
          std::stable_sort(mine.begin(), mine.end(), [](const Detection& a, const Detection& b) { return a.score > b.score; });
          mine.resize(cap);
        }
      }
      all.insert(all.end(), mine.begin(), mine.end());
    }
    const auto file = p.dir / "predictions.json";
    write_coco_results(file, all);
    LvisEvalOptions eval;
    if (d.evaluator == SuiteEvaluator::kLvis) {
      const auto& proto = std::get<LvisSuiteProtocol>(d.protocol);
      eval.protocol = proto.protocol;
      eval.segm = proto.segm;
    } else {
      eval.segm = std::get<CocoSuiteProtocol>(d.protocol).segm;
    }
    for (const auto& g : p.groups) eval.groups.push_back({g.name, g.category_ids});
    result.report = score_detection_file(d.evaluator == SuiteEvaluator::kLvis, p.gt_path, file, eval);
    result.predictions_path = file.string();
  } else if (d.task == SuiteTask::kGround) {
    std::string lines = "[\n";
    bool first = true;
    for (const auto* payload : payloads)
      for (const auto& record : *payload) {
        if (!first) lines += ",\n";
        first = false;
        lines += record.dump();
      }
    lines += "\n]\n";
    const auto file = p.dir / "predictions.json";
    write_file_atomically(file, lines);
    const auto& proto = std::get<Flickr30kSuiteProtocol>(d.protocol);
    GroundingRecallOptions eval;
    eval.protocol = proto.protocol;
    result.report = score_grounding_file(o.data_root / d.paths.entities_root, proto.split, file, eval);
    result.predictions_path = file.string();
  } else {
    const auto& proto = std::get<MiouSuiteProtocol>(d.protocol);
    SegmentationOptions eval;
    eval.num_classes = proto.num_classes.value_or(static_cast<int>(p.class_names.size()));
    eval.ignore_index = proto.ignore_index;
    eval.reduce_zero_label = proto.reduce_zero_label;
    result.report = score_label_maps(o.data_root / d.paths.gt_labels, p.dir / "labels", eval, p.class_names);
    result.predictions_path = (p.dir / "labels").string();
  }
  for (const auto& w : result.report.warnings) std::cerr << "ovbench: warning: " << d.name << ": " << w << "\n";
  return result;
}

std::string headline_table(const std::vector<PlannedDataset>& plans, const std::vector<StoredResult>& results) {
  TextTable table({"dataset", "metric", "value"});
  for (std::size_t k = 0; k < results.size(); ++k) {
    const auto& d = *plans[k].dataset;
    const auto& r = results[k].report;
    std::vector<HeadlineMetric> headline = d.headline;
    if (headline.empty() && !r.summary.empty()) headline.push_back({"", r.summary.items().front().first});
    for (const auto& h : headline) {
      std::optional<double> v;
      if (h.group.empty()) {
        v = r.summary.get(h.metric);
      } else {
        for (const auto& [g, values] : r.groups)
          if (g == h.group) v = values.get(h.metric);
      }
      char buf[32] = "-";
      if (v) std::snprintf(buf, sizeof buf, "%.1f", *v * 100);
      table.add_row({d.name, h.label(), buf});
    }
  }
  return table.render();
}

// An exclusive lock on a file for the lifetime of the object (flock: released if we die).
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw InputError(path.string() + ": cannot lock");
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

SuiteRunOutcome run_suite(const SuiteRunOptions& options) {
  SuiteRunOptions o = options;
  if (o.work_dir.empty()) o.work_dir = std::filesystem::absolute(o.db).parent_path() / "ovbench-work";

  // Preflight: everything that can be checked before any inference and before the store is
  // opened, so that a bad suite, card, data root or device leaves no trace.
  const Suite suite = load_suite(o.suite);
  const ModelCard card = load_model_card(o.model_card);
  if (o.device.cuda && !torch_plugin().cuda_available())
    throw InputError("--device " + o.device.to_string() + ": no CUDA device is available to this LibTorch");
  Suite selected = suite;
  selected.datasets.clear();
  std::vector<std::string> skipped;
  for (const auto& d : suite.datasets) {
    if (!o.datasets.empty() && std::find(o.datasets.begin(), o.datasets.end(), d.name) == o.datasets.end()) continue;
    if (d.evaluator == SuiteEvaluator::kOdinw) {
      skipped.push_back(d.name + " (ODinW: use `ovbench eval odinw` on per-task predictions)");
      continue;
    }
    if (!adapter_supports(card, task_name(d.task))) {
      skipped.push_back(d.name + " (the " + card.adapter + " adapter cannot " + task_name(d.task) + ")");
      continue;
    }
    selected.datasets.push_back(d);
  }
  for (const auto& name : o.datasets)
    if (std::none_of(suite.datasets.begin(), suite.datasets.end(), [&](const SuiteDataset& d) { return d.name == name; }))
      throw InputError("--datasets: suite " + suite.name + " has no dataset '" + name + "'");
  for (const auto& s : skipped) std::cerr << "run: skipping " << s << "\n";
  if (selected.datasets.empty())
    throw InputError(card.path.string() + ": the " + card.adapter + " adapter can run none of suite " + suite.name +
                     "'s datasets");
  require_suite_inputs(selected, o.data_root);
  std::vector<std::string> checkpoint_hashes;
  nlohmann::ordered_json checkpoints = nlohmann::ordered_json::object();
  for (const auto& [role, path] : card.files) {
    checkpoint_hashes.push_back(role + "=" + file_content_hash(path));
    checkpoints[role] = {{"path", path.string()}, {"hash", checkpoint_hashes.back().substr(role.size() + 1)}};
  }
  std::vector<PlannedDataset> plans;
  for (const auto& d : selected.datasets) plans.push_back(plan_dataset(d, selected, card, checkpoint_hashes, o));

  SuiteRunOutcome outcome;
  if (o.predict)
    for (auto& p : plans) predict_dataset(p, o);

  // Completion: this process may store only when every dataset has all its images.
  std::filesystem::create_directories(o.work_dir);
  std::string suite_key;
  for (const auto& p : plans) suite_key += p.key;
  suite_key = content_hash(suite_key + "\ntag " + o.tag).substr(std::string("fnv1a64:").size());
  FileLock lock(o.work_dir / (suite.name + "-" + suite_key + ".lock"));
  std::string missing;
  std::vector<std::unique_ptr<PredictionJournal>> journals;  // read-only: every shard's lines
  for (const auto& p : plans) {
    const auto& journal = *journals.emplace_back(std::make_unique<PredictionJournal>(p.dir, "", p.image_ids));
    if (!journal.complete())
      missing += "\n  " + p.dataset->name + ": " + std::to_string(journal.image_count() - journal.done_count()) + " of " +
                 std::to_string(journal.image_count()) + " images not predicted yet";
  }
  const auto marker = o.work_dir / (suite.name + "-" + suite_key + ".stored");
  const bool sharded = o.shard.count > 1 || !o.predict;
  if (!missing.empty()) {
    if (!o.predict) throw InputError("merge: suite " + suite.name + " is not complete:" + missing);
    std::cerr << "run: shard " << o.shard.to_string() << " done; waiting for the other shards:" << missing
              << "\nrun: the last shard to finish (or `ovbench merge` with the same arguments) scores and stores the run\n";
    return outcome;
  }
  if (sharded && std::filesystem::exists(marker)) {
    std::cerr << "run: already scored and stored (" << marker.string() << ")\n";
    return outcome;
  }

  std::vector<StoredResult> results;
  for (std::size_t k = 0; k < plans.size(); ++k) results.push_back(score_dataset(plans[k], *journals[k], o));
  outcome.summary = headline_table(plans, results);

  RunProvenance run;
  run.kind = "run";
  run.suite = suite.name;
  run.tag = o.tag;
  run.model_card = card.path.string();
  run.model_card_hash = card.content_hash;
  run.checkpoint_hashes = checkpoints;
  run.params = {{"card", card.to_json()},
                {"suite_source", suite.source},
                {"suite_hash", suite.content_hash},
                {"data_root", std::filesystem::absolute(o.data_root).lexically_normal().string()},
                {"shards", o.shard.count},
                {"limit", o.limit}};
  for (const auto& p : plans)
    if (!p.gt_path.empty() && std::filesystem::is_regular_file(p.gt_path))
      run.inputs[p.dataset->name] = {{"path", std::filesystem::absolute(p.gt_path).string()}, {"hash", file_content_hash(p.gt_path)}};
  run.device = o.device.to_string();
  run.libtorch_version = torch_plugin().libtorch_version();
  run.cuda_version = torch_plugin().cuda_version();
  ResultsStore store(o.db.string());
  const auto id = store.begin_run(run);
  try {
    for (const auto& r : results) store.add_result(id, r);
    store.finish_run(id, true);
  } catch (...) {
    store.finish_run(id, false);
    throw;
  }
  if (sharded) write_file_atomically(marker, std::to_string(id) + "\n");
  outcome.stored_run = id;
  return outcome;
}

}  // namespace ovbench
