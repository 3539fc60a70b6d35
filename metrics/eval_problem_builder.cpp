#include "metrics/eval_problem_builder.h"

#include <utility>

namespace ovbench {
namespace {

// Stable order of [0, n) by (category, image): LSD radix with the two keys as digits.
BigVector<std::uint32_t> cell_order(const BigVector<std::uint32_t>& categories,
                                      const BigVector<std::uint32_t>& images, std::size_t K,
                                      std::size_t I) {
  const std::size_t n = categories.size();
  BigVector<std::uint32_t> by_image(n), out(n);
  std::vector<std::uint32_t> start(I + 1, 0);
  for (std::size_t j = 0; j < n; ++j) ++start[images[j] + 1];
  for (std::size_t i = 0; i < I; ++i) start[i + 1] += start[i];
  for (std::size_t j = 0; j < n; ++j) by_image[start[images[j]]++] = static_cast<std::uint32_t>(j);
  std::vector<std::uint32_t> cstart(K + 1, 0);
  for (std::size_t j = 0; j < n; ++j) ++cstart[categories[j] + 1];
  for (std::size_t k = 0; k < K; ++k) cstart[k + 1] += cstart[k];
  for (std::uint32_t j : by_image) out[cstart[categories[j]]++] = j;
  return out;
}

}  // namespace

EvalProblemBuilder::EvalProblemBuilder(std::size_t num_categories, std::size_t num_images)
    : K_(num_categories), I_(num_images) {}

void EvalProblemBuilder::reserve(std::size_t gts, std::size_t dts) {
  gt_keys_.reserve(gts);
  gts_.reserve(gts);
  dt_keys_.reserve(dts);
  dts_.reserve(dts);
}

void EvalProblemBuilder::add_gt(std::uint32_t category, std::uint32_t image, const EvalGt& gt) {
  gt_keys_.push_back({category, image});
  gts_.push_back(gt);
}

void EvalProblemBuilder::add_dt(std::uint32_t category, std::uint32_t image, const EvalDt& dt) {
  dt_keys_.push_back({category, image});
  dts_.push_back(dt);
}

EvalProblem EvalProblemBuilder::build() {
  auto split = [](const BigVector<Key>& keys, BigVector<std::uint32_t>& c,
                  BigVector<std::uint32_t>& i) {
    c.resize(keys.size());
    i.resize(keys.size());
    for (std::size_t j = 0; j < keys.size(); ++j) {
      c[j] = keys[j].category;
      i[j] = keys[j].image;
    }
  };
  BigVector<std::uint32_t> gc, gi, dc, di;
  split(gt_keys_, gc, gi);
  split(dt_keys_, dc, di);
  const BigVector<std::uint32_t> go = cell_order(gc, gi, K_, I_);
  const BigVector<std::uint32_t> dord = cell_order(dc, di, K_, I_);

  EvalProblem p;
  p.num_categories = K_;
  p.num_images = I_;
  p.gts.reserve(go.size());
  for (std::uint32_t j : go) p.gts.push_back(gts_[j]);
  p.dts.reserve(dord.size());
  for (std::uint32_t j : dord) p.dts.push_back(dts_[j]);
  p.category_cells.assign(K_ + 1, 0);

  // Merge-walk the two (category, image)-sorted sequences into cells.
  std::size_t g = 0, d = 0;
  auto key_of = [](const BigVector<std::uint32_t>& c, const BigVector<std::uint32_t>& i,
                   std::uint32_t j) { return (std::uint64_t{c[j]} << 32) | i[j]; };
  constexpr std::uint64_t kEnd = ~std::uint64_t{0};
  while (g < go.size() || d < dord.size()) {
    const std::uint64_t kg = g < go.size() ? key_of(gc, gi, go[g]) : kEnd;
    const std::uint64_t kd = d < dord.size() ? key_of(dc, di, dord[d]) : kEnd;
    const std::uint64_t key = kg < kd ? kg : kd;
    EvalCell cell;
    cell.image = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    cell.gt_begin = static_cast<std::uint32_t>(g);
    while (g < go.size() && key_of(gc, gi, go[g]) == key) ++g;
    cell.gt_end = static_cast<std::uint32_t>(g);
    cell.dt_begin = static_cast<std::uint32_t>(d);
    while (d < dord.size() && key_of(dc, di, dord[d]) == key) ++d;
    cell.dt_end = static_cast<std::uint32_t>(d);
    ++p.category_cells[(key >> 32) + 1];
    p.cells.push_back(cell);
  }
  for (std::size_t k = 0; k < K_; ++k) p.category_cells[k + 1] += p.category_cells[k];

  gt_keys_ = {};
  dt_keys_ = {};
  gts_ = {};
  dts_ = {};
  return p;
}

}  // namespace ovbench
