#pragma once
// Prompts from category names, as each family's official code builds them (the template
// lists and rules are embedded from models/data/clip_templates.json, which cites them):
//  - clip-80: CLIP's 80 ImageNet templates, name with '_' -> ' ' (CLIP notebook).
//  - vild-63: ViLD's 63 templates with {article}, name processing and the "This is" prefix
//    (tensorflow/tpu vild/tools/..., FLAGS.prompt_engineering and FLAGS.this_is).
//  - regionclip: RegionCLIP's 81 templates (pre_tokenize / prompt_engineering).
//  - single: "a photo of a {}.".

#include <string>
#include <vector>

#include "models/cards/model_card.h"

namespace ovbench {

// The templates of a set ("clip-80", "vild-63", "regionclip", "single", "custom").
std::vector<std::string> template_set(const TextEncoderSettings& settings);
// Every prompt for one category name, in template order.
std::vector<std::string> prompts_for_name(const std::string& name, const TextEncoderSettings& settings);

}  // namespace ovbench
