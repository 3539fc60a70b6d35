#pragma once
// The demo's tiny open-vocabulary model, written as real TorchScript files (see
// datasets/demo/shapes_vocabulary.h for its world):
//  - demo_regions.pt   forward(images, image_sizes) -> (boxes, embeddings, objectness): one
//    region per palette colour found (pixels within a tolerance), embedded as [colour one-hot,
//    shape affinity from the region's fill ratio].
//  - demo_text.pt      encode_text(tokens) -> the sum of per-token rows of a table in which
//    the CLIP BPE ids of the colour and shape words point along the same axes.
//  - demo_segmenter.pt forward(crop, class_embeddings) -> per-class logits at 1/4 resolution
//    (every 4th pixel's colour indicators), a DenseCLIP-style module.
// Inputs are RGB in 0..1 (the demo cards' preprocessing: range 0-1, mean 0, std 1).

#include <filesystem>

namespace ovbench {

void write_demo_torchscript_models(const std::filesystem::path& directory);

}  // namespace ovbench
