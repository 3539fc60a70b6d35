#pragma once
// The output size each official pipeline resizes an image to, each with that pipeline's own
// arithmetic and rounding (they differ: the same 640x480 image becomes 1067x800 in detectron2
// and 1066x800 in maskrcnn_benchmark). Computed in double, as the Python references do.

namespace ovbench {

struct ImageSize {
  int width = 0, height = 0;
  bool operator==(const ImageSize&) const = default;
};

// detectron2 ResizeShortestEdge.get_output_shape (detectron2/data/transforms/augmentation_impl.py,
// also RegionCLIP's fork), test time: scale = short / min(h, w); the short side becomes `short`
// and the long side scale * long; if the longer one exceeds max_size both are scaled by
// max_size / longer; each side is then rounded with int(x + 0.5). Used with short 800,
// max 1333 by RegionCLIP (INPUT.MIN_SIZE_TEST / MAX_SIZE_TEST). max_size <= 0: no limit.
ImageSize detectron2_shortest_edge_size(ImageSize image, int short_edge, int max_size);

// maskrcnn_benchmark Resize.get_size as GLIP has it (maskrcnn_benchmark/data/transforms/
// transforms.py): if long / short * min_size > max_size, min_size becomes
// int(round(max_size * short / long)) (Python round: half to even); an image whose short side
// already equals it keeps its size; otherwise short side = min_size and long side =
// int(min_size * long / short) (truncated). GLIP: 800 / 1333. max_size <= 0: no limit.
ImageSize maskrcnn_shortest_edge_size(ImageSize image, int min_size, int max_size);

// mmcv.rescale_size (mmcv/image/geometric.py), what mmseg's Resize(keep_ratio=True) calls via
// mmcv.imrescale: scale_factor = min(long_edge / max(h, w), short_edge / min(h, w)) with
// long_edge/short_edge the larger/smaller of the pair (img_scale=(2048, 512) for ADE20K), then
// each side int(side * scale_factor + 0.5).
ImageSize mmcv_rescale_size(ImageSize image, int edge_a, int edge_b);

// torchvision Resize(size) with an int size (CLIP's Resize(n_px)): the short side becomes
// `size`, the long side int(size * long / short) (truncated); a square image gives size x size.
ImageSize torchvision_short_side_size(ImageSize image, int size);

// detectron2 ImageList.from_tensors / maskrcnn_benchmark to_image_list: each side rounded up to
// a multiple of `divisibility` ((x + d - 1) // d * d); divisibility <= 1 leaves it unchanged.
ImageSize divisible_padded_size(ImageSize image, int divisibility);

}  // namespace ovbench
