#include "datasets/demo/shapes_demo_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "core/atomic_file.h"
#include "datasets/demo/shapes_scene.h"
#include "datasets/demo/shapes_vocabulary.h"
#include "datasets/label_map_png.h"
#include "datasets/rgb_png.h"

namespace ovbench::demo {
namespace {

using Json = nlohmann::ordered_json;

std::string image_file(const ShapesScene& s) { return std::to_string(s.id) + ".png"; }

std::vector<double> polygon(const PlacedShape& s) {
  const double x = s.x, y = s.y, n = s.size;
  switch (s.category % 3) {
    case 0: return {x, y, x + n, y, x + n, y + n, x, y + n};
    case 1: {
      std::vector<double> p;
      for (int k = 0; k < 32; ++k) {
        const double a = 2 * M_PI * k / 32;
        p.push_back(x + n / 2 + n / 2 * std::cos(a));
        p.push_back(y + n / 2 + n / 2 * std::sin(a));
      }
      return p;
    }
    default: return {x + n / 2, y, x + n, y + n, x, y + n};
  }
}

// Visible pixels of each shape of a scene.
std::vector<int> visible_areas(const ShapesScene& s) {
  std::vector<int> area(s.shapes.size(), 0);
  for (auto o : s.owner)
    if (o) ++area[o - 1u];
  return area;
}

Json coco_instances(const std::vector<ShapesScene>& scenes, bool lvis, ShapesDemoSummary& summary) {
  Json doc;
  doc["info"] = {{"description", "ovbench demo: synthetic coloured shapes"}, {"version", "1"}};
  Json images = Json::array(), annotations = Json::array(), categories = Json::array();
  std::map<int, std::set<std::int64_t>> images_of;
  std::map<int, int> instances_of;
  std::int64_t next_id = 1;
  for (const auto& s : scenes) {
    const auto area = visible_areas(s);
    std::set<int> present;
    for (std::size_t k = 0; k < s.shapes.size(); ++k) {
      const auto& shape = s.shapes[k];
      if (area[k] == 0) continue;  // fully hidden: not annotated
      present.insert(shape.category);
      images_of[shape.category].insert(s.id);
      ++instances_of[shape.category];
      annotations.push_back({{"id", next_id++},
                             {"image_id", s.id},
                             {"category_id", shape.category + 1},
                             {"bbox", {shape.x, shape.y, shape.size, shape.size}},
                             {"area", area[k]},
                             {"iscrowd", 0},
                             {"segmentation", Json::array({polygon(shape)})}});
    }
    Json image = {{"id", s.id}, {"file_name", image_file(s)}, {"width", s.width}, {"height", s.height}};
    if (lvis) {
      // Two categories verified absent, picked deterministically from those not present.
      Json negatives = Json::array();
      for (int c = static_cast<int>(s.id % kCategories), tries = 0; tries < kCategories && negatives.size() < 2;
           ++tries, c = (c + 7) % kCategories)
        if (!present.count(c)) negatives.push_back(c + 1);
      image["neg_category_ids"] = negatives;
      image["not_exhaustive_category_ids"] = Json::array();
    }
    images.push_back(image);
  }
  for (int c = 0; c < kCategories; ++c) {
    Json cat = {{"id", c + 1}, {"name", category_name(c)}, {"supercategory", kShapes[static_cast<std::size_t>(c % 3)].name}};
    if (lvis) {
      // LVIS's rule (r: 1-10 images, c: 11-100, f: > 100) scaled to this small set.
      const auto n = images_of[c].size();
      cat["frequency"] = n <= 4 ? "r" : n <= 12 ? "c" : "f";
      cat["synonyms"] = Json::array({category_name(c)});
      cat["image_count"] = n;
      cat["instance_count"] = instances_of[c];
    }
    categories.push_back(cat);
  }
  summary.annotations = static_cast<int>(annotations.size());
  doc["images"] = images;
  doc["annotations"] = annotations;
  doc["categories"] = categories;
  return doc;
}

void write_json(const std::filesystem::path& path, const Json& doc) {
  std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, doc.dump(1) + "\n");
}

std::string phrase(const ShapesScene& s, std::size_t k) {
  return "[/EN#" + std::to_string(s.id * 10 + static_cast<std::int64_t>(k)) + "/other a " +
         category_name(s.shapes[k].category) + "]";
}

void write_flickr(const std::filesystem::path& root, const std::vector<ShapesScene>& scenes,
                  ShapesDemoSummary& summary) {
  std::filesystem::create_directories(root / "Annotations");
  std::filesystem::create_directories(root / "Sentences");
  std::string split;
  for (const auto& s : scenes) {
    split += std::to_string(s.id) + "\n";
    std::string xml = "<annotation>\n<filename>" + image_file(s) + "</filename>\n<size>\n<width>" +
                      std::to_string(s.width) + "</width>\n<height>" + std::to_string(s.height) +
                      "</height>\n<depth>3</depth>\n</size>\n";
    for (std::size_t k = 0; k < s.shapes.size(); ++k) {
      const auto& sh = s.shapes[k];
      xml += "<object>\n<name>" + std::to_string(s.id * 10 + static_cast<std::int64_t>(k)) +
             "</name>\n<bndbox>\n<xmin>" + std::to_string(sh.x) + "</xmin>\n<ymin>" + std::to_string(sh.y) +
             "</ymin>\n<xmax>" + std::to_string(sh.x + sh.size - 1) + "</xmax>\n<ymax>" +
             std::to_string(sh.y + sh.size - 1) + "</ymax>\n</bndbox>\n</object>\n";
    }
    xml += "</annotation>\n";
    write_file_atomically(root / "Annotations" / (std::to_string(s.id) + ".xml"), xml);
    const std::size_t last = s.shapes.size() - 1;
    std::string sentences = phrase(s, 0) + " next to " + phrase(s, 1) + " .\n" + "there is " + phrase(s, last) + " .\n";
    summary.phrases += 3;
    write_file_atomically(root / "Sentences" / (std::to_string(s.id) + ".txt"), sentences);
  }
  write_file_atomically(root / "val.txt", split);
}

}  // namespace

