#include "datasets/grounding_predictions_reader.h"

#include <simdjson.h>

#include <cmath>

#include "core/byte_buffer.h"
#include "core/file_bytes.h"
#include "core/errors.h"
#include "datasets/json_syntax_error.h"
#include "datasets/json_values.h"

namespace ovbench {
namespace {

using simdjson::ondemand::json_type;

struct FieldError {
  std::string field, message;
  bool syntax = false;
};

const char* type_name(json_type t) {
  switch (t) {
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "a string";
    case json_type::boolean:
      return "a boolean";
    case json_type::null:
      return "null";
  }
  return "something else";
}

// Fills `why` and returns false on the first problem; `syntax` when the bytes are not JSON.
bool read_image_id(simdjson::ondemand::value v, std::string& out, FieldError& err) {
  json_type t;
  if (auto e = v.type().get(t)) {
    err = {"image_id", simdjson::error_message(e), true};
    return false;
  }
  if (t == json_type::string) {
    std::string_view s;
    if (auto e = v.get_string().get(s)) {
      err = {"image_id", simdjson::error_message(e), true};
      return false;
    }
    out.assign(s);
    return true;
  }
  std::int64_t n = 0;
  if (t != json_type::number || v.get_int64().get(n)) {
    err = {"image_id", std::string("expected an integer or a string, found ") +
                           (t == json_type::number ? "a non-integer number" : type_name(t))};
    return false;
  }
  out = std::to_string(n);
  return true;
}

bool read_sentence_id(simdjson::ondemand::value v, std::int64_t& out, FieldError& err) {
  json_type t;
  if (auto e = v.type().get(t)) {
    err = {"sentence_id", simdjson::error_message(e), true};
    return false;
  }
  if (t != json_type::number || v.get_int64().get(out)) {
    err = {"sentence_id", std::string("expected an integer, found ") +
                              (t == json_type::number ? "a non-integer number" : type_name(t))};
    return false;
  }
  return true;
}

bool read_boxes(simdjson::ondemand::value v, GroundingPredictions& out, std::uint32_t& lists,
                FieldError& err) {
  simdjson::error_code code = simdjson::SUCCESS;
  auto fail = [&](const std::string& msg) {
    const bool syntax = code != simdjson::SUCCESS && json::is_syntax_error(code);
    err = {"boxes", syntax ? simdjson::error_message(code) : msg, syntax};
    return false;
  };
  simdjson::ondemand::array outer;
  if ((code = v.get_array().get(outer)))
    return fail("expected an array with one box list per phrase");
  lists = 0;
  for (auto list_value : outer) {
    simdjson::ondemand::array list;
    const std::string where = "list " + std::to_string(lists);
    if ((code = list_value.get_array().get(list))) {
      return fail(where + ": expected an array of boxes [x1, y1, x2, y2]");
    }
    std::size_t box_index = 0;
    for (auto box_value : list) {
      simdjson::ondemand::array box;
      if ((code = box_value.get_array().get(box))) {
        return fail(where + ", box " + std::to_string(box_index) +
                    ": expected an array of 4 numbers [x1, y1, x2, y2]");
      }
      double c[4];
      std::size_t n = 0;
      for (auto number : box) {
        double d;
        if ((code = number.get_double().get(d)) || !std::isfinite(d)) {
          return fail(where + ", box " + std::to_string(box_index) + ", element " +
                      std::to_string(n) + ": expected a finite number");
        }
        if (n < 4) c[n] = d;
        ++n;
      }
      if (n != 4) {
        return fail(where + ", box " + std::to_string(box_index) +
                    ": expected 4 numbers [x1, y1, x2, y2], found " + std::to_string(n));
      }
      out.boxes.push_back({c[0], c[1], c[2], c[3]});
      ++box_index;
    }
    out.list_begin.push_back(out.boxes.size());
    ++lists;
  }
  return true;
}

bool read_record(simdjson::ondemand::value value, GroundingPredictions& out, FieldError& err) {
  simdjson::ondemand::object obj;
  if (auto e = value.get_object().get(obj)) {
    err = {"",
           json::is_syntax_error(e) ? simdjson::error_message(e)
                                    : "expected an object {image_id, sentence_id, boxes}",
           json::is_syntax_error(e)};
    return false;
  }
  GroundingPredictions::Record rec;
  rec.first_list = static_cast<std::uint32_t>(out.list_begin.size() - 1);
  bool have_image = false, have_sentence = false, have_boxes = false;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) {
      err = {"", simdjson::error_message(e), true};
      return false;
    }
    simdjson::ondemand::value v;
    if (auto e = field.value().get(v)) {
      err = {std::string(key), simdjson::error_message(e), true};
      return false;
    }
    if (key == "image_id") {
      if (!read_image_id(v, rec.image_id, err)) return false;
      have_image = true;
    } else if (key == "sentence_id") {
      if (!read_sentence_id(v, rec.sentence_id, err)) return false;
      have_sentence = true;
    } else if (key == "boxes") {
      if (have_boxes) {
        err = {"boxes", "given twice"};
        return false;
      }
      if (!read_boxes(v, out, rec.list_count, err)) return false;
      have_boxes = true;
    }
  }
  if (!have_image) err = {"image_id", "missing"};
  if (!have_sentence) err = {"sentence_id", "missing"};
  if (!have_boxes) err = {"boxes", "missing"};
  if (!have_image || !have_sentence || !have_boxes) return false;
  out.records.push_back(std::move(rec));
  return true;
}

