#pragma once
// Non-maximum suppression over axis-aligned boxes, as the reference implementations do it.
//
// Boxes are a flat row-major [N, 4] array of (x1, y1, x2, y2) floats; scores one float per box.
// Everything is computed in float, in the same order of operations as the reference kernels, so
// an IoU that lands exactly on the threshold behaves the same way here.
//
// Two width conventions:
//  - kExclusive: torchvision.ops.nms / batched_nms (torchvision/csrc/ops/cpu/nms_kernel.cpp):
//    area = (x2 - x1) * (y2 - y1), intersection max(0, min(x2) - max(x1)) per side.
//  - kPlusOne: maskrcnn_benchmark's legacy kernels, which GLIP's ATSS post-processing calls on
//    GPU (GLIP maskrcnn_benchmark/csrc/cuda/ml_nms.cu devIoU, also csrc/cuda/nms.cu):
//    width = x2 - x1 + 1 ("TO_REMOVE = 1" in structures/bounding_box.py), intersection
//    max(0, min(x2) - max(x1) + 1) per side.
//
// Semantics shared by both (torchvision nms, GLIP ml_nms): visit boxes by score, highest first;
// keep a box unless a kept box overlaps it with IoU > threshold (strictly greater: IoU equal to
// the threshold is kept). The float IoU is compared with the threshold as a double, as
// torchvision does (its iou_threshold is a double: a Python 0.3 is not 0.3f); GLIP's ml_nms
// takes a float threshold, so its callers pass static_cast<double>(0.6f). An IoU of NaN (0/0: two
// empty boxes) suppresses nothing. Tie order, which the references leave to their sort: boxes with
// equal scores are visited in increasing index order (a stable sort; torchvision's CPU kernel sorts
// stably too). The returned indices are in visiting order: score descending, ties by index.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ovbench {

enum class BoxWidthConvention {
  kExclusive,  // torchvision: x2 - x1
  kPlusOne,    // maskrcnn_benchmark legacy: x2 - x1 + 1
};

// IoU of boxes a and b (each 4 floats x1, y1, x2, y2) under the convention.
float box_iou(std::span<const float, 4> a, std::span<const float, 4> b,
              BoxWidthConvention convention);

// Indices of the boxes kept by NMS, score descending (ties: lower index first).
// boxes.size() must be 4 * scores.size().
std::vector<std::size_t> nms(std::span<const float> boxes, std::span<const float> scores,
                             double iou_threshold,
                             BoxWidthConvention convention = BoxWidthConvention::kExclusive);

// Class-aware NMS (torchvision batched_nms; GLIP's boxlist_ml_nms): boxes of different classes
// never suppress each other. Computed per class on the original coordinates (torchvision's
// "vanilla" path; its coordinate-offset path for small inputs agrees up to the rounding of the
// shifted coordinates). Kept indices over all classes, score descending, ties by index.
std::vector<std::size_t> batched_nms(
    std::span<const float> boxes, std::span<const float> scores,
    std::span<const std::int64_t> classes, double iou_threshold,
    BoxWidthConvention convention = BoxWidthConvention::kExclusive);

// Indices 0..n-1 ordered by score descending, ties by index (a stable descending sort); NaN
// sorts above every number, as in torch.sort(descending=True).
std::vector<std::size_t> order_by_score(std::span<const float> scores);

}  // namespace ovbench
