#include "models/detection_postprocess/box_nms.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace ovbench {

namespace {

// Descending score order as torch.sort(descending=True) puts it: NaN above every number.
bool score_greater(float a, float b) {
  if (std::isnan(a)) return !std::isnan(b);
  if (std::isnan(b)) return false;
  return a > b;
}

float plus_of(BoxWidthConvention c) {
  return c == BoxWidthConvention::kPlusOne ? 1.0f : 0.0f;
}

void check_shapes(std::span<const float> boxes, std::size_t n) {
  if (boxes.size() != 4 * n) {
    throw std::invalid_argument("nms: " + std::to_string(boxes.size()) + " box coordinates for " +
                                std::to_string(n) + " scores (expected 4 per score)");
  }
}

// The largest float <= t: for a float x, (double)x > t exactly when x > this value (NaN fails
// both), so the inner loop can compare in float.
float float_below_or_at(double t) {
  float f = static_cast<float>(t);
  if (static_cast<double>(f) > t) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
  return f;
}

// The greedy pass over `order` (indices into boxes), shared by nms and per-class batched_nms.
void greedy_nms(std::span<const float> boxes, const std::vector<std::size_t>& order,
                double iou_threshold, float plus, std::vector<std::size_t>& keep) {
  const std::size_t n = order.size();
  // Gather the candidates in visiting order so the inner loop reads contiguous memory.
  std::vector<float> x1(n), y1(n), x2(n), y2(n), area(n);
  for (std::size_t k = 0; k < n; ++k) {
    const float* b = boxes.data() + 4 * order[k];
    x1[k] = b[0];
    y1[k] = b[1];
    x2[k] = b[2];
    y2[k] = b[3];
    area[k] = (x2[k] - x1[k] + plus) * (y2[k] - y1[k] + plus);
  }
  const float threshold = float_below_or_at(iou_threshold);
  // Branch-free inner loop (it vectorises): a suppressed box's IoUs are computed but unused,
  // exactly as if skipped, since only kept boxes suppress.
  std::vector<std::int32_t> suppressed(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (suppressed[i]) continue;
    keep.push_back(order[i]);
    const float ix1 = x1[i], iy1 = y1[i], ix2 = x2[i], iy2 = y2[i], iarea = area[i];
    const float* px1 = x1.data();
    const float* py1 = y1.data();
    const float* px2 = x2.data();
    const float* py2 = y2.data();
    const float* parea = area.data();
    std::int32_t* sup = suppressed.data();
    for (std::size_t j = i + 1; j < n; ++j) {
      const float w = std::max(0.0f, std::min(ix2, px2[j]) - std::max(ix1, px1[j]) + plus);
      const float h = std::max(0.0f, std::min(iy2, py2[j]) - std::max(iy1, py1[j]) + plus);
      const float inter = w * h;
      const float iou = inter / (iarea + parea[j] - inter);
      sup[j] |= static_cast<std::int32_t>(iou > threshold);
    }
  }
}

}  // namespace

float box_iou(std::span<const float, 4> a, std::span<const float, 4> b,
              BoxWidthConvention convention) {
  const float plus = plus_of(convention);
  const float area_a = (a[2] - a[0] + plus) * (a[3] - a[1] + plus);
  const float area_b = (b[2] - b[0] + plus) * (b[3] - b[1] + plus);
  const float w = std::max(0.0f, std::min(a[2], b[2]) - std::max(a[0], b[0]) + plus);
  const float h = std::max(0.0f, std::min(a[3], b[3]) - std::max(a[1], b[1]) + plus);
  const float inter = w * h;
  return inter / (area_a + area_b - inter);
}

std::vector<std::size_t> order_by_score(std::span<const float> scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score_greater(scores[a], scores[b]);
  });
  return order;
}

std::vector<std::size_t> nms(std::span<const float> boxes, std::span<const float> scores,
                             double iou_threshold, BoxWidthConvention convention) {
  check_shapes(boxes, scores.size());
  std::vector<std::size_t> keep;
  greedy_nms(boxes, order_by_score(scores), iou_threshold, plus_of(convention), keep);
  return keep;
}

std::vector<std::size_t> batched_nms(std::span<const float> boxes, std::span<const float> scores,
                                     std::span<const std::int64_t> classes, double iou_threshold,
                                     BoxWidthConvention convention) {
  check_shapes(boxes, scores.size());
  if (classes.size() != scores.size()) {
    throw std::invalid_argument("batched_nms: " + std::to_string(classes.size()) + " classes for " +
                                std::to_string(scores.size()) + " scores");
  }
  // Split the global visiting order by class: each class keeps its own score order.
  std::unordered_map<std::int64_t, std::vector<std::size_t>> by_class;
  const std::vector<std::size_t> order = order_by_score(scores);
  for (std::size_t i : order) by_class[classes[i]].push_back(i);
  std::vector<std::size_t> keep;
  for (const auto& [cls, members] : by_class) {
    greedy_nms(boxes, members, iou_threshold, plus_of(convention), keep);
  }
  // Merge back into one list, score descending, ties by index.
  std::sort(keep.begin(), keep.end());
  std::stable_sort(keep.begin(), keep.end(), [&](std::size_t a, std::size_t b) {
    return score_greater(scores[a], scores[b]);
  });
  return keep;
}

}  // namespace ovbench
