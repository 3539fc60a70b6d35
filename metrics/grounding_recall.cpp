#include "metrics/grounding_recall.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/errors.h"
#include "core/parallel_for.h"

namespace ovbench {

GroundingBox enclosing_box(const GroundingBox* boxes, std::size_t count) {
  GroundingBox out = boxes[0];
  for (std::size_t i = 1; i < count; ++i) {
    out.x1 = std::min(out.x1, boxes[i].x1);
    out.y1 = std::min(out.y1, boxes[i].y1);
    out.x2 = std::max(out.x2, boxes[i].x2);
    out.y2 = std::max(out.y2, boxes[i].y2);
  }
  return out;
}

double grounding_box_iou(const GroundingBox& a, const GroundingBox& b) {
  // Same operations in the same order as the numpy code, so results agree bit for bit.
  const double area_a = (a.x2 - a.x1) * (a.y2 - a.y1);
  const double area_b = (b.x2 - b.x1) * (b.y2 - b.y1);
  const double w = std::max(std::min(a.x2, b.x2) - std::max(a.x1, b.x1), 0.0);
  const double h = std::max(std::min(a.y2, b.y2) - std::max(a.y1, b.y1), 0.0);
  const double inter = w * h;
  const double uni = area_a + area_b - inter;
  return inter / uni;
}

namespace {

std::string sentence_key(const std::string& image_id, std::int64_t sentence_id) {
  std::string key = image_id;
  key += '\0';
  key += std::to_string(sentence_id);
  return key;
}

std::string describe_sentence(const std::string& image_id, std::int64_t sentence_id) {
  return "sentence " + std::to_string(sentence_id) + " of image " + image_id;
}

// Rows scanned for phrase hits: the first row with max IoU >= threshold and the first row whose
// max is NaN. numpy's max propagates NaN, so a NaN among the first k rows makes the phrase a
// miss at k even when another row matches (MDETR compares `ious[:k].max() >= 0.5`).
struct PhraseScan {
  std::size_t first_hit, first_nan;
};

PhraseScan scan_phrase(const GroundingBox* pred, std::size_t n_pred, const GroundingBox* gt,
                       std::size_t n_gt, double threshold) {
  PhraseScan scan{n_pred, n_pred};
  for (std::size_t i = 0; i < n_pred; ++i) {
    bool hit = false, nan = false;
    for (std::size_t j = 0; j < n_gt; ++j) {
      const double iou = grounding_box_iou(pred[i], gt[j]);
      hit |= iou >= threshold;
      nan |= std::isnan(iou);
    }
    if (nan) {
      scan.first_nan = i;
      break;  // every k past this row is a miss, and rows before it are already scanned
    }
    if (hit && scan.first_hit == n_pred) scan.first_hit = i;
  }
  return scan;
}

}  // namespace

GroundingRecallReport evaluate_grounding_recall(const GroundingGroundTruth& gt,
                                                const GroundingPredictions& predictions,
                                                const GroundingRecallOptions& options) {
  GroundingRecallReport report;
  report.top_k = options.top_k;
  report.sentences = static_cast<std::int64_t>(gt.sentences.size());
  report.phrases = static_cast<std::int64_t>(gt.phrases.size());
  report.predictions = static_cast<std::int64_t>(predictions.records.size());

  // Match predictions to sentences, in file order, as the reference loop does.
  std::unordered_map<std::string, std::uint32_t> sentence_of;
  sentence_of.reserve(gt.sentences.size());
  for (std::uint32_t s = 0; s < gt.sentences.size(); ++s) {
    sentence_of.emplace(sentence_key(gt.sentences[s].image_id, gt.sentences[s].sentence_id), s);
  }
  constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::vector<std::uint32_t> record_of(gt.sentences.size(), kNone);
  std::int64_t ignored_with_boxes = 0;
  std::string first_ignored, first_duplicate;
  for (std::uint32_t r = 0; r < predictions.records.size(); ++r) {
    const auto& rec = predictions.records[r];
    const auto it = sentence_of.find(sentence_key(rec.image_id, rec.sentence_id));
    if (it == sentence_of.end()) {
      ++report.ignored_predictions;
      if (rec.list_count > 0 && ignored_with_boxes++ == 0) {
        first_ignored = describe_sentence(rec.image_id, rec.sentence_id);
      }
      continue;
    }
    if (record_of[it->second] != kNone) {
      if (report.duplicate_predictions++ == 0) {
        first_duplicate = describe_sentence(rec.image_id, rec.sentence_id) + " (record " +
                          std::to_string(r) + ", first in record " +
                          std::to_string(record_of[it->second]) + ")";
      }
      continue;
    }
    const auto& sentence = gt.sentences[it->second];
    if (rec.list_count != sentence.phrase_count) {
      throw InputError(describe_location(options.predictions_name, r, "boxes") + ": expected " +
                       std::to_string(sentence.phrase_count) +
                       " box lists (one per phrase with a gt box, in sentence order) for " +
                       describe_sentence(rec.image_id, rec.sentence_id) + ", found " +
                       std::to_string(rec.list_count));
    }
    record_of[it->second] = r;
  }
  std::size_t missing = 0, first_missing = 0;
  for (std::size_t s = 0; s < record_of.size(); ++s) {
    if (record_of[s] == kNone && missing++ == 0) first_missing = s;
  }
  if (missing > 0) {
    const auto& s = gt.sentences[first_missing];
    throw InputError(options.predictions_name + ": no prediction for " +
                     describe_sentence(s.image_id, s.sentence_id) +
                     (missing > 1
                          ? " (" + std::to_string(missing) + " evaluable sentences have none)"
                          : std::string()));
  }
  if (report.duplicate_predictions > 0) {
    report.warnings.push_back(std::to_string(report.duplicate_predictions) +
                              " duplicate prediction(s) skipped, the first one of each sentence "
                              "counts; e.g. " +
                              first_duplicate);
  }
  if (ignored_with_boxes > 0) {
    report.warnings.push_back(std::to_string(ignored_with_boxes) +
                              " prediction(s) with boxes for sentences that are not evaluated "
                              "(unknown, or no phrase with a gt box) ignored; e.g. " +
                              first_ignored);
  }

  // Score, in parallel over sentences; counters are per worker, summed at the end.
  const std::size_t n_types = gt.type_names.size();
  const std::size_t n_k = options.top_k.size();
  const std::size_t row = n_types + 1;  // column 0: "all"
  const unsigned threads = options.threads ? options.threads : default_thread_count();
  const unsigned workers = static_cast<unsigned>(
      std::max<std::size_t>(1, std::min<std::size_t>(threads, gt.sentences.size())));
  std::vector<std::vector<std::int64_t>> worker_hits(workers, std::vector<std::int64_t>(n_k * row));
  const bool merged = options.protocol == GroundingProtocol::kMergedBox;
  report.sentence_phrases.resize(gt.sentences.size());
  report.sentence_hits.assign(gt.sentences.size() * n_k, 0);
  parallel_for_workers(
      gt.sentences.size(),
      [&](std::size_t s0, std::size_t s1, unsigned w) {
        std::int64_t* hits = worker_hits[w].data();
        for (std::size_t s = s0; s < s1; ++s) {
          const auto& sentence = gt.sentences[s];
          const auto& rec = predictions.records[record_of[s]];
          report.sentence_phrases[s] = sentence.phrase_count;  // each sentence has one worker
          for (std::uint32_t p = 0; p < sentence.phrase_count; ++p) {
            const auto& phrase = gt.phrases[sentence.first_phrase + p];
            const std::size_t list = rec.first_list + p;
            const std::size_t b0 = predictions.list_begin[list];
            const std::size_t n_pred = predictions.list_begin[list + 1] - b0;
            const GroundingBox* gt_boxes = gt.boxes.data() + phrase.first_box;
            std::size_t n_gt = phrase.box_count;
            GroundingBox merged_box;
            if (merged && n_gt > 1) {
              merged_box = enclosing_box(gt_boxes, n_gt);
              gt_boxes = &merged_box;
              n_gt = 1;
            }
            // An empty box list crashes the reference (np.asarray([]) is not N x 4); here it is
            // a miss at every k, the sensible reading of "the model proposed nothing".
            const PhraseScan scan = scan_phrase(predictions.boxes.data() + b0, n_pred, gt_boxes,
                                                n_gt, options.iou_threshold);
            for (std::size_t ki = 0; ki < n_k; ++ki) {
              const int k = options.top_k[ki];
              const std::size_t upto =
                  k < 0 ? n_pred : std::min<std::size_t>(static_cast<std::size_t>(k), n_pred);
              if (scan.first_hit < upto && scan.first_nan >= upto) {
                std::int64_t* at = hits + ki * row;
                ++at[0];
                ++report.sentence_hits[s * n_k + ki];
                for (std::uint32_t t = 0; t < phrase.type_count; ++t) {
                  ++at[1 + gt.phrase_types[phrase.first_type + t]];
                }
              }
            }
          }
        }
      },
      workers, 0);

  std::vector<std::int64_t> totals(row, 0);
  totals[0] = static_cast<std::int64_t>(gt.phrases.size());
  for (std::uint32_t t : gt.phrase_types) ++totals[1 + t];
  std::vector<std::int64_t> hits(n_k * row, 0);
  for (const auto& wh : worker_hits) {
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i] += wh[i];
  }
  // Categories that MDETR's RecallTracker would have seen: "all" once a phrase is scored, and
  // each type with a scored phrase; then sorted, as its table is.
  std::vector<std::pair<std::string, std::size_t>> categories;
  if (!gt.phrases.empty()) categories.emplace_back("all", 0);
  for (std::size_t t = 0; t < n_types; ++t) {
    if (totals[1 + t] > 0) categories.emplace_back(gt.type_names[t], 1 + t);
  }
  std::sort(categories.begin(), categories.end());
  // A type literally named "all" would share MDETR's "all" counter; merge it the same way.
  report.hits.assign(n_k, {});
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const std::size_t col = categories[c].second;
    const bool same_as_previous = c > 0 && categories[c].first == categories[c - 1].first;
    if (same_as_previous) {
      report.totals.back() += totals[col];
      for (std::size_t ki = 0; ki < n_k; ++ki) report.hits[ki].back() += hits[ki * row + col];
      continue;
    }
    report.categories.push_back(categories[c].first);
    report.totals.push_back(totals[col]);
    for (std::size_t ki = 0; ki < n_k; ++ki) report.hits[ki].push_back(hits[ki * row + col]);
  }
  return report;
}

}  // namespace ovbench
