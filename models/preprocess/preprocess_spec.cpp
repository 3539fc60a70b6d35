#include "models/preprocess/preprocess_spec.h"

#include <cmath>
#include <limits>
#include <set>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "models/preprocess/official_preprocess.h"

namespace ovbench {
namespace {

template <typename E>
struct Names {
  std::vector<std::pair<std::string_view, E>> values;

  std::string_view name(E e) const {
    for (const auto& [n, v] : values) {
      if (v == e) return n;
    }
    return "?";
  }
  std::string list() const {
    std::string s;
    for (const auto& [n, v] : values) {
      if (!s.empty()) s += ", ";
      s += '"';
      s += n;
      s += '"';
    }
    return s;
  }
};

const Names<ResizeRule> kRules{{{"none", ResizeRule::none},
                                {"fixed", ResizeRule::fixed},
                                {"detectron2_shortest_edge", ResizeRule::detectron2_shortest_edge},
                                {"maskrcnn_shortest_edge", ResizeRule::maskrcnn_shortest_edge},
                                {"mmcv_keep_ratio", ResizeRule::mmcv_keep_ratio},
                                {"torchvision_short_side", ResizeRule::torchvision_short_side}}};
const Names<ResizeFilter> kFilters{{{"pil_nearest", ResizeFilter::pil_nearest},
                                    {"pil_bilinear", ResizeFilter::pil_bilinear},
                                    {"pil_bicubic", ResizeFilter::pil_bicubic},
                                    {"cv2_linear", ResizeFilter::cv2_linear}}};
const Names<ExifOrientation> kExif{
    {{"ignore", ExifOrientation::ignore}, {"apply", ExifOrientation::apply}}};
const Names<ChannelOrder> kOrders{{{"rgb", ChannelOrder::rgb}, {"bgr", ChannelOrder::bgr}}};
const Names<PixelRange> kRanges{{{"0-255", PixelRange::to_255}, {"0-1", PixelRange::to_1}}};
const Names<StdMode> kStdModes{
    {{"divide", StdMode::divide}, {"multiply_reciprocal", StdMode::multiply_reciprocal}}};

// Reads fields of one JSON object, each error naming "where: field 'a.b'".
class FieldReader {
 public:
  FieldReader(const nlohmann::json& obj, std::string where, std::string prefix)
      : obj_(obj), where_(std::move(where)), prefix_(std::move(prefix)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& why) const {
    throw InputError(describe_location(where_, -1, prefix_ + key) + ": " + why);
  }
  bool has(const std::string& key) const { return obj_.contains(key); }
  const nlohmann::json& at(const std::string& key) const { return obj_.at(key); }

  // Every key of the object must be in `allowed`.
  void only(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : obj_.items()) {
      bool ok = false;
      for (auto a : allowed) ok = ok || a == key;
      if (!ok) {
        std::string known;
        for (auto a : allowed) {
          if (!known.empty()) known += ", ";
          known += a;
        }
        fail(key, "unknown key (expected one of: " + known + ")");
      }
    }
  }

  template <typename E>
  E choice(const std::string& key, const Names<E>& names) const {
    const auto& v = obj_.at(key);
    if (!v.is_string()) fail(key, "expected a string, one of " + names.list());
    const std::string s = v.get<std::string>();
    for (const auto& [n, e] : names.values) {
      if (n == s) return e;
    }
    fail(key, "unknown value \"" + s + "\" (expected one of " + names.list() + ")");
  }

  int integer(const std::string& key, int min_value) const {
    const auto& v = obj_.at(key);
    double d = 0;
    if (v.is_number_integer() || v.is_number_unsigned()) {
      d = v.get<double>();
    } else if (v.is_number_float() && std::isfinite(v.get<double>()) &&
               std::floor(v.get<double>()) == v.get<double>()) {
      d = v.get<double>();
    } else {
      fail(key, "expected an integer");
    }
    if (d < min_value || d > std::numeric_limits<int>::max() / 4) {
      fail(key,
           "expected an integer of at least " + std::to_string(min_value) + ", got " + v.dump());
    }
    return static_cast<int>(d);
  }

  double number(const std::string& key) const { return number_value(obj_.at(key), key); }

  std::array<double, 3> triple(const std::string& key, bool positive) const {
    const auto& v = obj_.at(key);
    if (!v.is_array() || v.size() != 3) fail(key, "expected an array of 3 numbers");
    std::array<double, 3> out{};
    for (std::size_t i = 0; i < 3; ++i) {
      out[i] = number_value(v[i], key);
      if (positive && !(out[i] > 0)) fail(key, "expected positive numbers, got " + v.dump());
    }
    return out;
  }

  FieldReader object(const std::string& key) const {
    const auto& v = obj_.at(key);
    if (!v.is_object()) fail(key, "expected an object");
    return FieldReader(v, where_, prefix_ + key + ".");
  }

 private:
  double number_value(const nlohmann::json& v, const std::string& key) const {
    if (!v.is_number() || !std::isfinite(v.get<double>())) fail(key, "expected a finite number");
    return v.get<double>();
  }

