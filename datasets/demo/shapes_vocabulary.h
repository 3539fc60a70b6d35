#pragma once
// The demo's world: coloured shapes on a light background. Shared by the data generator
// (shapes_scene.h) and the demo model builder (models/torch/demo_model_builder.cpp), which
// builds a tiny open-vocabulary detector whose region embeddings put colours and shapes on
// separate axes, matched by a text module that maps the same words onto the same axes.

#include <array>
#include <cstdint>
#include <string>

namespace ovbench::demo {

struct DemoColour {
  const char* name;
  std::array<std::uint8_t, 3> rgb;
};
struct DemoShape {
  const char* name;
  double fill;  // area of the shape / area of its bounding box
};

inline constexpr std::array<DemoColour, 6> kColours = {{
    {"red", {214, 40, 40}},
    {"green", {38, 166, 64}},
    {"blue", {40, 82, 214}},
    {"yellow", {232, 200, 32}},
    {"magenta", {196, 52, 196}},
    {"cyan", {36, 196, 206}},
}};
inline constexpr std::array<DemoShape, 3> kShapes = {{
    {"square", 1.0},
    {"circle", 0.785398},  // pi / 4
    {"triangle", 0.5},
}};
inline constexpr std::array<std::uint8_t, 3> kBackground = {236, 236, 236};

// Category index = colour * 3 + shape; ids are index + 1; names "red square", ...
inline constexpr int kCategories = static_cast<int>(kColours.size() * kShapes.size());
inline std::string category_name(int index) {
  return std::string(kColours[static_cast<std::size_t>(index / 3)].name) + " " +
         kShapes[static_cast<std::size_t>(index % 3)].name;
}

}  // namespace ovbench::demo
