#include "harness/predict/predict_inputs.h"

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "datasets/category_groups.h"
#include "datasets/detection_dataset_reader.h"
#include "datasets/flickr_entities_tree.h"
#include "datasets/segmentation_class_list.h"

namespace ovbench {
namespace {

bool is_image_file(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".webp" || ext == ".tif" || ext == ".tiff";
}

void require_directory(const std::filesystem::path& dir, const char* what) {
  if (!std::filesystem::is_directory(dir)) throw InputError(dir.string() + ": " + what + " directory not found");
}

}  // namespace

DetectionInputs detection_inputs(const std::filesystem::path& gt, const std::filesystem::path& images_dir,
                                 const std::string& groups_spec, const DatasetReadOptions& read) {
  require_directory(images_dir, "images");
  const DetectionDataset dataset = read_detection_dataset(gt, read);
  DetectionInputs inputs;
  std::set<std::int64_t> novel;
  if (!groups_spec.empty()) {
    for (const auto& group : load_category_groups(groups_spec))
      if (group.name == "novel") novel.insert(group.category_ids.begin(), group.category_ids.end());
  }
  for (const auto& c : dataset.categories) {
    VocabularyEntry e;
    e.id = c.id;
    e.name = c.name;
    e.synonyms = c.synonyms;
    e.frequency = c.frequency;
    e.novel = novel.count(c.id) > 0;
    inputs.vocabulary.entries.push_back(std::move(e));
  }
  for (const auto& im : dataset.images) {
    ImageJob job;
    job.image_id = im.id;
    job.id_text = std::to_string(im.id);
    job.file_name = im.file_name;
    job.path = images_dir / im.file_name;
    inputs.images.push_back(std::move(job));
  }
  inputs.categories = dataset.categories;
  return inputs;
}

GroundingInputs grounding_inputs(const std::filesystem::path& root, const std::string& split,
                                 const std::filesystem::path& images_dir) {
  require_directory(images_dir, "images");
  const auto data = read_flickr_entities_split(root, split);
  GroundingInputs inputs;
  std::int64_t index = 0;
  for (const auto& image : data.images) {
    ImageJob job;
    job.image_id = index++;
    job.id_text = image.id;
    // Flickr30K ships <id>.jpg; the demo writes <id>.png.
    for (const char* ext : {".jpg", ".png", ".jpeg"}) {
      job.file_name = image.id + ext;
      job.path = images_dir / job.file_name;
      if (std::filesystem::exists(job.path)) break;
    }
    std::vector<GroundingQuery> sentences;
    for (std::size_t s = 0; s < image.sentences.size(); ++s) {
      const auto& sentence = image.sentences[s];
      GroundingQuery q;
      q.image_id = image.id;
      q.sentence_id = static_cast<std::int64_t>(s);
      q.caption = sentence.text;
      // Character offset of each word in the caption (words joined by single spaces).
      std::vector<std::size_t> word_start{0};
      for (std::size_t i = 0; i < sentence.text.size(); ++i)
        if (sentence.text[i] == ' ') word_start.push_back(i + 1);
      for (const auto& p : sentence.phrases) {
        if (!image.annotation.boxes.count(p.entity_id)) continue;  // not evaluable (MDETR)
        const std::size_t begin = static_cast<std::size_t>(p.first_word_index) < word_start.size()
                                      ? word_start[static_cast<std::size_t>(p.first_word_index)] : 0;
        q.phrases.push_back(p.text);
        q.spans.emplace_back(begin, begin + p.text.size());
      }
      if (!q.phrases.empty()) sentences.push_back(std::move(q));
    }
    inputs.images.push_back(std::move(job));
    inputs.queries.push_back(std::move(sentences));
  }
  return inputs;
}

SegmentationInputs segmentation_inputs(const std::string& classes_spec, const std::filesystem::path& images_dir) {
  require_directory(images_dir, "images");
  SegmentationInputs inputs;
  const auto names = segmentation_class_names(classes_spec);
  for (std::size_t i = 0; i < names.size(); ++i)
    inputs.vocabulary.entries.push_back(VocabularyEntry{static_cast<std::int64_t>(i), names[i], {}, false, 0});
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(images_dir))
    if (entry.is_regular_file() && is_image_file(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::int64_t index = 0;
  for (const auto& f : files) {
    ImageJob job;
    job.image_id = index++;
    job.id_text = f.stem().string();
    job.file_name = f.filename().string();
    job.path = f;
    inputs.images.push_back(std::move(job));
  }
  return inputs;
}

}  // namespace ovbench