[[noreturn]] void throw_syntax(const std::string& name, const char* data, std::size_t size,
                               const std::string& fallback) {
  if (auto msg = describe_json_syntax_error(name, data, size)) throw InputError(*msg);
  throw InputError(name + ": malformed JSON (" + fallback + ")");
}

GroundingPredictions parse(const char* data, std::size_t size, std::size_t capacity,
                           const std::string& name) {
  std::size_t b = 0;
  while (b < size && (data[b] == ' ' || data[b] == '\n' || data[b] == '\r' || data[b] == '\t')) ++b;
  if (b == size) throw InputError(name + ": empty file, expected a JSON array of predictions");
  if (data[b] == '{') {
    throw InputError(name +
                     ": expected a JSON array of predictions [{\"image_id\", "
                     "\"sentence_id\", \"boxes\"}, ...], found an object");
  }
  std::size_t end = size;
  while (end > b && (data[end - 1] == ' ' || data[end - 1] == '\n' || data[end - 1] == '\r' ||
                     data[end - 1] == '\t'))
    --end;
  if (data[end - 1] != ']') throw_syntax(name, data, size, "expected ']' at the end");
  // A box takes at least ~24 bytes of text ("[1.5,2.5,30.5,40.5],"): reserving size / 24 boxes
  // avoids every regrowth copy; the pages that stay unused are never touched, so cost nothing.
  GroundingPredictions out;
  out.boxes.reserve(size / 24);
  out.list_begin.reserve(size / 256);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto e = parser.iterate(data, size, capacity).get(doc)) {
    throw_syntax(name, data, size, simdjson::error_message(e));
  }
  simdjson::ondemand::array array;
  if (auto e = doc.get_array().get(array)) {
    if (json::is_syntax_error(e)) throw_syntax(name, data, size, simdjson::error_message(e));
    throw InputError(name + ": expected a JSON array of predictions");
  }
  long long record = 0;
  for (auto element : array) {
    simdjson::ondemand::value v;
    if (auto e = element.get(v)) throw_syntax(name, data, size, simdjson::error_message(e));
    FieldError err;
    if (!read_record(v, out, err)) {
      if (err.syntax) throw_syntax(name, data, size, err.message);
      throw InputError(describe_location(name, record, err.field) + ": " + err.message);
    }
    ++record;
  }
  return out;
}

}  // namespace

GroundingPredictions read_grounding_predictions(const std::filesystem::path& path) {
  const FileBytes bytes = FileBytes::open(path, simdjson::SIMDJSON_PADDING);  // mapped, not copied
  return parse(bytes.data(), bytes.size(), bytes.size() + bytes.padding(), path.string());
}

GroundingPredictions parse_grounding_predictions(const std::string& bytes,
                                                 const std::string& name) {
  const simdjson::padded_string padded(bytes);
  return parse(padded.data(), padded.size(), padded.size() + simdjson::SIMDJSON_PADDING, name);
}

}  // namespace ovbench
