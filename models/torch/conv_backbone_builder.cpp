#include "models/torch/conv_backbone_builder.h"

#include <torch/script.h>

#include <string>

namespace ovbench {
namespace {

constexpr int kChannels[4] = {64, 128, 256, 512};
constexpr int kLayers[4] = {3, 4, 10, 3};

std::string weight_name(int stage, int layer) {
  std::string name = "w";
  name += std::to_string(stage);
  name += "_";
  name += std::to_string(layer);
  return name;
}

std::string backbone_source() {
  std::string src = "def forward(self, images: Tensor, image_sizes: Tensor) -> Tensor:\n";
  src += "    x = torch.relu(torch.conv2d(images, self.stem, None, [2, 2], [3, 3]))\n";
  src += "    x = torch.max_pool2d(x, [3, 3], [2, 2], [1, 1])\n";
  for (int s = 0; s < 4; ++s)
    for (int l = 0; l < kLayers[s]; ++l) {
      src += "    x = torch.relu(torch.conv2d(x, self.";
      src += weight_name(s, l);
      src += s > 0 && l == 0 ? ", None, [2, 2], [1, 1]))\n" : ", None, [1, 1], [1, 1]))\n";
    }
  src += "    return x.mean([2, 3])\n";
  return src;
}

}  // namespace

void write_conv_backbone_module(const std::filesystem::path& path) {
  torch::manual_seed(7);
  torch::jit::Module m("ConvBackbone");
  m.register_buffer("stem", torch::randn({64, 3, 7, 7}) * 0.05);
  for (int s = 0; s < 4; ++s)
    for (int l = 0; l < kLayers[s]; ++l) {
      const int in = l == 0 ? (s == 0 ? 64 : kChannels[s - 1]) : kChannels[s];
      m.register_buffer(weight_name(s, l), torch::randn({kChannels[s], in, 3, 3}) * 0.03);
    }
  m.define(backbone_source());
  m.save(path.string());
}

}  // namespace ovbench
