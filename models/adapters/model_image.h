#pragma once
// One image as the adapters receive it: decoded, resized and normalised by the card's
// preprocessing on a worker thread, with what is needed to map boxes back to the original.

#include <cstdint>
#include <string>
#include <vector>

#include "models/preprocess/rgb_image.h"

namespace ovbench {

struct ModelImage {
  std::int64_t image_id = 0;
  std::string file_name;
  int original_width = 0, original_height = 0;
  int input_width = 0, input_height = 0;    // the resized content, before padding
  int padded_width = 0, padded_height = 0;  // the tensor's size
  std::vector<float> chw;                   // 3 x padded_height x padded_width
  RgbImage original;                        // kept only when the adapter asks (crops, windows)
};

}  // namespace ovbench
