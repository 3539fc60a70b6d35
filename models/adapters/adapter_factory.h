#pragma once
// Builds the adapter a model card names for a task. The runner and `ovbench predict` call
// these and never name a family; adding one is a line in adapter_specs.cpp and one here.

#include <memory>
#include <string>

#include "models/adapters/adapter_context.h"
#include "models/adapters/adapter_interfaces.h"
#include "models/cards/model_card.h"

namespace ovbench {

// Throws InputError naming the card when its adapter does not do the task.
std::unique_ptr<DetectorAdapter> make_detector_adapter(const ModelCard& card, AdapterContext context);
std::unique_ptr<GrounderAdapter> make_grounder_adapter(const ModelCard& card, AdapterContext context);
std::unique_ptr<SegmenterAdapter> make_segmenter_adapter(const ModelCard& card, AdapterContext context);

// "detect", "ground" or "segment" supported by the card's adapter.
bool adapter_supports(const ModelCard& card, const std::string& task);

}  // namespace ovbench
