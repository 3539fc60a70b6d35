#pragma once
// A TorchScript convolutional backbone of realistic cost, with random weights, for throughput
// benchmarks (bench/predict_throughput_bench.cpp): forward(images[N,3,H,W], image_sizes[N,2])
// -> [N,512] through a 7x7 stride-2 stem, a max-pool and four stages of 3x3 convolutions
// (64/128/256/512 channels, 3/4/10/3 layers): ~50 GMACs at 1088x800. Torch-free header.

#include <filesystem>

#include "models/torch/plugin_export.h"

namespace ovbench {

OVBENCH_TORCH_API void write_conv_backbone_module(const std::filesystem::path& path);

}  // namespace ovbench
