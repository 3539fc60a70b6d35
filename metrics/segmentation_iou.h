#pragma once
// mmsegmentation's IoUMetric (../shared/REFERENCE_BEHAVIOURS.md) with exact integer totals:
// per image, pixels whose gt is the ignore index are dropped, then per class the intersection
// (pred == gt), the prediction and gt areas; union = pred + gt - intersection. Labels outside
// [0, C) drop out of the histogram they would fall in (torch.histc(bins=C, min=0, max=C-1)),
// so a pred of 255 on a valid gt pixel counts in the gt area only. Totals are summed over the
// dataset, not averaged per image. mmseg sums in float32, exact only to 2^24 pixels per class;
// ovbench sums in uint64.

#include <cstddef>

#include <cstdint>
#include <vector>

namespace ovbench {

struct SegmentationTotals {
  std::vector<std::uint64_t> intersect, union_, pred, label;  // per class
  explicit SegmentationTotals(std::size_t classes = 0)
      : intersect(classes), union_(classes), pred(classes), label(classes) {}
  void add(const SegmentationTotals& other);
};

struct SegmentationOptions {
  int num_classes = 0;
  int ignore_index = 255;
  // ADE20K: gt 0 -> 255, k -> k - 1, 255 stays 255 (uint8 arithmetic), before the ignore mask.
  bool reduce_zero_label = false;
};

// The joint histogram of (raw gt label, pred label) pairs over any number of images: one count
// per pixel, whatever the options, so the hot loop is a run-length scan (label maps are made of
// regions: neighbouring pixels mostly share their pair) with 16 pixels compared at a time. The
// ignore index, reduce_zero_label and the class range are applied once, when folding.
class SegmentationJointHistogram {
 public:
  SegmentationJointHistogram() : counts_(256 * 256, 0) {}
  void add_image(const std::uint8_t* gt, const std::uint8_t* pred, std::size_t n);
  void add(const SegmentationJointHistogram& other);
  // Adds the mmseg per-class totals of everything added so far to `totals`.
  void fold_into(const SegmentationOptions& options, SegmentationTotals& totals) const;

 private:
  std::vector<std::uint64_t> counts_;  // [gt * 256 + pred]
};

// Adds one image (gt and pred of the same size, `n` pixels) to `totals` (through a joint
// histogram: for one-off use; loops over many images keep one SegmentationJointHistogram).
void accumulate_segmentation(const std::uint8_t* gt, const std::uint8_t* pred, std::size_t n,
                             const SegmentationOptions& options, SegmentationTotals& totals);

struct SegmentationMetrics {
  double aAcc = 0, mIoU = 0, mAcc = 0;  // fractions; NaN when undefined
  std::vector<double> iou, acc;         // per class; NaN on 0/0
};

// IoU = I/U, Acc = I/gt (NaN on 0/0); aAcc = sum I / sum gt; mIoU, mAcc = nanmean.
SegmentationMetrics segmentation_metrics(const SegmentationTotals& totals);

}  // namespace ovbench
