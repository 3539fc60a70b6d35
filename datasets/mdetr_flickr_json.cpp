#include "datasets/mdetr_flickr_json.h"

#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/errors.h"
#include "core/file_reader.h"

namespace ovbench {
namespace {

using nlohmann::json;

class Fields {
 public:
  Fields(const std::string& file, const std::string& array, std::size_t index, const json& record)
      : file_(file), array_(array), index_(index), record_(record) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const {
    throw InputError(
        describe_location(file_ + ": " + array_, static_cast<long long>(index_), field) + ": " +
        what);
  }
  const json& at(const std::string& field) const {
    const auto it = record_.find(field);
    if (it == record_.end()) fail(field, "missing");
    return *it;
  }
  std::int64_t integer(const std::string& field) const {
    const json& v = at(field);
    if (!v.is_number_integer()) fail(field, "expected an integer");
    return v.get<std::int64_t>();
  }
  std::string text(const std::string& field) const {
    const json& v = at(field);
    if (!v.is_string()) fail(field, "expected a string");
    return v.get<std::string>();
  }
  // [[start, end], ...]
  std::vector<CharSpan> spans(const json& v, const std::string& field) const {
    if (!v.is_array()) fail(field, "expected a list of [start, end] spans");
    std::vector<CharSpan> out;
    for (const json& s : v) {
      if (!s.is_array() || s.size() != 2 || !s[0].is_number_integer() ||
          !s[1].is_number_integer()) {
        fail(field, "expected a list of [start, end] spans of integers");
      }
      const CharSpan span{s[0].get<std::int64_t>(), s[1].get<std::int64_t>()};
      if (span.first < 0 || span.second < span.first) {
        fail(field, "span [" + std::to_string(span.first) + ", " + std::to_string(span.second) +
                        "] is not a range of the caption");
      }
      out.push_back(span);
    }
    return out;
  }

 private:
  const std::string& file_;
  std::string array_;
  std::size_t index_;
  const json& record_;
};

const json& top_array(const json& doc, const char* key, const std::string& name) {
  const auto it = doc.find(key);
  if (it == doc.end() || !it->is_array()) {
    throw InputError(name + ": expected a top-level \"" + std::string(key) + "\" array");
  }
  return *it;
}

}  // namespace

MdetrFlickrDataset parse_mdetr_flickr_json(const std::string& bytes, const std::string& name) {
  json doc;
  try {
    doc = json::parse(bytes);
  } catch (const json::parse_error& e) {
    throw InputError(name + ": malformed JSON at byte " + std::to_string(e.byte));
  }
  if (!doc.is_object()) throw InputError(name + ": expected a COCO-style JSON object");
  MdetrFlickrDataset out;
  std::unordered_set<std::int64_t> image_ids;
  const json& images = top_array(doc, "images", name);
  for (std::size_t i = 0; i < images.size(); ++i) {
    if (!images[i].is_object())
      throw InputError(name + ": images[" + std::to_string(i) + "]: expected an object");
    const Fields f(name, "images", i, images[i]);
    MdetrFlickrImage image;
    image.id = f.integer("id");
    if (!image_ids.insert(image.id).second)
      f.fail("id", "image id " + std::to_string(image.id) + " repeats");
    image.file_name = f.text("file_name");
    image.caption = f.text("caption");
    image.sentence_id = f.integer("sentence_id");
    const json& original = f.at("original_img_id");
    if (original.is_number_integer()) {
      image.original_img_id = std::to_string(original.get<std::int64_t>());
    } else if (original.is_string()) {
      image.original_img_id = original.get<std::string>();
    } else {
      f.fail("original_img_id", "expected an integer or a string");
    }
    const json& eval = f.at("tokens_positive_eval");
    if (!eval.is_array()) f.fail("tokens_positive_eval", "expected one list of spans per phrase");
    const auto length = static_cast<std::int64_t>(image.caption.size());
    for (const json& phrase : eval) {
      image.tokens_positive_eval.push_back(f.spans(phrase, "tokens_positive_eval"));
      for (const CharSpan& s : image.tokens_positive_eval.back()) {
        if (s.second > length) f.fail("tokens_positive_eval", "span ends past the caption");
      }
    }
    out.images.push_back(std::move(image));
  }
  const json& annotations = top_array(doc, "annotations", name);
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    if (!annotations[i].is_object())
      throw InputError(name + ": annotations[" + std::to_string(i) + "]: expected an object");
    const Fields f(name, "annotations", i, annotations[i]);
    MdetrFlickrAnnotation a;
    a.id = f.integer("id");
    a.image_id = f.integer("image_id");
    if (!image_ids.count(a.image_id))
      f.fail("image_id", "no image has id " + std::to_string(a.image_id));
    const json& bbox = f.at("bbox");
    if (!bbox.is_array() || bbox.size() != 4) f.fail("bbox", "expected [x, y, w, h]");
    for (std::size_t k = 0; k < 4; ++k) {
      if (!bbox[k].is_number()) f.fail("bbox", "expected [x, y, w, h] numbers");
      a.bbox[k] = bbox[k].get<double>();
    }
    a.tokens_positive = f.spans(f.at("tokens_positive"), "tokens_positive");
    out.annotations.push_back(std::move(a));
  }
  return out;
}

MdetrFlickrDataset read_mdetr_flickr_json(const std::filesystem::path& path) {
  return parse_mdetr_flickr_json(read_file(path), path.string());
}

}  // namespace ovbench