  const nlohmann::json& obj_;
  std::string where_;
  std::string prefix_;
};

void read_resize(const FieldReader& r, PreprocessSpec& spec) {
  if (!r.has("rule")) r.fail("rule", "missing (one of " + kRules.list() + ")");
  spec.resize = r.choice("rule", kRules);
  spec.short_edge = spec.max_size = spec.scale_a = spec.scale_b = 0;
  spec.fixed_size = {};
  spec.filter = ResizeFilter::pil_bilinear;
  if (spec.resize != ResizeRule::none && r.has("filter"))
    spec.filter = r.choice("filter", kFilters);
  auto required = [&](const std::string& key) {
    if (!r.has(key))
      r.fail(key, std::string("missing (required by rule \"") +
                      std::string(resize_rule_name(spec.resize)) + "\")");
  };
  switch (spec.resize) {
    case ResizeRule::none:
      r.only({"rule"});
      break;
    case ResizeRule::fixed:
      r.only({"rule", "filter", "width", "height"});
      required("width");
      required("height");
      spec.fixed_size = {r.integer("width", 1), r.integer("height", 1)};
      break;
    case ResizeRule::detectron2_shortest_edge:
    case ResizeRule::maskrcnn_shortest_edge:
      r.only({"rule", "filter", "short_edge", "max_size"});
      required("short_edge");
      spec.short_edge = r.integer("short_edge", 1);
      if (r.has("max_size")) spec.max_size = r.integer("max_size", 0);
      break;
    case ResizeRule::mmcv_keep_ratio: {
      r.only({"rule", "filter", "scale"});
      required("scale");
      const auto& v = r.at("scale");
      if (!v.is_array() || v.size() != 2 || !v[0].is_number_integer() ||
          !v[1].is_number_integer() || v[0].get<long long>() < 1 || v[1].get<long long>() < 1 ||
          v[0].get<long long>() > 1 << 20 || v[1].get<long long>() > 1 << 20) {
        r.fail("scale", "expected an array of 2 positive integers, e.g. [2048, 512]");
      }
      spec.scale_a = v[0].get<int>();
      spec.scale_b = v[1].get<int>();
      break;
    }
    case ResizeRule::torchvision_short_side:
      r.only({"rule", "filter", "size"});
      required("size");
      spec.short_edge = r.integer("size", 1);
      break;
  }
}

}  // namespace

std::string_view resize_rule_name(ResizeRule rule) {
  return kRules.name(rule);
}
std::string_view resize_filter_name(ResizeFilter filter) {
  return kFilters.name(filter);
}

PreprocessSpec parse_preprocess_spec(const nlohmann::json& json, const std::string& where) {
  if (!json.is_object()) throw InputError(where + ": expected an object (the preprocessing spec)");
  const FieldReader r(json, where, "");
  r.only({"preset", "exif_orientation", "resize", "center_crop", "channel_order", "pixel_range",
          "mean", "std", "std_mode", "size_divisibility", "pad_value"});
  PreprocessSpec spec;
  if (r.has("preset")) {
    const auto& v = r.at("preset");
    if (!v.is_string()) r.fail("preset", "expected a string");
    spec = official_preprocess(v.get<std::string>(), describe_location(where, -1, "preset"));
  }
  if (r.has("exif_orientation")) spec.exif_orientation = r.choice("exif_orientation", kExif);
  if (r.has("resize")) read_resize(r.object("resize"), spec);
  if (r.has("center_crop")) {
    if (r.at("center_crop").is_null()) {
      spec.center_crop.reset();
    } else {
      const FieldReader c = r.object("center_crop");
      c.only({"width", "height"});
      if (!c.has("width")) c.fail("width", "missing");
      if (!c.has("height")) c.fail("height", "missing");
      spec.center_crop = ImageSize{c.integer("width", 1), c.integer("height", 1)};
    }
  }
  auto& n = spec.normalization;
  if (r.has("channel_order")) n.order = r.choice("channel_order", kOrders);
  if (r.has("pixel_range")) n.range = r.choice("pixel_range", kRanges);
  if (r.has("mean")) n.mean = r.triple("mean", false);
  if (r.has("std")) n.std = r.triple("std", true);
  if (r.has("std_mode")) n.std_mode = r.choice("std_mode", kStdModes);
  if (r.has("size_divisibility")) spec.size_divisibility = r.integer("size_divisibility", 0);
  if (r.has("pad_value")) spec.pad_value = static_cast<float>(r.number("pad_value"));
  return spec;
}

nlohmann::json PreprocessSpec::to_json() const {
  nlohmann::json resize_json = {{"rule", std::string(resize_rule_name(resize))}};
  if (resize != ResizeRule::none) resize_json["filter"] = std::string(resize_filter_name(filter));
  switch (resize) {
    case ResizeRule::none:
      break;
    case ResizeRule::fixed:
      resize_json["width"] = fixed_size.width;
      resize_json["height"] = fixed_size.height;
      break;
    case ResizeRule::detectron2_shortest_edge:
    case ResizeRule::maskrcnn_shortest_edge:
      resize_json["short_edge"] = short_edge;
      resize_json["max_size"] = max_size;
      break;
    case ResizeRule::mmcv_keep_ratio:
      resize_json["scale"] = {scale_a, scale_b};
      break;
    case ResizeRule::torchvision_short_side:
      resize_json["size"] = short_edge;
      break;
  }
  nlohmann::json out = {
      {"exif_orientation", std::string(kExif.name(exif_orientation))},
      {"resize", resize_json},
      {"center_crop",
       center_crop ? nlohmann::json{{"width", center_crop->width}, {"height", center_crop->height}}
                   : nlohmann::json(nullptr)},
      {"channel_order", std::string(kOrders.name(normalization.order))},
      {"pixel_range", std::string(kRanges.name(normalization.range))},
      {"mean", normalization.mean},
      {"std", normalization.std},
      {"std_mode", std::string(kStdModes.name(normalization.std_mode))},
      {"size_divisibility", size_divisibility},
      {"pad_value", pad_value},
  };
  return out;
}

}  // namespace ovbench
