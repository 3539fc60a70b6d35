#pragma once
// A batch of preprocessed images as the two tensors image modules take: images [N,3,H,W]
// (each zero-padded at the bottom and right to the batch's largest padded size, as
// detectron2's ImageList.from_tensors does) and image_sizes [N,2] (input height, width).

#include <vector>

#include "models/adapters/model_image.h"
#include "models/runtime/host_tensor.h"

namespace ovbench {

std::vector<HostTensor> image_batch_tensors(const std::vector<const ModelImage*>& batch);

}  // namespace ovbench
