#pragma once
// Decode + preprocess of one image for a model card, run on the prefetch workers: the file is
// decoded by the LibTorch plugin (OpenCV), resized and normalised by the card's
// PreprocessSpec (models/preprocess/), and packed as the ModelImage the adapters take.

#include "harness/predict/predict_inputs.h"
#include "models/adapters/model_image.h"
#include "models/preprocess/preprocess_spec.h"

namespace ovbench {

// Throws InputError naming the file when it is missing or not a decodable image.
ModelImage prepare_model_image(const ImageJob& job, const PreprocessSpec& spec, bool keep_original);

}  // namespace ovbench
