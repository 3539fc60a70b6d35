#include "datasets/detection_dataset_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <unordered_set>

#include "core/byte_buffer.h"
#include "core/file_bytes.h"
#include "core/errors.h"
#include "datasets/json_syntax_error.h"
#include "datasets/json_values.h"
#include "datasets/segmentation_json.h"

namespace ovbench {
namespace {

using simdjson::ondemand::json_type;

struct Reader {
  const std::string& name;
  const DatasetReadOptions& options;
  const char* data;
  std::size_t size;

  [[noreturn]] void syntax(simdjson::error_code e) const {
    if (auto msg = describe_json_syntax_error(name, data, size)) throw InputError(*msg);
    throw InputError(name + ": malformed JSON (" + simdjson::error_message(e) + ")");
  }
  [[noreturn]] void bad(const std::string& section, std::size_t record, const std::string& field,
                        const std::string& why) const {
    throw InputError(describe_location(name + " " + section, static_cast<long long>(record), field) +
                     ": " + why);
  }
  void check(simdjson::error_code e) const {
    if (e) syntax(e);
  }
  template <class Body>
  void for_each_record(simdjson::ondemand::value section, const std::string& label, Body body) const {
    simdjson::ondemand::array a;
    if (auto e = section.get_array().get(a)) {
      if (json::is_syntax_error(e)) syntax(e);
      throw InputError(name + ": '" + label + "' must be an array");
    }
    std::size_t record = 0;
    for (auto element : a) {
      simdjson::ondemand::object obj;
      if (auto e = element.get_object().get(obj)) {
        if (json::is_syntax_error(e)) syntax(e);
        bad(label, record, "", "expected an object");
      }
      body(obj, record);
      ++record;
    }
  }

  void read_image(simdjson::ondemand::object obj, std::size_t record, DetectionDataset& ds) const {
    ImageRecord im;
    bool have_id = false, have_w = false, have_h = false, have_neg = false, have_nel = false;
    for (auto field : obj) {
      std::string_view key;
      check(field.unescaped_key().get(key));
      simdjson::ondemand::value v;
      check(field.value().get(v));
      std::string why;
      std::int64_t n = 0;
      if (key == "id") {
        why = json::read_int(v, im.id);
        have_id = true;
      } else if (key == "width" || key == "height") {
        why = json::read_int(v, n);
        if (why.empty() && (n < 0 || n > (1 << 20))) why = "expected a size in pixels";
        (key == "width" ? im.width : im.height) = static_cast<std::int32_t>(n);
        (key == "width" ? have_w : have_h) = true;
      } else if (key == "file_name") {
        why = json::read_string(v, im.file_name);
      } else if (key == "neg_category_ids") {
        why = json::read_ints(v, im.neg_category_ids);
        have_neg = true;
      } else if (key == "not_exhaustive_category_ids") {
        why = json::read_ints(v, im.not_exhaustive_category_ids);
        have_nel = true;
      } else {
        continue;
      }
      if (!why.empty()) bad("images", record, std::string(key), why);
    }
    if (!have_id) bad("images", record, "id", "missing");
    if (!have_w) bad("images", record, "width", "missing");
    if (!have_h) bad("images", record, "height", "missing");
    if (options.require_lvis_fields && !have_neg) bad("images", record, "neg_category_ids", "missing (LVIS)");
    if (options.require_lvis_fields && !have_nel) {
      bad("images", record, "not_exhaustive_category_ids", "missing (LVIS)");
    }
    ds.images.push_back(std::move(im));
  }

  void read_category(simdjson::ondemand::object obj, std::size_t record, DetectionDataset& ds) const {
    Category c;
    bool have_id = false;
    for (auto field : obj) {
      std::string_view key;
      check(field.unescaped_key().get(key));
      simdjson::ondemand::value v;
      check(field.value().get(v));
      std::string why;
      if (key == "id") {
        why = json::read_int(v, c.id);
        have_id = true;
      } else if (key == "name") {
        why = json::read_string(v, c.name);
      } else if (key == "supercategory") {
        why = json::read_string(v, c.supercategory);
      } else if (key == "frequency") {
        std::string f;
        why = json::read_string(v, f);
        if (why.empty() && (f.size() != 1 || (f[0] != 'r' && f[0] != 'c' && f[0] != 'f'))) {
          why = "expected \"r\", \"c\" or \"f\"";
        }
        if (why.empty()) c.frequency = f[0];
      } else if (key == "synonyms") {
        simdjson::ondemand::array a;
        if (v.get_array().get(a)) {
          why = "expected an array of strings";
        } else {
          for (auto s : a) {
            std::string_view text;
            if (s.get_string().get(text)) {
              why = "expected an array of strings";
              break;
            }
            c.synonyms.emplace_back(text);
          }
        }
      } else {
        continue;
      }
      if (!why.empty()) bad("categories", record, std::string(key), why);
    }
    if (!have_id) bad("categories", record, "id", "missing");
    if (options.require_lvis_fields && !c.frequency) bad("categories", record, "frequency", "missing (LVIS)");
    ds.categories.push_back(std::move(c));
  }

