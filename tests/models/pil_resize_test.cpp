// pil_resize against hand-derived cases and against Pillow itself.
//
// tests/fixtures/pil_resize_vectors.json was derived outside the repository with Debian 12's
// python3-pil 9.4.0: for each case, the deterministic image below ("noise" or "gradient") was
// built with Image.frombytes("RGB", ...), resized with Image.resize((out_w, out_h), filter)
// (box=None, reducing_gap=None) and the output bytes stored (hex, when at most 4096 bytes), with
// their FNV-1a 64 hash and a few sampled pixels. Equality is required bit for bit.

#include "models/preprocess/pil_resize.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/content_hash.h"

namespace ovbench {
namespace {

RgbImage gray_row(std::initializer_list<int> r, std::initializer_list<int> g,
                  std::initializer_list<int> b) {
  RgbImage im(static_cast<int>(r.size()), 1);
  auto ri = r.begin(), gi = g.begin(), bi = b.begin();
  for (int x = 0; x < im.width; ++x, ++ri, ++gi, ++bi) {
    im.pixels[3 * x + 0] = static_cast<std::uint8_t>(*ri);
    im.pixels[3 * x + 1] = static_cast<std::uint8_t>(*gi);
    im.pixels[3 * x + 2] = static_cast<std::uint8_t>(*bi);
  }
  return im;
}

std::vector<int> channel(const RgbImage& im, int c) {
  std::vector<int> v;
  for (std::size_t i = static_cast<std::size_t>(c); i < im.pixels.size(); i += 3) {
    v.push_back(im.pixels[i]);
  }
  return v;
}

// 4 -> 2 bilinear: scale 2 widens the triangle to support 2. Output 0 centres at 1.0 and reads
// inputs 0..2 with weights tri(0.25), tri(0.25), tri(0.75) = .75, .75, .25 -> 3/7, 3/7, 1/7;
// output 1 (centre 3.0) reads inputs 1..3 with 1/7, 3/7, 3/7. Fixed point: 3/7 -> 1797559,
// 1/7 -> 599186 (sum exactly 2^22, so a constant 255 stays 255).
TEST(PilResize, Downscale4To2BilinearByHand) {
  const RgbImage in = gray_row({0, 70, 140, 210}, {255, 255, 255, 255}, {10, 20, 30, 41});
  const RgbImage out = pil_resize(in, 2, 1, PilFilter::bilinear);
  ASSERT_EQ(out.width, 2);
  ASSERT_EQ(out.height, 1);
  // R: (70*3 + 140)/7 = 50 (the fixed-point sum lands just under 50.5), (70 + 420 + 630)/7 = 160.
  EXPECT_EQ(channel(out, 0), (std::vector<int>{50, 160}));
  EXPECT_EQ(channel(out, 1), (std::vector<int>{255, 255}));
  // B: (30 + 60 + 30)/7 = 17.14 -> 17; (20 + 90 + 123)/7 = 33.29 -> 33.
  EXPECT_EQ(channel(out, 2), (std::vector<int>{17, 33}));
}

// Nearest 4 -> 2: positions (i + 0.5) * 2 = 1, 3.
TEST(PilResize, Downscale4To2NearestByHand) {
  const RgbImage in = gray_row({0, 70, 140, 210}, {1, 2, 3, 4}, {9, 8, 7, 6});
  const RgbImage out = pil_resize(in, 2, 1, PilFilter::nearest);
  EXPECT_EQ(channel(out, 0), (std::vector<int>{70, 210}));
  EXPECT_EQ(channel(out, 1), (std::vector<int>{2, 4}));
  EXPECT_EQ(channel(out, 2), (std::vector<int>{8, 6}));
}

// 1x1 -> 3x3: every output reads the single input with one tap, normalised to weight 1.
TEST(PilResize, SinglePixelUpscaleByHand) {
  const RgbImage in = gray_row({200}, {13}, {77});
  for (PilFilter f : {PilFilter::nearest, PilFilter::bilinear, PilFilter::bicubic}) {
    const RgbImage out = pil_resize(in, 3, 3, f);
    ASSERT_EQ(out.width, 3);
    ASSERT_EQ(out.height, 3);
    EXPECT_EQ(channel(out, 0), std::vector<int>(9, 200));
    EXPECT_EQ(channel(out, 1), std::vector<int>(9, 13));
    EXPECT_EQ(channel(out, 2), std::vector<int>(9, 77));
  }
}

// 2 -> 4 bilinear (scale 0.5, support 1): centres 0.25, 0.75, 1.25, 1.75. The outer two see one
// input each (weight normalised to 1); the inner two weigh (.75, .25) and (.25, .75), both exact
// in fixed point, so 202 * .25 = 50.5 shows the round-half-up: 51, and 151.5 -> 152.
TEST(PilResize, Upscale2To4BilinearRoundsHalfUp) {
  const RgbImage in = gray_row({0, 202}, {100, 200}, {255, 0});
  const RgbImage out = pil_resize(in, 4, 1, PilFilter::bilinear);
  EXPECT_EQ(channel(out, 0), (std::vector<int>{0, 51, 152, 202}));
  EXPECT_EQ(channel(out, 1), (std::vector<int>{100, 125, 175, 200}));
  EXPECT_EQ(channel(out, 2), (std::vector<int>{255, 191, 64, 0}));
}

// 2 -> 4 bicubic (a = -0.5, support 2): output 0 reads inputs 0, 1 at distances .25, 1.25 with
// weights .8671875, -.0703125 (sum .796875): 100 * 1.0882 - 200 * .0882 = 91.18 -> 91, below
// both inputs (the negative lobe). Output 1: distances .25, .75 -> .8671875, .2265625:
// 79.29 + 41.43 = 120.71 -> 121; outputs 2 and 3 mirror them: 179.29 -> 179, 208.82 -> 209.
// The zero channel goes negative at output 0 and must clip to 0; 255 overshoots and clips.
TEST(PilResize, Upscale2To4BicubicOvershootsAndClips) {
  const RgbImage in = gray_row({100, 200}, {0, 255}, {255, 0});
  const RgbImage out = pil_resize(in, 4, 1, PilFilter::bicubic);
  EXPECT_EQ(channel(out, 0), (std::vector<int>{91, 121, 179, 209}));
  EXPECT_EQ(channel(out, 1).front(), 0);
  EXPECT_EQ(channel(out, 1).back(), 255);
  EXPECT_EQ(channel(out, 2).front(), 255);
  EXPECT_EQ(channel(out, 2).back(), 0);
}

TEST(PilResize, SameSizeIsACopyAndBadSizesThrow) {
  const RgbImage in = gray_row({1, 2, 3}, {4, 5, 6}, {7, 8, 9});
  EXPECT_EQ(pil_resize(in, 3, 1, PilFilter::bicubic).pixels, in.pixels);
  EXPECT_THROW(pil_resize(in, 0, 1, PilFilter::bilinear), std::invalid_argument);
  EXPECT_THROW(pil_resize(RgbImage{}, 2, 2, PilFilter::bilinear), std::invalid_argument);
}

// The generators of the fixture's images (32-bit arithmetic, as the derivation masks it).
std::uint8_t noise(std::uint32_t x, std::uint32_t y, std::uint32_t c) {
  std::uint32_t h = (x * 2654435761u) ^ (y * 2246822519u) ^ ((c + 1) * 3266489917u);
  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return static_cast<std::uint8_t>(h & 255);
}

std::uint8_t gradient(int x, int y, int c, int w, int h) {
  if (c == 0) return static_cast<std::uint8_t>((x * 255) / std::max(w - 1, 1));
  if (c == 1) return static_cast<std::uint8_t>((y * 255) / std::max(h - 1, 1));
  return x >= w / 2 ? 255 : 0;
}

RgbImage make_image(const std::string& kind, int w, int h) {
  RgbImage im(w, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int c = 0; c < 3; ++c) {
        im.row(y)[3 * x + c] =
            kind == "noise" ? noise(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y),
                                    static_cast<std::uint32_t>(c))
                            : gradient(x, y, c, w, h);
      }
    }
  }
  return im;
}

