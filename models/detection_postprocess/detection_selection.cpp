#include "models/detection_postprocess/detection_selection.h"

#include <algorithm>
#include <numeric>

#include "models/detection_postprocess/box_nms.h"

namespace ovbench {

std::vector<std::size_t> indices_above(std::span<const float> scores, float threshold) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > threshold) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> top_k_by_score(std::span<const float> scores, std::size_t k) {
  std::vector<std::size_t> order = order_by_score(scores);
  if (order.size() > k) order.resize(k);
  return order;
}

std::vector<std::size_t> cap_keeping_ties(std::span<const float> scores, std::size_t cap) {
  std::vector<std::size_t> all(scores.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  if (cap == 0 || scores.size() <= cap) return all;
  std::vector<float> sorted(scores.begin(), scores.end());
  // The cap-th largest = the (n - cap + 1)-th smallest, as kthvalue picks it.
  const std::size_t kth = scores.size() - cap;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(kth), sorted.end());
  const float threshold = sorted[kth];
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] >= threshold) keep.push_back(i);
  }
  return keep;
}

}  // namespace ovbench
