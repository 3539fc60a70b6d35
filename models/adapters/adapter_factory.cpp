#include "models/adapters/adapter_factory.h"

#include <algorithm>

#include "core/errors.h"
#include "models/adapters/clip_crops_adapter.h"
#include "models/adapters/denseclip_adapter.h"
#include "models/adapters/glip_adapter.h"
#include "models/adapters/region_detector_adapter.h"
#include "models/adapters/replay_adapter.h"
#include "models/cards/adapter_specs.h"

namespace ovbench {
namespace {

void require_task(const ModelCard& card, const std::string& task) {
  if (adapter_supports(card, task)) return;
  std::string tasks;
  for (const auto& t : find_adapter_spec(card.adapter, card.path.string()).tasks) tasks += (tasks.empty() ? "" : ", ") + t;
  throw InputError(card.path.string() + ": the " + card.adapter + " adapter cannot " + task +
                   " (it does: " + tasks + ")");
}

}  // namespace

bool adapter_supports(const ModelCard& card, const std::string& task) {
  const auto& tasks = find_adapter_spec(card.adapter, card.path.string()).tasks;
  return std::find(tasks.begin(), tasks.end(), task) != tasks.end();
}

std::unique_ptr<DetectorAdapter> make_detector_adapter(const ModelCard& card, AdapterContext context) {
  require_task(card, "detect");
  if (card.adapter == "regionclip" || card.adapter == "vild")
    return std::make_unique<RegionDetectorAdapter>(card, std::move(context));
  if (card.adapter == "glip") return std::make_unique<GlipAdapter>(card, std::move(context));
  if (card.adapter == "clip_crops") return std::make_unique<ClipCropsAdapter>(card, std::move(context));
  if (card.adapter == "replay") return std::make_unique<ReplayDetector>(card);
  throw InputError(card.path.string() + ": adapter " + card.adapter + ": detection is not built in this version");
}

std::unique_ptr<GrounderAdapter> make_grounder_adapter(const ModelCard& card, AdapterContext context) {
  require_task(card, "ground");
  if (card.adapter == "regionclip") return std::make_unique<RegionDetectorAdapter>(card, std::move(context));
  if (card.adapter == "glip") return std::make_unique<GlipAdapter>(card, std::move(context));
  if (card.adapter == "replay") return std::make_unique<ReplayGrounder>(card);
  throw InputError(card.path.string() + ": adapter " + card.adapter + ": grounding is not built in this version");
}

std::unique_ptr<SegmenterAdapter> make_segmenter_adapter(const ModelCard& card, AdapterContext context) {
  require_task(card, "segment");
  if (card.adapter == "denseclip") return std::make_unique<DenseClipAdapter>(card, std::move(context));
  if (card.adapter == "replay") return std::make_unique<ReplaySegmenter>(card);
  throw InputError(card.path.string() + ": adapter " + card.adapter + ": segmentation is not built in this version");
}

}  // namespace ovbench