const std::vector<int>& demo_novel_categories() {
  // red triangle, green circle, blue square, yellow triangle, cyan circle
  static const std::vector<int> novel = {2, 4, 6, 11, 16};
  return novel;
}

ShapesDemoSummary write_shapes_demo_data(const std::filesystem::path& root, const ShapesDemoOptions& options) {
  ShapesDemoSummary summary;
  const auto scenes = make_shapes_scenes(options.images, options.width, options.height, options.seed);
  summary.images = static_cast<int>(scenes.size());
  std::filesystem::create_directories(root / "images");
  std::filesystem::create_directories(root / "segmentation" / "labels");
  for (const auto& s : scenes) {
    write_rgb_png(root / "images" / image_file(s), s.width, s.height, s.rgb);
    LabelMap labels;
    labels.width = s.width;
    labels.height = s.height;
    labels.labels.resize(s.owner.size());
    for (std::size_t p = 0; p < s.owner.size(); ++p)
      labels.labels[p] = s.owner[p] ? static_cast<std::uint8_t>(s.shapes[s.owner[p] - 1u].category / 3 + 1) : 0;
    write_label_map_png(root / "segmentation" / "labels" / (std::to_string(s.id) + ".png"), labels);
  }
  write_json(root / "detection" / "instances.json", coco_instances(scenes, false, summary));
  write_json(root / "lvis" / "instances.json", coco_instances(scenes, true, summary));
  // The OV split in the form of datasets/data/ov_coco_split.json ({"id", "name"} records), which
  // suites read, and the same as category-id groups, which `ovbench eval --groups` reads.
  Json split = {{"base", Json::array()}, {"novel", Json::array()}};
  Json groups = {{"base", Json::array()}, {"novel", Json::array()}, {"all", Json::array()}};
  for (int c = 0; c < kCategories; ++c) {
    const bool novel = std::count(demo_novel_categories().begin(), demo_novel_categories().end(), c) > 0;
    split[novel ? "novel" : "base"].push_back({{"id", c + 1}, {"name", category_name(c)}});
    groups[novel ? "novel" : "base"].push_back(c + 1);
    groups["all"].push_back(c + 1);
    if (novel) summary.novel_category_ids.push_back(c + 1);
  }
  write_json(root / "detection" / "ov_split.json", split);
  write_json(root / "detection" / "groups.json", groups);
  Json classes = Json::array({"background"});
  for (const auto& c : kColours) classes.push_back(c.name);
  write_json(root / "segmentation" / "classes.json", classes);
  write_flickr(root / "flickr30k", scenes, summary);
  return summary;
}

}  // namespace ovbench::demo
