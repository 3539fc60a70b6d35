#include "datasets/segmentation_json.h"

#include <cmath>

#include "datasets/json_values.h"
#include "metrics/rle_mask.h"

namespace ovbench::json {

using simdjson::ondemand::json_type;

namespace {

std::string read_rle(simdjson::ondemand::object obj, Segmentation& out) {
  bool have_size = false, have_counts = false, counts_is_string = false;
  std::int64_t h = 0, w = 0;
  std::string counts_text;
  std::vector<std::int64_t> counts;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return simdjson::error_message(e);
    simdjson::ondemand::value v;
    if (auto e = field.value().get(v)) return simdjson::error_message(e);
    if (key == "size") {
      std::vector<std::int64_t> size;
      std::string why = read_ints(v, size);
      if (!why.empty()) return "'size': " + why;
      if (size.size() != 2 || size[0] < 0 || size[1] < 0 || size[0] > 1 << 20 || size[1] > 1 << 20) {
        return "'size': expected [height, width], two non-negative integers";
      }
      h = size[0];
      w = size[1];
      have_size = true;
    } else if (key == "counts") {
      json_type t;
      if (auto e = v.type().get(t)) return simdjson::error_message(e);
      if (t == json_type::string) {
        std::string why = read_string(v, counts_text);
        if (!why.empty()) return "'counts': " + why;
        counts_is_string = true;
      } else {
        std::string why = read_ints(v, counts);
        if (!why.empty()) return "'counts': " + why + " (or a compressed RLE string)";
      }
      have_counts = true;
    }
  }
  if (!have_size) return "RLE without 'size'";
  if (!have_counts) return "RLE without 'counts'";
  out.kind = Segmentation::Kind::kRle;
  out.polygons.clear();
  const auto uh = static_cast<std::uint32_t>(h), uw = static_cast<std::uint32_t>(w);
  if (counts_is_string) {
    if (!rle::from_string(counts_text, uh, uw, out.rle)) {
      return "'counts': not a valid compressed RLE string";
    }
  } else {
    out.rle.height = uh;
    out.rle.width = uw;
    out.rle.counts.resize(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] < 0 || counts[i] > 0xFFFFFFFFll) return "'counts': negative or huge run length";
      out.rle.counts[i] = static_cast<std::uint32_t>(counts[i]);
    }
  }
  if (!rle::covers_image(out.rle)) {
    return "RLE counts do not add up to height*width = " + std::to_string(h * w) + " pixels";
  }
  return {};
}

}  // namespace

std::string read_segmentation(simdjson::ondemand::value v, Segmentation& out) {
  json_type t;
  if (auto e = v.type().get(t)) return simdjson::error_message(e);
  if (t == json_type::object) {
    simdjson::ondemand::object obj;
    if (auto e = v.get_object().get(obj)) return simdjson::error_message(e);
    return read_rle(obj, out);
  }
  if (t != json_type::array) return "expected a list of polygons or an RLE object";
  out.kind = Segmentation::Kind::kPolygons;
  out.polygons.clear();
  simdjson::ondemand::array a;
  if (auto e = v.get_array().get(a)) return simdjson::error_message(e);
  for (auto element : a) {
    simdjson::ondemand::value p;
    if (auto e = element.get(p)) return simdjson::error_message(e);
    out.polygons.emplace_back();
    std::string why = read_numbers(p, out.polygons.back());
    if (!why.empty()) return "polygon " + std::to_string(out.polygons.size() - 1) + ": " + why;
  }
  return {};
}

}  // namespace ovbench::json
