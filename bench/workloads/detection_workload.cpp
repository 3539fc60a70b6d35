#include "bench/workloads/detection_workload.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace ovbench::bench {
namespace {

// Bump when the generated content changes, so stale caches are rewritten.
constexpr int kGeneratorVersion = 1;

// splitmix64: tiny, fast and the same on every platform, unlike std:: distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  int below(int n) { return static_cast<int>(uniform() * n); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::uint64_t state_;
};

// Appends JSON text to a buffer that is flushed to the file in large blocks.
class JsonWriter {
 public:
  explicit JsonWriter(const std::filesystem::path& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw std::runtime_error("cannot write " + path.string());
    buffer_.reserve(kBlock + 4096);
  }
  ~JsonWriter() {
    if (file_) std::fclose(file_);
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void raw(std::string_view s) {
    buffer_.append(s);
    if (buffer_.size() >= kBlock) flush();
  }
  void integer(std::int64_t v) {
    char tmp[24];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buffer_.append(tmp, r.ptr);
  }
  // A float32 value printed as Python's json prints the double it widens to (detectron2 and
  // mmdet results pass float32 tensors through .tolist()): up to 17 significant digits.
  void real(double v) {
    char tmp[32];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, static_cast<double>(static_cast<float>(v)));
    buffer_.append(tmp, r.ptr);
  }
  void close() {
    flush();
    if (std::fclose(file_) != 0) {
      file_ = nullptr;
      throw std::runtime_error("cannot finish writing " + path_.string());
    }
    file_ = nullptr;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 24;
  void flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
      throw std::runtime_error("cannot write " + path_.string());
    buffer_.clear();
  }
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

struct Box {
  double x, y, w, h;
};

struct Image {
  std::int64_t id;
  int width, height;
  std::vector<int> neg, not_exhaustive;  // category indexes (LVIS)
};

struct Gt {
  int image, category;
  Box box;
  bool crowd;
};

// LVIS v1 frequency groups: categories are interleaved r/c/f by a fixed pattern so that every
// group spans the id range, as in the real category list.
char lvis_frequency(int index) {
  // 337 r, 461 c, 405 f out of 1203.
  const int slot = index % 1203;
  if (slot * 337 / 1203 != (slot + 1) * 337 / 1203) return 'r';
  if (slot * 461 / 1203 != (slot + 1) * 461 / 1203) return 'c';
  return 'f';
}

Box random_box(Rng& rng, const Image& im) {
  // Log-uniform side lengths give COCO's mix of small (41%), medium (34%) and large (24%) objects
  // roughly; the aspect ratio spans 1:3 to 3:1.
  const double side = std::exp(rng.uniform(std::log(6.0), std::log(480.0)));
  const double aspect = std::exp(rng.uniform(std::log(1.0 / 3), std::log(3.0)));
  double w = std::min(side * std::sqrt(aspect), im.width - 1.0);
  double h = std::min(side / std::sqrt(aspect), im.height - 1.0);
  const double x = rng.uniform(0, im.width - w);
  const double y = rng.uniform(0, im.height - h);
  return {x, y, w, h};
}

Box jitter(Rng& rng, const Box& b, double amount, const Image& im) {
  const double x = std::clamp(b.x + rng.uniform(-amount, amount) * b.w, 0.0, im.width - 1.0);
  const double y = std::clamp(b.y + rng.uniform(-amount, amount) * b.h, 0.0, im.height - 1.0);
  const double w = std::clamp(b.w * (1 + rng.uniform(-amount, amount)), 1.0, im.width - x);
  const double h = std::clamp(b.h * (1 + rng.uniform(-amount, amount)), 1.0, im.height - y);
  return {x, y, w, h};
}

std::string spec_text(const DetectionWorkloadSpec& s) {
  std::ostringstream o;
  o << "generator " << kGeneratorVersion << "\nname " << s.name << "\nlvis " << s.lvis << "\nimages "
    << s.images << "\ncategories " << s.categories << "\ngts_per_image " << s.gts_per_image
    << "\ncrowd_fraction " << s.crowd_fraction << "\ndetections_per_image "
    << s.detections_per_image << "\nseed " << s.seed << "\n";
  return o.str();
}

struct Generated {
  std::vector<Image> images;
  std::vector<Gt> gts;
};

Generated generate_ground_truth(const DetectionWorkloadSpec& spec, Rng& rng) {
  Generated g;
  g.images.reserve(spec.images);
  std::int64_t id = 139;  // sparse ids, like COCO's
  for (int i = 0; i < spec.images; ++i) {
    id += 1 + rng.below(200);
    g.images.push_back({id, 320 + rng.below(321), 240 + rng.below(401), {}, {}});
  }
  for (int i = 0; i < spec.images; ++i) {
    Image& im = g.images[i];
    const int n = static_cast<int>(rng.uniform() * (2 * spec.gts_per_image + 1));
    std::vector<int> present;
    for (int j = 0; j < n; ++j) {
      int category;
      if (spec.lvis) {
        // Frequent categories carry most boxes; rare ones appear in a handful of images.
        const double u = rng.uniform();
        const char want = u < 0.80 ? 'f' : (u < 0.97 ? 'c' : 'r');
        do category = rng.below(spec.categories);
        while (lvis_frequency(category) != want);
      } else {
        const double u = rng.uniform();
        category = static_cast<int>(u * u * spec.categories);  // skewed, like "person"
      }
      // Objects of one category cluster in an image (several people, many books).
      if (!present.empty() && rng.chance(0.4)) category = present[rng.below(present.size())];
      present.push_back(category);
      g.gts.push_back({i, category, random_box(rng, im), rng.chance(spec.crowd_fraction)});
    }
    if (spec.lvis) {
      std::sort(present.begin(), present.end());
      present.erase(std::unique(present.begin(), present.end()), present.end());
      const int negs = rng.below(9);
      for (int j = 0; j < negs; ++j) {
        const int c = rng.below(spec.categories);
        if (!std::binary_search(present.begin(), present.end(), c)) im.neg.push_back(c);
      }
      std::sort(im.neg.begin(), im.neg.end());
      im.neg.erase(std::unique(im.neg.begin(), im.neg.end()), im.neg.end());
      for (int c : present)
        if (rng.chance(0.1)) im.not_exhaustive.push_back(c);
    }
  }
  return g;
}

// ,"bbox":[x,y,w,h]
void write_box(JsonWriter& out, const Box& b) {
  out.raw(",\"bbox\":[");
  out.real(b.x);
  out.raw(",");
  out.real(b.y);
  out.raw(",");
  out.real(b.w);
  out.raw(",");
  out.real(b.h);
  out.raw("]");
}

void write_ids(JsonWriter& out, const std::vector<int>& categories) {
  out.raw("[");
  for (std::size_t k = 0; k < categories.size(); ++k) {
    if (k) out.raw(",");
    out.integer(categories[k] + 1);
  }
  out.raw("]");
}

void write_ground_truth(const DetectionWorkloadSpec& spec, const Generated& g,
                        const std::filesystem::path& path) {
  JsonWriter out(path);
  out.raw("{\"info\":{\"description\":\"ovbench synthetic ");
  out.raw(spec.name);
  out.raw("\"},\"images\":[");
  for (std::size_t i = 0; i < g.images.size(); ++i) {
    const Image& im = g.images[i];
    out.raw(i ? ",{\"id\":" : "{\"id\":");
    out.integer(im.id);
    out.raw(",\"width\":");
    out.integer(im.width);
    out.raw(",\"height\":");
    out.integer(im.height);
    out.raw(",\"file_name\":\"");
    out.integer(im.id);
    out.raw(".jpg\"");
    if (spec.lvis) {
      out.raw(",\"neg_category_ids\":");
      write_ids(out, im.neg);
      out.raw(",\"not_exhaustive_category_ids\":");
      write_ids(out, im.not_exhaustive);
    }
    out.raw("}");
  }
  out.raw("],\"annotations\":[");
  for (std::size_t a = 0; a < g.gts.size(); ++a) {
    const Gt& gt = g.gts[a];
    out.raw(a ? ",{\"id\":" : "{\"id\":");
    out.integer(static_cast<std::int64_t>(a) + 1);
    out.raw(",\"image_id\":");
    out.integer(g.images[gt.image].id);
    out.raw(",\"category_id\":");
    out.integer(gt.category + 1);
    // A 12-vertex polygon inscribed in the box: real files carry polygons of this order of
    // size, and the reader must get past them even for bbox evaluation.
    out.raw(",\"segmentation\":[[");
    const Box& b = gt.box;
    for (int v = 0; v < 12; ++v) {
      const double t = v * (2 * M_PI / 12);
      if (v) out.raw(",");
      out.real(b.x + b.w * (0.5 + 0.5 * std::cos(t)));
      out.raw(",");
      out.real(b.y + b.h * (0.5 + 0.5 * std::sin(t)));
    }
    out.raw("]],\"area\":");
    out.real(b.w * b.h * 0.75);  // the polygon's share of its box, roughly
    write_box(out, b);
    if (!spec.lvis) out.raw(gt.crowd ? ",\"iscrowd\":1" : ",\"iscrowd\":0");
    out.raw("}");
  }
  out.raw("],\"categories\":[");
  for (int c = 0; c < spec.categories; ++c) {
    out.raw(c ? ",{\"id\":" : "{\"id\":");
    out.integer(c + 1);
    out.raw(",\"name\":\"category_");
    out.integer(c + 1);
    out.raw("\",\"supercategory\":\"thing\"");
    if (spec.lvis) {
      const char f[2] = {lvis_frequency(c), 0};
      out.raw(",\"frequency\":\"");
      out.raw(f);
      out.raw("\"");
    }
    out.raw("}");
  }
  out.raw("]}\n");
  out.close();
}

struct Det {
  int category;
  Box box;
  double score;
};

std::uint64_t write_results(const DetectionWorkloadSpec& spec, const Generated& g, Rng& rng,
                            const std::filesystem::path& path) {
  JsonWriter out(path);
  out.raw("[");
  std::uint64_t written = 0;
  std::vector<std::vector<int>> gts_of(g.images.size());
  for (std::size_t a = 0; a < g.gts.size(); ++a) gts_of[g.gts[a].image].push_back(static_cast<int>(a));
  std::vector<Det> dets;
  for (std::size_t i = 0; i < g.images.size(); ++i) {
    const Image& im = g.images[i];
    dets.clear();
    for (int a : gts_of[i]) {
      const Gt& gt = g.gts[a];
      if (rng.chance(0.85)) dets.push_back({gt.category, jitter(rng, gt.box, 0.12, im), rng.uniform(0.3, 1.0)});
      if (rng.chance(0.3)) dets.push_back({gt.category, jitter(rng, gt.box, 0.3, im), rng.uniform(0.05, 0.6)});
      if (rng.chance(0.25)) dets.push_back({rng.below(spec.categories), jitter(rng, gt.box, 0.1, im), rng.uniform(0.05, 0.7)});
    }
    // Federated negatives are where LVIS false positives are counted.
    for (int c : im.neg)
      if (rng.chance(0.5)) dets.push_back({c, random_box(rng, im), rng.uniform(0.01, 0.5)});
    // Background boxes fill the rest of the budget with low scores, as top-k detectors do.
    while (static_cast<int>(dets.size()) < spec.detections_per_image) {
      const double u = rng.uniform();
      dets.push_back({rng.below(spec.categories), random_box(rng, im), 0.3 * u * u});
    }
    std::stable_sort(dets.begin(), dets.end(), [](const Det& a, const Det& b) { return a.score > b.score; });
    if (static_cast<int>(dets.size()) > spec.detections_per_image) dets.resize(spec.detections_per_image);
    for (const Det& d : dets) {
      out.raw(written ? ",{\"image_id\":" : "{\"image_id\":");
      out.integer(im.id);
      out.raw(",\"category_id\":");
      out.integer(d.category + 1);
      write_box(out, d.box);
      out.raw(",\"score\":");
      out.real(d.score);
      out.raw("}");
      ++written;
    }
  }
  out.raw("]\n");
  out.close();
  return written;
}

}  // namespace

