#include "metrics/ratio_bootstrap.h"

#include <string>

#include "core/parallel_for.h"

namespace ovbench {
namespace {

nlohmann::ordered_json header(const BootstrapOptions& options, double confidence, const char* unit) {
  nlohmann::ordered_json out;
  out["method"] = std::string(unit) + "-level bootstrap, percentile";
  out["replicates"] = options.replicates;
  out["seed"] = options.seed;
  out["confidence"] = confidence;
  out["metrics"] = nlohmann::ordered_json::object();
  out["groups"] = nlohmann::ordered_json::object();
  out["replicate_values"] = nlohmann::ordered_json::object();
  out["group_replicate_values"] = nlohmann::ordered_json::object();
  return out;
}

void add_metric(nlohmann::ordered_json& out, const std::string& key, const std::vector<double>& values, double confidence) {
  const auto interval = percentile_interval(values, confidence);
  out["metrics"][key] = {{"low", interval.low}, {"high", interval.high}, {"se", interval.se}};
  out["replicate_values"][key] = values;
}

// `fn(r, counts)` for every replicate, on worker threads; replicates are independent.
template <class Fn>
void for_each_replicate(std::size_t units, const BootstrapOptions& options, Fn fn) {
  parallel_for_workers(
      static_cast<std::size_t>(options.replicates),
      [&](std::size_t b, std::size_t e, unsigned) {
        for (std::size_t r = b; r < e; ++r) fn(r, bootstrap_image_counts(units, options.seed, static_cast<int>(r)));
      },
      options.threads ? options.threads : default_thread_count(), 1);
}

}  // namespace

nlohmann::ordered_json grounding_recall_intervals(const GroundingRecallReport& report, const BootstrapOptions& options,
                                                  double confidence) {
  auto out = header(options, confidence, "sentence");
  const std::size_t n = report.sentence_phrases.size(), K = report.top_k.size();
  std::vector<std::vector<double>> values(K, std::vector<double>(static_cast<std::size_t>(options.replicates), -1.0));
  for_each_replicate(n, options, [&](std::size_t r, const std::vector<std::uint32_t>& counts) {
    std::uint64_t phrases = 0;
    std::vector<std::uint64_t> hits(K, 0);
    for (std::size_t s = 0; s < n; ++s) {
      if (!counts[s]) continue;
      phrases += std::uint64_t{counts[s]} * report.sentence_phrases[s];
      for (std::size_t k = 0; k < K; ++k) hits[k] += std::uint64_t{counts[s]} * report.sentence_hits[s * K + k];
    }
    for (std::size_t k = 0; k < K; ++k)
      values[k][r] = phrases ? static_cast<double>(hits[k]) / static_cast<double>(phrases) : -1.0;
  });
  for (std::size_t k = 0; k < K; ++k)
    add_metric(out, report.top_k[k] < 0 ? "upper_bound" : "R@" + std::to_string(report.top_k[k]), values[k], confidence);
  return out;
}

nlohmann::ordered_json segmentation_intervals(const std::vector<SegmentationTotals>& per_image,
                                              const BootstrapOptions& options, double confidence) {
  auto out = header(options, confidence, "image");
  const std::size_t n = per_image.size(), C = n ? per_image.front().intersect.size() : 0;
  const auto R = static_cast<std::size_t>(options.replicates);
  std::vector<double> miou(R, -1.0), aacc(R, -1.0), macc(R, -1.0);
  for_each_replicate(n, options, [&](std::size_t r, const std::vector<std::uint32_t>& counts) {
    SegmentationTotals sum(C);
    for (std::size_t i = 0; i < n; ++i) {
      if (!counts[i]) continue;
      const auto& t = per_image[i];
      for (std::size_t c = 0; c < C; ++c) {
        sum.intersect[c] += counts[i] * t.intersect[c];
        sum.union_[c] += counts[i] * t.union_[c];
        sum.pred[c] += counts[i] * t.pred[c];
        sum.label[c] += counts[i] * t.label[c];
      }
    }
    const auto m = segmentation_metrics(sum);
    // NaN (nothing to score in the replicate) stays out of the interval, as -1 does.
    miou[r] = m.mIoU == m.mIoU ? m.mIoU : -1.0;
    aacc[r] = m.aAcc == m.aAcc ? m.aAcc : -1.0;
    macc[r] = m.mAcc == m.mAcc ? m.mAcc : -1.0;
  });
  add_metric(out, "mIoU", miou, confidence);
  add_metric(out, "aAcc", aacc, confidence);
  add_metric(out, "mAcc", macc, confidence);
  return out;
}

}  // namespace ovbench
