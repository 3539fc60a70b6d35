#pragma once
// Flickr30K Entities Annotations/<image id>.xml (PASCAL-VOC like), read as the reference
// get_annotations (BryanPlummer/flickr30k_entities@68b3d6f, copied into MDETR's flickr_eval.py):
//  * every <object> gives its box to each of its <name>s (chain ids, taken verbatim: no
//    whitespace stripping), so a chain can own several boxes and a box several chains;
//  * an object without <bndbox> is no box; its <nobndbox>/<scene> flags (required there, as the
//    reference reads them unconditionally) list the chain under `nobox` / `scene`;
//  * coordinates are the XML integers as-is; only the first <bndbox> of an object counts;
//  * an object without any <name> is ignored entirely.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

using FlickrBox = std::array<std::int64_t, 4>;  // xmin, ymin, xmax, ymax

struct FlickrAnnotation {
  std::map<std::string, std::int64_t> size;  // children of <size>: width, height, depth
  // Chain id -> its boxes in document order. Only chains with at least one box appear.
  std::map<std::string, std::vector<FlickrBox>> boxes;
  std::vector<std::string> nobox;
  std::vector<std::string> scene;
};

// Throws InputError "NAME: line L: ..." naming the element that is missing or not an integer.
FlickrAnnotation parse_flickr_annotation(std::string_view xml, const std::string& name);

}  // namespace ovbench