DetectionWorkloadSpec coco_val_workload() {
  return {"coco-val", false, 5000, 80, 7.36, 0.01, 100, 2017};
}

DetectionWorkloadSpec lvis_val_workload() {
  return {"lvis-val", true, 19809, 1203, 12.3, 0.0, 300, 1203};
}

std::filesystem::path bench_data_dir() {
  if (const char* env = std::getenv("OVBENCH_BENCH_DATA"); env && *env) return env;
  return std::filesystem::temp_directory_path() / "ovbench-bench-data";
}

DetectionWorkloadFiles ensure_detection_workload(const DetectionWorkloadSpec& spec,
                                                 const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  DetectionWorkloadFiles files{dir / (spec.name + "_gt.json"), dir / (spec.name + "_results.json")};
  const auto spec_path = dir / (spec.name + ".spec");
  const std::string want = spec_text(spec);
  if (std::filesystem::exists(spec_path) && std::filesystem::exists(files.gt) &&
      std::filesystem::exists(files.results)) {
    std::ifstream in(spec_path);
    std::stringstream have;
    have << in.rdbuf();
    const std::string text = have.str();
    if (text.rfind(want, 0) == 0) {
      std::istringstream tail(text.substr(want.size()));
      std::string key;
      tail >> key >> files.gt_count >> key >> files.detection_count;
      if (tail) return files;
    }
  }
  std::fprintf(stderr, "writing the %s workload into %s (once; cached)\n", spec.name.c_str(),
               dir.c_str());
  std::filesystem::remove(spec_path);
  Rng rng(spec.seed);
  const Generated g = generate_ground_truth(spec, rng);
  write_ground_truth(spec, g, files.gt);
  files.gt_count = g.gts.size();
  files.detection_count = write_results(spec, g, rng, files.results);
  std::ofstream(spec_path) << want << "gts " << files.gt_count << "\ndetections "
                           << files.detection_count << "\n";
  return files;
}

}  // namespace ovbench::bench
