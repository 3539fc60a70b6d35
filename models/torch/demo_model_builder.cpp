#include "models/torch/demo_model_builder.h"

#include <torch/script.h>

#include "datasets/demo/shapes_vocabulary.h"
#include "models/clip_tokenizer.h"

namespace ovbench {
namespace {

constexpr std::int64_t kDim = static_cast<std::int64_t>(demo::kColours.size() + demo::kShapes.size());

torch::Tensor palette() {
  auto p = torch::zeros({static_cast<std::int64_t>(demo::kColours.size()), 3});
  for (std::size_t c = 0; c < demo::kColours.size(); ++c)
    for (std::size_t k = 0; k < 3; ++k)
      p[static_cast<std::int64_t>(c)][static_cast<std::int64_t>(k)] = demo::kColours[c].rgb[k] / 255.0;
  return p;
}

void add_common(torch::jit::Module& m) {
  m.register_buffer("palette", palette());
  m.register_attribute("tolerance", c10::FloatType::get(), 0.12);
  m.register_attribute("dim", c10::IntType::get(), kDim);
}

void write_region_module(const std::filesystem::path& path) {
  torch::jit::Module m("DemoRegionModule");
  add_common(m);
  auto fills = torch::zeros({static_cast<std::int64_t>(demo::kShapes.size())});
  for (std::size_t s = 0; s < demo::kShapes.size(); ++s) fills[static_cast<std::int64_t>(s)] = demo::kShapes[s].fill;
  m.register_buffer("fills", fills);
  m.register_buffer("eye", torch::eye(static_cast<std::int64_t>(demo::kColours.size())));
  m.register_attribute("sigma", c10::FloatType::get(), 0.08);
  m.register_attribute("min_pixels", c10::IntType::get(), 24);
  m.define(R"JIT(
def forward(self, images: Tensor, image_sizes: Tensor) -> Tuple[List[Tensor], List[Tensor], List[Tensor]]:
    boxes: List[Tensor] = []
    embeddings: List[Tensor] = []
    objectness: List[Tensor] = []
    for b in range(images.size(0)):
        h = int(image_sizes[b, 0])
        w = int(image_sizes[b, 1])
        image = images[b, :, :h, :w]
        found_boxes: List[Tensor] = []
        found_embeddings: List[Tensor] = []
        found_objectness: List[Tensor] = []
        for c in range(self.palette.size(0)):
            mask = (image - self.palette[c].view(3, 1, 1)).abs().amax(0) < self.tolerance
            count = int(mask.sum())
            if count >= self.min_pixels:
                rows = mask.any(1).nonzero()
                cols = mask.any(0).nonzero()
                y1 = float(rows.min())
                y2 = float(rows.max()) + 1.0
                x1 = float(cols.min())
                x2 = float(cols.max()) + 1.0
                fill = count / ((y2 - y1) * (x2 - x1))
                shape = torch.exp(-(fill - self.fills) ** 2 / (2.0 * self.sigma * self.sigma))
                found_boxes.append(torch.tensor([x1, y1, x2, y2]))
                found_embeddings.append(torch.cat([self.eye[c], shape]))
                found_objectness.append(1.0 - torch.exp(torch.tensor(-count / 400.0)))
        if len(found_boxes) > 0:
            boxes.append(torch.stack(found_boxes))
            embeddings.append(torch.stack(found_embeddings))
            objectness.append(torch.stack(found_objectness))
        else:
            boxes.append(torch.zeros(0, 4))
            embeddings.append(torch.zeros(0, self.dim))
            objectness.append(torch.zeros(0))
    return boxes, embeddings, objectness
)JIT");
  m.save(path.string());
}

void write_text_module(const std::filesystem::path& path) {
  const auto& tokenizer = ClipTokenizer::builtin();
  auto table = torch::zeros({static_cast<std::int64_t>(tokenizer.vocab_size()), kDim});
  auto set_word = [&](const char* word, std::int64_t axis) {
    for (const auto id : tokenizer.encode(word)) table[id][axis] = 1.0;
  };
  for (std::size_t c = 0; c < demo::kColours.size(); ++c) set_word(demo::kColours[c].name, static_cast<std::int64_t>(c));
  for (std::size_t s = 0; s < demo::kShapes.size(); ++s)
    set_word(demo::kShapes[s].name, static_cast<std::int64_t>(demo::kColours.size() + s));
  torch::jit::Module m("DemoTextModule");
  m.register_buffer("table", table);
  m.define(R"JIT(
def encode_text(self, tokens: Tensor) -> Tensor:
    return self.table[tokens].sum(1)
)JIT");
  m.save(path.string());
}

void write_segmenter_module(const std::filesystem::path& path) {
  torch::jit::Module m("DemoSegmenterModule");
  add_common(m);
  m.define(R"JIT(
def forward(self, crop: Tensor, class_embeddings: Tensor) -> Tensor:
    image = crop[0]
    indicators: List[Tensor] = []
    for c in range(self.palette.size(0)):
        indicators.append(((image - self.palette[c].view(3, 1, 1)).abs().amax(0) < self.tolerance).float())
    # Like DenseCLIP's decoder, logits come at a quarter of the crop's resolution: the
    # adapter's bilinear upsampling then blurs shape boundaries, as in real models.
    features = torch.stack(indicators)[:, ::4, ::4]
    features = torch.cat([features, torch.zeros(self.dim - features.size(0), features.size(1), features.size(2))])
    logits = torch.einsum('kd,dhw->khw', class_embeddings, features) * 10.0
    return logits.unsqueeze(0)
)JIT");
  m.save(path.string());
}

}  // namespace

void write_demo_torchscript_models(const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  write_region_module(directory / "demo_regions.pt");
  write_text_module(directory / "demo_text.pt");
  write_segmenter_module(directory / "demo_segmenter.pt");
}

}  // namespace ovbench
