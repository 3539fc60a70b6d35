#pragma once
// Writes the demo's data root in the real formats, the layout suites/demo.json reads:
//   images/<id>.png                  RGB scenes (shapes_scene.h)
//   detection/instances.json         COCO instances; detection/ov_split.json {"base","novel"}
//                                    records and detection/groups.json (ids, for eval --groups)
//   lvis/instances.json              LVIS v1 style: r/c/f frequencies, neg/not-exhaustive ids
//   flickr30k/{val.txt, Annotations/<id>.xml, Sentences/<id>.txt}   Flickr30K Entities tree
//   segmentation/labels/<id>.png     8-bit label maps; segmentation/classes.json class names

#include <cstdint>
#include <filesystem>
#include <vector>

namespace ovbench::demo {

struct ShapesDemoOptions {
  int images = 48;
  int width = 192, height = 144;
  std::uint64_t seed = 20261206;
};

struct ShapesDemoSummary {
  int images = 0, annotations = 0, phrases = 0;
  std::vector<std::int64_t> novel_category_ids;
};

ShapesDemoSummary write_shapes_demo_data(const std::filesystem::path& root, const ShapesDemoOptions& options);

// The demo's open-vocabulary split: categories held out as novel.
const std::vector<int>& demo_novel_categories();  // category indices

}  // namespace ovbench::demo