std::string to_hex(const std::vector<std::uint8_t>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (std::uint8_t b : bytes) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

PilFilter filter_named(const std::string& name) {
  if (name == "nearest") return PilFilter::nearest;
  if (name == "bilinear") return PilFilter::bilinear;
  return PilFilter::bicubic;
}

TEST(PilResize, MatchesPillowBitForBit) {
  std::ifstream in(std::string(OVBENCH_SOURCE_DIR) + "/tests/fixtures/pil_resize_vectors.json");
  ASSERT_TRUE(in) << "missing fixture";
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str());
  ASSERT_GE(doc["cases"].size(), 40u);
  int with_pixels = 0, with_samples = 0;
  for (const auto& c : doc["cases"]) {
    const std::string name =
        c["image"].get<std::string>() + " " + std::to_string(c["width"].get<int>()) + "x" +
        std::to_string(c["height"].get<int>()) + " -> " +
        std::to_string(c["out_width"].get<int>()) + "x" +
        std::to_string(c["out_height"].get<int>()) + " " + c["filter"].get<std::string>();
    const RgbImage im = make_image(c["image"], c["width"], c["height"]);
    const RgbImage out = pil_resize(im, c["out_width"], c["out_height"], filter_named(c["filter"]));
    ASSERT_EQ(out.width, c["out_width"].get<int>()) << name;
    ASSERT_EQ(out.height, c["out_height"].get<int>()) << name;
    if (c.contains("pixels_hex")) {
      ++with_pixels;
      EXPECT_EQ(to_hex(out.pixels), c["pixels_hex"].get<std::string>()) << name;
    }
    if (c.contains("samples")) {
      ++with_samples;
      for (const auto& s : c["samples"]) {
        const int x = s["x"], y = s["y"];
        for (int ch = 0; ch < 3; ++ch) {
          EXPECT_EQ(int{out.row(y)[3 * x + ch]}, s["rgb"][static_cast<std::size_t>(ch)].get<int>())
              << name << " at (" << x << "," << y << ") channel " << ch;
        }
      }
    }
    const std::string bytes(out.pixels.begin(), out.pixels.end());
    EXPECT_EQ(content_hash(bytes), c["hash"].get<std::string>()) << name;
  }
  EXPECT_GT(with_pixels, 20);
  EXPECT_GT(with_samples, 5);
}

}  // namespace
}  // namespace ovbench
