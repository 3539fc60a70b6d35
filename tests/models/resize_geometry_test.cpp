// The resize rules against values worked out by hand from each reference's Python (comments
// show the arithmetic), including the cases where their rounding differs.

#include "models/preprocess/resize_geometry.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace ovbench {
namespace {

TEST(ResizeGeometry, Detectron2ShortestEdge) {
  // 640x480: scale 800/480, long side 1066.67 -> int(1067.17) = 1067.
  EXPECT_EQ(detectron2_shortest_edge_size({640, 480}, 800, 1333), (ImageSize{1067, 800}));
  EXPECT_EQ(detectron2_shortest_edge_size({480, 640}, 800, 1333), (ImageSize{800, 1067}));
  EXPECT_EQ(detectron2_shortest_edge_size({500, 375}, 800, 1333), (ImageSize{1067, 800}));
  // 321x320: 802.5 rounds half up with int(x + 0.5): 803 (maskrcnn's truncation gives 802).
  EXPECT_EQ(detectron2_shortest_edge_size({321, 320}, 800, 1333), (ImageSize{803, 800}));
  // Square: h < w is false, so newh = scale * h = 800.
  EXPECT_EQ(detectron2_shortest_edge_size({100, 100}, 800, 1333), (ImageSize{800, 800}));
  // 1000x300: long side 2666.67 > 1333 -> both scaled by 1333 / 2666.67: 399.9 -> 400, 1333.
  EXPECT_EQ(detectron2_shortest_edge_size({1000, 300}, 800, 1333), (ImageSize{1333, 400}));
  // No limit.
  EXPECT_EQ(detectron2_shortest_edge_size({1000, 300}, 800, 0), (ImageSize{2667, 800}));
  EXPECT_THROW(detectron2_shortest_edge_size({0, 10}, 800, 1333), std::invalid_argument);
}

TEST(ResizeGeometry, MaskrcnnShortestEdgeAsGlip) {
  // 640x480: oh = 800, ow = int(800 * 640 / 480) = int(1066.67) = 1066.
  EXPECT_EQ(maskrcnn_shortest_edge_size({640, 480}, 800, 1333), (ImageSize{1066, 800}));
  EXPECT_EQ(maskrcnn_shortest_edge_size({480, 640}, 800, 1333), (ImageSize{800, 1066}));
  EXPECT_EQ(maskrcnn_shortest_edge_size({321, 320}, 800, 1333), (ImageSize{802, 800}));
  // 1000x300: 1000/300*800 > 1333 -> size = round(1333 * 300 / 1000) = round(399.9) = 400,
  // ow = int(400 * 1000 / 300) = 1333.
  EXPECT_EQ(maskrcnn_shortest_edge_size({1000, 300}, 800, 1333), (ImageSize{1333, 400}));
  // 2000x1000: size = round(666.5) = 666 (Python rounds half to even), ow = 1332.
  EXPECT_EQ(maskrcnn_shortest_edge_size({2000, 1000}, 800, 1333), (ImageSize{1332, 666}));
  // The short side already equals the size: unchanged.
  EXPECT_EQ(maskrcnn_shortest_edge_size({1000, 800}, 800, 1333), (ImageSize{1000, 800}));
  EXPECT_EQ(maskrcnn_shortest_edge_size({800, 800}, 800, 1333), (ImageSize{800, 800}));
  EXPECT_EQ(maskrcnn_shortest_edge_size({1000, 300}, 800, 0), (ImageSize{2666, 800}));
}

TEST(ResizeGeometry, MmcvRescaleSizeAsMmseg) {
  // ADE20K's (2048, 512): factor = min(2048 / long, 512 / short).
  EXPECT_EQ(mmcv_rescale_size({683, 512}, 2048, 512), (ImageSize{683, 512}));
  // 640x480: factor 512/480 = 1.0667: 682.67 + 0.5 -> 683, 512.
  EXPECT_EQ(mmcv_rescale_size({640, 480}, 2048, 512), (ImageSize{683, 512}));
  // 2000x300: factor 2048/2000 = 1.024 wins: 2048, 307.2 -> 307.
  EXPECT_EQ(mmcv_rescale_size({2000, 300}, 2048, 512), (ImageSize{2048, 307}));
  // The pair is (long, short) whichever order it is written in.
  EXPECT_EQ(mmcv_rescale_size({2000, 300}, 512, 2048), (ImageSize{2048, 307}));
  // Portrait 300x450: min(2048/450, 512/300 = 1.7067): 512, 768.
  EXPECT_EQ(mmcv_rescale_size({300, 450}, 2048, 512), (ImageSize{512, 768}));
}

TEST(ResizeGeometry, TorchvisionShortSideAsClip) {
  // Resize(224): long = int(224 * 640 / 480) = int(298.67) = 298.
  EXPECT_EQ(torchvision_short_side_size({640, 480}, 224), (ImageSize{298, 224}));
  EXPECT_EQ(torchvision_short_side_size({333, 500}, 224), (ImageSize{224, 336}));
  EXPECT_EQ(torchvision_short_side_size({300, 300}, 224), (ImageSize{224, 224}));
  EXPECT_EQ(torchvision_short_side_size({224, 1000}, 224), (ImageSize{224, 1000}));
}

TEST(ResizeGeometry, DivisiblePaddedSize) {
  EXPECT_EQ(divisible_padded_size({1067, 800}, 32), (ImageSize{1088, 800}));
  EXPECT_EQ(divisible_padded_size({1333, 400}, 32), (ImageSize{1344, 416}));
  EXPECT_EQ(divisible_padded_size({1, 33}, 32), (ImageSize{32, 64}));
  EXPECT_EQ(divisible_padded_size({1067, 800}, 0), (ImageSize{1067, 800}));
  EXPECT_EQ(divisible_padded_size({1067, 800}, 1), (ImageSize{1067, 800}));
}

}  // namespace
}  // namespace ovbench
