#pragma once
// torchvision's CenterCrop (CLIP's _transform: Resize(n_px) then CenterCrop(n_px)).

#include "models/preprocess/resize_geometry.h"
#include "models/preprocess/rgb_image.h"

namespace ovbench {

struct CropOffset {
  int x = 0, y = 0;  // top-left of the crop in the image; negative where the crop is larger
  bool operator==(const CropOffset&) const = default;
};

// torchvision.transforms.functional.center_crop (0.9 and later): top = int(round((H - h) / 2)),
// left likewise, with Python's round (half to even: a 1-pixel surplus gives offset 0, a 3-pixel
// one offset 2, a 5-pixel one 2). Where the crop is larger than the image, torchvision first pads
// it with zeros, (crop - image) // 2 before and the rest after, so the offset is negative.
// (torchvision 0.8 used int((H - h + 1) * 0.5), which differs when H - h = 1 mod 4.)
CropOffset torchvision_center_crop_offset(ImageSize image, ImageSize crop);

// The crop of `image` at `offset`, pixels outside the image black (0, 0, 0), as torchvision's
// padding fills them before normalisation.
RgbImage crop_image(const RgbImage& image, CropOffset offset, ImageSize crop);

}  // namespace ovbench