  void read_annotation(simdjson::ondemand::object obj, std::size_t record, DetectionDataset& ds,
                       std::vector<double>& numbers) const {
    GtAnnotation a;
    bool have_id = false, have_image = false, have_cat = false, have_bbox = false, have_area = false;
    for (auto field : obj) {
      std::string_view key;
      check(field.unescaped_key().get(key));
      simdjson::ondemand::value v;
      check(field.value().get(v));
      std::string why;
      if (key == "id") {
        why = json::read_int(v, a.id);
        have_id = true;
      } else if (key == "image_id") {
        why = json::read_int(v, a.image_id);
        have_image = true;
      } else if (key == "category_id") {
        why = json::read_int(v, a.category_id);
        have_cat = true;
      } else if (key == "bbox") {
        why = json::read_numbers(v, numbers);
        if (why.empty() && numbers.size() != 4) why = "expected 4 numbers [x, y, width, height]";
        if (why.empty()) a.bbox = {numbers[0], numbers[1], numbers[2], numbers[3]};
        have_bbox = true;
      } else if (key == "area") {
        why = json::read_finite(v, a.area);
        have_area = true;
      } else if (key == "iscrowd") {
        why = json::read_flag(v, a.iscrowd);
      } else if (key == "ignore") {
        bool flag = false;
        why = json::read_flag(v, flag);
        a.ignore = flag ? 1 : 0;
      } else if (key == "segmentation") {
        if (!options.keep_segmentation) continue;
        Segmentation s;
        why = json::read_segmentation(v, s);
        if (why.empty()) {
          a.segmentation = static_cast<std::int32_t>(ds.segmentations.size());
          ds.segmentations.push_back(std::move(s));
        }
      } else {
        continue;
      }
      if (!why.empty()) bad("annotations", record, std::string(key), why);
    }
    if (!have_id) bad("annotations", record, "id", "missing");
    if (!have_image) bad("annotations", record, "image_id", "missing");
    if (!have_cat) bad("annotations", record, "category_id", "missing");
    if (!have_bbox) bad("annotations", record, "bbox", "missing");
    if (!have_area) bad("annotations", record, "area", "missing");
    ds.annotations.push_back(a);
  }

  DetectionDataset read(simdjson::ondemand::parser& parser, std::size_t capacity) const {
    simdjson::ondemand::document doc;
    check(parser.iterate(data, size, capacity).get(doc));
    simdjson::ondemand::object root;
    if (auto e = doc.get_object().get(root)) {
      if (json::is_syntax_error(e)) syntax(e);
      throw InputError(name + ": expected a COCO ground truth object {\"images\", \"annotations\", "
                              "\"categories\"}" +
                       (size && data[0] == '[' ? " (found an array: is this a results file?)" : ""));
    }
    DetectionDataset ds;
    bool have_images = false, have_annotations = false, have_categories = false;
    std::vector<double> numbers;
    for (auto field : root) {
      std::string_view key;
      check(field.unescaped_key().get(key));
      simdjson::ondemand::value v;
      check(field.value().get(v));
      if (key == "images") {
        have_images = true;
        for_each_record(v, "images", [&](auto obj, std::size_t r) { read_image(obj, r, ds); });
      } else if (key == "categories") {
        have_categories = true;
        for_each_record(v, "categories", [&](auto obj, std::size_t r) { read_category(obj, r, ds); });
      } else if (key == "annotations") {
        have_annotations = true;
        for_each_record(v, "annotations",
                        [&](auto obj, std::size_t r) { read_annotation(obj, r, ds, numbers); });
      }
    }
    if (!have_images) throw InputError(name + ": missing 'images'");
    if (!have_annotations) throw InputError(name + ": missing 'annotations'");
    if (!have_categories) throw InputError(name + ": missing 'categories'");
    validate(ds);
    return ds;
  }

  // References between sections: a broken link would silently drop gt in pycocotools.
  void validate(const DetectionDataset& ds) const {
    std::unordered_set<std::int64_t> images, categories;
    for (std::size_t j = 0; j < ds.images.size(); ++j) {
      if (!images.insert(ds.images[j].id).second) bad("images", j, "id", "duplicate id " + std::to_string(ds.images[j].id));
    }
    for (std::size_t j = 0; j < ds.categories.size(); ++j) {
      if (!categories.insert(ds.categories[j].id).second) {
        bad("categories", j, "id", "duplicate id " + std::to_string(ds.categories[j].id));
      }
    }
    for (std::size_t j = 0; j < ds.annotations.size(); ++j) {
      const GtAnnotation& a = ds.annotations[j];
      if (!images.count(a.image_id)) bad("annotations", j, "image_id", std::to_string(a.image_id) + " is not in 'images'");
      if (!categories.count(a.category_id)) {
        bad("annotations", j, "category_id", std::to_string(a.category_id) + " is not in 'categories'");
      }
    }
  }
};

DetectionDataset parse(const char* data, std::size_t size, std::size_t capacity, const std::string& name,
                       const DatasetReadOptions& options) {
  simdjson::ondemand::parser parser;
  Reader reader{name, options, data, size};
  return reader.read(parser, capacity);
}

}  // namespace

DetectionDataset read_detection_dataset(const std::filesystem::path& path,
                                        const DatasetReadOptions& options) {
  const FileBytes bytes = FileBytes::open(path, simdjson::SIMDJSON_PADDING);
  return parse(bytes.data(), bytes.size(), bytes.size() + bytes.padding(), path.string(), options);
}

DetectionDataset parse_detection_dataset(const std::string& bytes, const std::string& name,
                                         const DatasetReadOptions& options) {
  const simdjson::padded_string padded(bytes);
  return parse(padded.data(), padded.size(), padded.size() + simdjson::SIMDJSON_PADDING, name, options);
}

}  // namespace ovbench
