#include "metrics/segmentation_iou.h"

#include <cmath>
#include <limits>

#include "metrics/numpy_arithmetic.h"

namespace ovbench {

void SegmentationTotals::add(const SegmentationTotals& o) {
  for (std::size_t c = 0; c < intersect.size(); ++c) {
    intersect[c] += o.intersect[c];
    union_[c] += o.union_[c];
    pred[c] += o.pred[c];
    label[c] += o.label[c];
  }
}

void accumulate_segmentation(const std::uint8_t* gt, const std::uint8_t* pred, std::size_t n,
                             const SegmentationOptions& options, SegmentationTotals& totals) {
  // 256-bin histograms in 32-bit counters (an image has < 2^32 pixels), then the classes
  // [0, C) are added to the 64-bit totals: one pass over the pixels, no branches on the class.
  std::uint32_t hist_gt[256] = {}, hist_pred[256] = {}, hist_hit[256] = {};
  const unsigned ignore = static_cast<unsigned>(options.ignore_index);
  for (std::size_t i = 0; i < n; ++i) {
    unsigned g = gt[i];
    if (options.reduce_zero_label) {
      g = g == 0 ? 255u : g - 1;
      if (g == 254) g = 255;
    }
    if (g == ignore) continue;
    const unsigned p = pred[i];
    ++hist_gt[g];
    ++hist_pred[p];
    hist_hit[g] += p == g;
  }
  const std::size_t C = totals.intersect.size();
  for (std::size_t c = 0; c < C && c < 256; ++c) {
    totals.intersect[c] += hist_hit[c];
    totals.pred[c] += hist_pred[c];
    totals.label[c] += hist_gt[c];
    totals.union_[c] += std::uint64_t{hist_pred[c]} + hist_gt[c] - hist_hit[c];
  }
}

SegmentationMetrics segmentation_metrics(const SegmentationTotals& t) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  SegmentationMetrics m;
  const std::size_t C = t.intersect.size();
  std::uint64_t sum_i = 0, sum_gt = 0;
  std::vector<double> valid_iou, valid_acc;
  for (std::size_t c = 0; c < C; ++c) {
    const double i = static_cast<double>(t.intersect[c]);
    const double iou = t.union_[c] ? i / static_cast<double>(t.union_[c]) : nan;
    const double acc = t.label[c] ? i / static_cast<double>(t.label[c]) : nan;
    m.iou.push_back(iou);
    m.acc.push_back(acc);
    if (!std::isnan(iou)) valid_iou.push_back(iou);
    if (!std::isnan(acc)) valid_acc.push_back(acc);
    sum_i += t.intersect[c];
    sum_gt += t.label[c];
  }
  m.aAcc = sum_gt ? static_cast<double>(sum_i) / static_cast<double>(sum_gt) : nan;
  // np.nanmean = np.sum of the non-NaN values / their count, numpy's summation order.
  m.mIoU = numpy::mean(valid_iou);
  m.mAcc = numpy::mean(valid_acc);
  return m;
}

}  // namespace ovbench
