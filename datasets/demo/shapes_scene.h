#pragma once
// Deterministic synthetic scenes for the demo and tests: each image holds a few coloured
// shapes (some overlapping, now and then two of one colour, so a model that finds regions
// by colour makes real mistakes), rendered with mild pixel noise.

#include <cstdint>
#include <vector>

namespace ovbench::demo {

struct PlacedShape {
  int category = 0;           // colour * 3 + shape
  int x = 0, y = 0, size = 0;  // bounding square, pixels; drawn in order (later on top)
};

struct ShapesScene {
  std::int64_t id = 0;
  int width = 0, height = 0;
  std::vector<PlacedShape> shapes;
  std::vector<std::uint8_t> rgb;    // width * height * 3
  std::vector<std::uint8_t> owner;  // per pixel: 1 + index into shapes of the visible shape, 0 background
};

// True when pixel (px, py) (its centre) lies inside the shape.
bool shape_covers(const PlacedShape& shape, int px, int py);

// `count` scenes, the same for the same seed on every machine.
std::vector<ShapesScene> make_shapes_scenes(int count, int width, int height, std::uint64_t seed);

}  // namespace ovbench::demo
