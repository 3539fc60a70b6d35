#include "datasets/demo/shapes_scene.h"

#include <algorithm>

#include "datasets/demo/shapes_vocabulary.h"

namespace ovbench::demo {
namespace {

// splitmix64: tiny, portable and the same everywhere (std:: distributions are not).
class SceneRandom {
 public:
  explicit SceneRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int uniform(int lo, int hi) {  // [lo, hi]
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::uint64_t state_;
};

// Categories are drawn with unequal weights so that, as in LVIS, some are rare.
int draw_category(SceneRandom& rng) {
  static const double weights[kCategories] = {3, 3, 3, 3, 3, 3, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5,
                                              0.25, 0.25, 0.25, 0.25, 0.25, 0.25};
  // Interleave so that rarity is spread over colours and shapes (index -> permuted category).
  static const int order[kCategories] = {0, 4, 8, 9, 13, 17, 1, 5, 6, 10, 14, 15, 2, 3, 7, 11, 12, 16};
  double total = 0;
  for (double w : weights) total += w;
  double u = rng.unit() * total;
  for (int i = 0; i < kCategories; ++i) {
    if ((u -= weights[i]) < 0) return order[i];
  }
  return order[kCategories - 1];
}

}  // namespace

bool shape_covers(const PlacedShape& s, int px, int py) {
  const double x = px + 0.5 - s.x, y = py + 0.5 - s.y, n = s.size;
  if (x < 0 || y < 0 || x >= n || y >= n) return false;
  switch (s.category % 3) {
    case 0: return true;
    case 1: {
      const double dx = x - n / 2, dy = y - n / 2;
      return dx * dx + dy * dy <= n * n / 4;
    }
    default:  // apex at the top centre, base along the bottom edge
      return std::abs(x - n / 2) <= y / 2;
  }
}

std::vector<ShapesScene> make_shapes_scenes(int count, int width, int height, std::uint64_t seed) {
  SceneRandom rng(seed);
  std::vector<ShapesScene> scenes(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    ShapesScene& scene = scenes[static_cast<std::size_t>(i)];
    scene.id = 1000001 + i;
    scene.width = width;
    scene.height = height;
    const int shapes = rng.uniform(2, 4);
    std::vector<int> colours_used;
    for (int k = 0; k < shapes; ++k) {
      PlacedShape s;
      for (int attempt = 0; attempt < 20; ++attempt) {
        s.category = draw_category(rng);
        const int colour = s.category / 3;
        const bool repeat = std::find(colours_used.begin(), colours_used.end(), colour) != colours_used.end();
        // One image in ~7 keeps a repeated colour: its two shapes merge into one region.
        if (!repeat || rng.uniform(0, 6) == 0) break;
      }
      colours_used.push_back(s.category / 3);
      s.size = rng.uniform(height / 6, height / 2);
      s.x = rng.uniform(0, width - s.size);
      s.y = rng.uniform(0, height - s.size);
      scene.shapes.push_back(s);
    }
    scene.rgb.resize(static_cast<std::size_t>(width) * height * 3);
    scene.owner.assign(static_cast<std::size_t>(width) * height, 0);
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        std::uint8_t owner = 0;
        for (std::size_t k = 0; k < scene.shapes.size(); ++k)
          if (shape_covers(scene.shapes[k], x, y)) owner = static_cast<std::uint8_t>(k + 1);
        const auto& base = owner ? kColours[static_cast<std::size_t>(scene.shapes[owner - 1].category / 3)].rgb
                                 : kBackground;
        const std::size_t p = static_cast<std::size_t>(y) * width + x;
        scene.owner[p] = owner;
        for (int c = 0; c < 3; ++c) {
          const int noisy = base[static_cast<std::size_t>(c)] + rng.uniform(-6, 6);
          scene.rgb[p * 3 + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(std::clamp(noisy, 0, 255));
        }
      }
    }
  }
  return scenes;
}

}  // namespace ovbench::demo
