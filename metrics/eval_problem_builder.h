#pragma once
// Groups ground truth and detections into the (category, image) cells of an EvalProblem while
// keeping each cell's load order, with two stable counting sorts (image, then category): O(n)
// where a comparison sort of ~6M LVIS detections would dominate the run.

#include <cstdint>
#include <vector>

#include "metrics/detection_eval.h"

namespace ovbench {

class EvalProblemBuilder {
 public:
  EvalProblemBuilder(std::size_t num_categories, std::size_t num_images);

  // Entries must be added in the reference's load order (file order).
  void add_gt(std::uint32_t category, std::uint32_t image, const EvalGt& gt);
  void add_dt(std::uint32_t category, std::uint32_t image, const EvalDt& dt);
  void reserve(std::size_t gts, std::size_t dts);

  // Moves the entries into cells; masks are attached by the caller (indexes in EvalGt/EvalDt
  // refer to its own mask tables).
  EvalProblem build();

 private:
  struct Key {
    std::uint32_t category, image;
  };
  std::size_t K_, I_;
  BigVector<Key> gt_keys_, dt_keys_;
  BigVector<EvalGt> gts_;
  BigVector<EvalDt> dts_;
};

}  // namespace ovbench
