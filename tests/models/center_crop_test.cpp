// torchvision's center crop offsets (round half to even) and the zero-filled crop.

#include "models/preprocess/center_crop.h"

#include <gtest/gtest.h>

namespace ovbench {
namespace {

TEST(CenterCrop, TorchvisionOffsets) {
  // CLIP after Resize(224) of 640x480: (298 - 224) / 2 = 37.
  EXPECT_EQ(torchvision_center_crop_offset({298, 224}, {224, 224}), (CropOffset{37, 0}));
  // Surpluses 1, 3, 5: round(0.5) = 0, round(1.5) = 2, round(2.5) = 2.
  EXPECT_EQ(torchvision_center_crop_offset({225, 227}, {224, 224}), (CropOffset{0, 2}));
  EXPECT_EQ(torchvision_center_crop_offset({229, 226}, {224, 224}), (CropOffset{2, 1}));
  // Crop larger than the image: padded (23 // 2 = 11 before), so the offset is -11.
  EXPECT_EQ(torchvision_center_crop_offset({201, 224}, {224, 224}), (CropOffset{-11, 0}));
}

TEST(CenterCrop, CropCopiesAndFillsOutsideWithBlack) {
  RgbImage im(3, 2);
  for (std::size_t i = 0; i < im.pixels.size(); ++i)
    im.pixels[i] = static_cast<std::uint8_t>(i + 1);
  const RgbImage inner = crop_image(im, {1, 1}, {2, 1});
  EXPECT_EQ(inner.pixels, (std::vector<std::uint8_t>{13, 14, 15, 16, 17, 18}));
  const RgbImage outer = crop_image(im, {-1, 0}, {5, 1});
  EXPECT_EQ(outer.pixels, (std::vector<std::uint8_t>{0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0}));
  const RgbImage below = crop_image(im, {0, 2}, {1, 1});
  EXPECT_EQ(below.pixels, (std::vector<std::uint8_t>{0, 0, 0}));
}

}  // namespace
}  // namespace ovbench
