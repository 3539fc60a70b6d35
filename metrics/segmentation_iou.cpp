#include "metrics/segmentation_iou.h"

#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
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

void SegmentationJointHistogram::add_image(const std::uint8_t* gt, const std::uint8_t* pred, std::size_t n) {
  if (n == 0) return;
  std::uint64_t* counts = counts_.data();
  auto key = [&](std::size_t i) { return (std::size_t{gt[i]} << 8) | pred[i]; };
  std::size_t prev = key(0);
  std::uint64_t run = 1;
  std::size_t i = 1;
#if defined(__SSE2__)
  // 16 pixels at a time: compare each (gt, pred) with its left neighbour; inside a region all
  // 16 match and the run just grows.
  for (; i + 16 <= n; i += 16) {
    const __m128i g = _mm_loadu_si128(reinterpret_cast<const __m128i*>(gt + i));
    const __m128i gl = _mm_loadu_si128(reinterpret_cast<const __m128i*>(gt + i - 1));
    const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pred + i));
    const __m128i pl = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pred + i - 1));
    const unsigned same = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(g, gl), _mm_cmpeq_epi8(p, pl))));
    if (same == 0xFFFFu) {
      run += 16;
      continue;
    }
    for (unsigned j = 0; j < 16; ++j) {
      if (same >> j & 1u) {
        ++run;
      } else {
        counts[prev] += run;
        prev = key(i + j);
        run = 1;
      }
    }
  }
#endif
  for (; i < n; ++i) {
    const std::size_t k = key(i);
    if (k == prev) {
      ++run;
    } else {
      counts[prev] += run;
      prev = k;
      run = 1;
    }
  }
  counts[prev] += run;
}

void SegmentationJointHistogram::add(const SegmentationJointHistogram& other) {
  for (std::size_t k = 0; k < counts_.size(); ++k) counts_[k] += other.counts_[k];
}

void SegmentationJointHistogram::fold_into(const SegmentationOptions& options, SegmentationTotals& t) const {
  const std::size_t C = t.intersect.size();
  const unsigned ignore = static_cast<unsigned>(options.ignore_index);
  for (unsigned raw = 0; raw < 256; ++raw) {
    unsigned g = raw;
    if (options.reduce_zero_label) {
      // mmseg: label[label == 0] = 255; label = label - 1; label[label == 254] = 255 (uint8).
      g = g == 0 ? 255u : g - 1;
      if (g == 254) g = 255;
    }
    if (g == ignore) continue;  // the pixel and its prediction are dropped
    const std::uint64_t* row = counts_.data() + std::size_t{raw} * 256;
    std::uint64_t row_total = 0;
    // torch.histc(bins=C, min=0, max=C-1): labels outside [0, C) drop out of their histogram.
    for (std::size_t p = 0; p < C && p < 256; ++p) t.pred[p] += row[p];
    for (std::size_t p = 0; p < 256; ++p) row_total += row[p];
    if (g < C) {
      t.label[g] += row_total;
      t.intersect[g] += row[g];
    }
  }
  for (std::size_t c = 0; c < C; ++c) t.union_[c] = t.pred[c] + t.label[c] - t.intersect[c];
}

void accumulate_segmentation(const std::uint8_t* gt, const std::uint8_t* pred, std::size_t n,
                             const SegmentationOptions& options, SegmentationTotals& totals) {
  SegmentationJointHistogram joint;
  joint.add_image(gt, pred, n);
  SegmentationTotals image(totals.intersect.size());
  joint.fold_into(options, image);
  totals.add(image);
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
