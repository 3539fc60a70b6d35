#include "models/regions/region_scoring.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ovbench {
namespace {

void check_dims(const RegionEmbeddings& r, const EmbeddingMatrix& c) {
  if (r.dim != c.dim)
    throw std::invalid_argument("region embeddings are " + std::to_string(r.dim) +
                                "-d, class embeddings " + std::to_string(c.dim) + "-d");
}

// cos(region r, class c) for all pairs into out (R x C); classes are unit rows already.
void cosine_matrix(const RegionEmbeddings& r, const EmbeddingMatrix& c, std::vector<double>& out) {
  out.assign(static_cast<std::size_t>(r.count * c.rows), 0.0);
  for (std::int64_t i = 0; i < r.count; ++i) {
    const float* x = r.values.data() + i * r.dim;
    double norm = 0;
    for (std::int64_t d = 0; d < r.dim; ++d) norm += static_cast<double>(x[d]) * x[d];
    const double inv = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    for (std::int64_t k = 0; k < c.rows; ++k) {
      const float* e = c.row(k);
      double dot = 0;
      for (std::int64_t d = 0; d < r.dim; ++d) dot += static_cast<double>(x[d]) * e[d];
      out[i * c.rows + k] = dot * inv;
    }
  }
}

double region_dot(const RegionEmbeddings& r, std::int64_t i, const std::vector<float>& w, bool normalize_w) {
  const float* x = r.values.data() + i * r.dim;
  double norm = 0, wnorm = 0, dot = 0;
  for (std::int64_t d = 0; d < r.dim; ++d) {
    norm += static_cast<double>(x[d]) * x[d];
    wnorm += static_cast<double>(w[d]) * w[d];
    dot += static_cast<double>(x[d]) * w[d];
  }
  if (norm <= 0) return 0;
  dot /= std::sqrt(norm);
  if (normalize_w) dot = wnorm > 0 ? dot / std::sqrt(wnorm) : 0;
  return dot;
}

// Softmax over logits[0..n) (+ an optional extra logit), written into probs[0..n); returns the
// extra's probability. Max-subtracted, like torch.softmax.
void softmax_row(const double* logits, std::int64_t n, const double* extra, double* probs) {
  double max = extra ? *extra : -INFINITY;
  for (std::int64_t k = 0; k < n; ++k) max = std::max(max, logits[k]);
  double sum = extra ? std::exp(*extra - max) : 0.0;
  for (std::int64_t k = 0; k < n; ++k) sum += (probs[k] = std::exp(logits[k] - max));
  for (std::int64_t k = 0; k < n; ++k) probs[k] /= sum;
}

RegionClassScores allocate(std::int64_t regions, std::int64_t classes) {
  RegionClassScores s;
  s.regions = regions;
  s.classes = classes;
  s.rank.resize(static_cast<std::size_t>(regions * classes));
  s.reported.resize(s.rank.size());
  return s;
}

}  // namespace

RegionClassScores score_regionclip(const RegionEmbeddings& regions, const EmbeddingMatrix& classes,
                                   const std::vector<float>* background_weight,
                                   const std::vector<float>& objectness, const RegionClipScoring& how) {
  check_dims(regions, classes);
  if (how.fuse_objectness && static_cast<std::int64_t>(objectness.size()) != regions.count)
    throw std::invalid_argument("objectness fusion needs one objectness per region");
  auto out = allocate(regions.count, classes.rows);
  std::vector<double> cos, probs(static_cast<std::size_t>(classes.rows));
  cosine_matrix(regions, classes, cos);
  for (double& v : cos) v /= how.temperature;
  for (std::int64_t i = 0; i < regions.count; ++i) {
    const double bg = background_weight ? region_dot(regions, i, *background_weight, false) / how.temperature : 0.0;
    softmax_row(cos.data() + i * classes.rows, classes.rows, &bg, probs.data());
    for (std::int64_t k = 0; k < classes.rows; ++k) {
      const double p = probs[k];
      const double fused = how.fuse_objectness ? std::sqrt(p * objectness[i]) : p;
      out.rank[i * classes.rows + k] = static_cast<float>(fused);
      out.reported[i * classes.rows + k] = static_cast<float>(how.report_fused ? fused : p);
    }
  }
  return out;
}

RegionClassScores score_vild(const RegionEmbeddings& text_branch, const RegionEmbeddings* image_branch,
                             const EmbeddingMatrix& classes, const std::vector<float>* background,
                             const std::vector<bool>& novel, const VildScoring& how) {
  check_dims(text_branch, classes);
  if (how.ensemble) {
    if (image_branch == nullptr) throw std::invalid_argument("ViLD-ensemble needs image-branch embeddings");
    check_dims(*image_branch, classes);
    if (image_branch->count != text_branch.count)
      throw std::invalid_argument("ViLD's two branches must embed the same regions");
  }
  auto out = allocate(text_branch.count, classes.rows);
  std::vector<double> cos_t, cos_i, p_t(static_cast<std::size_t>(classes.rows)), p_i(p_t.size());
  cosine_matrix(text_branch, classes, cos_t);
  if (how.ensemble) cosine_matrix(*image_branch, classes, cos_i);
  for (double& v : cos_t) v /= how.temperature;
  for (double& v : cos_i) v /= how.temperature;
  const double l = how.weight;
  for (std::int64_t i = 0; i < text_branch.count; ++i) {
    const double bg = background ? region_dot(text_branch, i, *background, true) / how.temperature : 0.0;
    softmax_row(cos_t.data() + i * classes.rows, classes.rows, background ? &bg : nullptr, p_t.data());
    if (how.ensemble) softmax_row(cos_i.data() + i * classes.rows, classes.rows, nullptr, p_i.data());
    for (std::int64_t k = 0; k < classes.rows; ++k) {
      double s = p_t[k];
      if (how.ensemble) {
        const bool is_novel = static_cast<std::size_t>(k) < novel.size() && novel[k];
        s = is_novel ? std::pow(p_t[k], 1 - l) * std::pow(p_i[k], l)
                     : std::pow(p_t[k], l) * std::pow(p_i[k], 1 - l);
      }
      out.rank[i * classes.rows + k] = out.reported[i * classes.rows + k] = static_cast<float>(s);
    }
  }
  return out;
}

std::vector<float> region_class_cosines(const RegionEmbeddings& regions, const EmbeddingMatrix& classes) {
  check_dims(regions, classes);
  std::vector<double> cos;
  cosine_matrix(regions, classes, cos);
  return std::vector<float>(cos.begin(), cos.end());
}

RegionClassScores score_clip_crops(const RegionEmbeddings& crops, const EmbeddingMatrix& classes,
                                   double temperature, const std::vector<float>* proposal_scores) {
  check_dims(crops, classes);
  auto out = allocate(crops.count, classes.rows);
  std::vector<double> cos, probs(static_cast<std::size_t>(classes.rows));
  cosine_matrix(crops, classes, cos);
  for (double& v : cos) v /= temperature;
  for (std::int64_t i = 0; i < crops.count; ++i) {
    softmax_row(cos.data() + i * classes.rows, classes.rows, nullptr, probs.data());
    for (std::int64_t k = 0; k < classes.rows; ++k) {
      const double s = proposal_scores ? std::sqrt(probs[k] * (*proposal_scores)[i]) : probs[k];
      out.rank[i * classes.rows + k] = out.reported[i * classes.rows + k] = static_cast<float>(s);
    }
  }
  return out;
}

}  // namespace ovbench
