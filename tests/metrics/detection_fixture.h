#pragma once
// Builds small COCO/LVIS problems in memory for the evaluator tests: the references' rules are
// easiest to pin down on one or two images whose expected numbers can be worked out by hand.

#include <cstdint>
#include <initializer_list>
#include <string>

#include "metrics/detection_types.h"

namespace ovbench::testing {

class DetectionFixture {
 public:
  // Images are 100x100 unless given; LVIS lists default to empty.
  DetectionFixture& image(std::int64_t id, std::initializer_list<std::int64_t> neg = {},
                          std::initializer_list<std::int64_t> not_exhaustive = {}) {
    ImageRecord im;
    im.id = id;
    im.width = 100;
    im.height = 100;
    im.neg_category_ids = neg;
    im.not_exhaustive_category_ids = not_exhaustive;
    gt_.images.push_back(im);
    return *this;
  }
  DetectionFixture& category(std::int64_t id, char frequency = 'f') {
    Category c;
    c.id = id;
    c.name = "cat" + std::to_string(id);
    c.frequency = frequency;
    gt_.categories.push_back(c);
    return *this;
  }
  // `area` < 0 means "the box area", as most files give it.
  DetectionFixture& gt(std::int64_t id, std::int64_t image, std::int64_t category, BoxXYWH box,
                       bool crowd = false, double area = -1, std::int8_t ignore = -1) {
    GtAnnotation a;
    a.id = id;
    a.image_id = image;
    a.category_id = category;
    a.bbox = box;
    a.area = area < 0 ? box.w * box.h : area;
    a.iscrowd = crowd;
    a.ignore = ignore;
    gt_.annotations.push_back(a);
    return *this;
  }
  DetectionFixture& dt(std::int64_t image, std::int64_t category, BoxXYWH box, double score) {
    Detection d;
    d.image_id = image;
    d.category_id = category;
    d.bbox = box;
    d.score = score;
    dt_.items.push_back(d);
    return *this;
  }

  const DetectionDataset& gt() const { return gt_; }
  const Detections& dt() const { return dt_; }

 private:
  DetectionDataset gt_;
  Detections dt_;
};

}  // namespace ovbench::testing
