#include "datasets/detection_results_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "core/byte_buffer.h"
#include "core/file_bytes.h"
#include "core/errors.h"
#include "core/parallel_for.h"
#include "datasets/json_syntax_error.h"
#include "datasets/json_values.h"
#include "datasets/segmentation_json.h"

namespace ovbench {
namespace {

using simdjson::ondemand::json_type;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first problem of a chunk, in chunk-local record numbers.
struct RecordError {
  bool set = false;
  bool syntax = false;  // not JSON at all, or our split was not at a record boundary
  std::size_t record = 0;
  std::string field, message;
};

struct ChunkResult {
  BigVector<Detection> items;
  std::vector<Segmentation> segmentations;
  RecordError error;
};

// One record; returns false with `err` filled on the first problem.
bool read_record(simdjson::ondemand::value value, const ResultsReadOptions& options,
                 ChunkResult& out, RecordError& err) {
  auto fail = [&](const std::string& field, const std::string& msg, bool syntax = false) {
    err.set = true;
    err.syntax = syntax;
    err.field = field;
    err.message = msg;
    return false;
  };
  simdjson::ondemand::object obj;
  if (auto e = value.get_object().get(obj)) {
    return fail("", json::is_syntax_error(e) ? simdjson::error_message(e) : "expected an object",
                json::is_syntax_error(e));
  }
  Detection d;
  d.has_bbox = false;
  bool have_image = false, have_category = false, have_score = false;
  Segmentation seg;
  bool have_seg = false;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return fail("", simdjson::error_message(e), true);
    simdjson::ondemand::value v;
    if (auto e = field.value().get(v)) return fail(std::string(key), simdjson::error_message(e), true);
    std::string why;
    if (key == "image_id") {
      why = json::read_int(v, d.image_id);
      have_image = true;
    } else if (key == "category_id") {
      why = json::read_int(v, d.category_id);
      have_category = true;
    } else if (key == "score") {
      why = json::read_finite(v, d.score);
      have_score = true;
    } else if (key == "bbox") {
      double numbers[4];
      std::size_t count = 0;
      why = json::read_numbers(v, numbers, 4, count);
      if (why.empty() && count != 0 && count != 4) {
        why = "expected 4 numbers [x, y, width, height], found " + std::to_string(count);
      }
      if (why.empty() && count == 4) {
        d.bbox = {numbers[0], numbers[1], numbers[2], numbers[3]};
        d.has_bbox = true;  // pycocotools: an empty bbox [] counts as no bbox
      }
    } else if (key == "segmentation") {
      have_seg = true;
      why = json::read_segmentation(v, seg);
    } else {
      continue;  // extra fields are allowed and skipped
    }
    if (!why.empty()) {
      // simdjson's messages for broken bytes start with upper-case codes; shape errors don't.
      return fail(std::string(key), why, why.find("JSON") != std::string::npos);
    }
  }
  if (!have_image) return fail("image_id", "missing");
  if (!have_category) return fail("category_id", "missing");
  if (!have_score) return fail("score", "missing");
  if (!d.has_bbox && !have_seg) return fail("bbox", "missing (a result needs a bbox or a segmentation)");
  if (have_seg && (!d.has_bbox || options.keep_segmentation)) {
    d.segmentation = static_cast<std::int32_t>(out.segmentations.size());
    out.segmentations.push_back(std::move(seg));
  }
  out.items.push_back(d);
  return true;
}

// Parses "[" + text + "]" where text is a run of whole records separated by commas.
void parse_chunk(const char* text, std::size_t size, const ResultsReadOptions& options,
                 simdjson::ondemand::parser& parser, ByteBuffer& scratch, ChunkResult& out) {
  scratch.resize(size + 2);
  scratch.data()[0] = '[';
  std::memcpy(scratch.data() + 1, text, size);
  scratch.data()[size + 1] = ']';
  out.items.reserve(size / 96 + 16);
  simdjson::ondemand::document doc;
  auto syntax = [&](simdjson::error_code e) {
    out.error.set = true;
    out.error.syntax = true;
    out.error.record = out.items.size();
    out.error.message = simdjson::error_message(e);
  };
  if (auto e = parser.iterate(scratch.data(), size + 2, size + 2 + scratch.padding()).get(doc)) {
    return syntax(e);
  }
  simdjson::ondemand::array array;
  if (auto e = doc.get_array().get(array)) return syntax(e);
  for (auto element : array) {
    simdjson::ondemand::value v;
    if (auto e = element.get(v)) return syntax(e);
    RecordError err;
    if (!read_record(v, options, out, err)) {
      err.record = out.items.size();
      out.error = err;
      return;
    }
  }
}

// Chunk boundaries: after `}` ws* `,` ws* `{`, the comma excluded. Any split that lands inside
// a string or a nested object makes a chunk fail to parse, and the caller then re-parses the
// whole body as one chunk, so the heuristic never changes results.
std::vector<std::pair<std::size_t, std::size_t>> split_records(const char* body, std::size_t size,
                                                               std::size_t target) {
  std::vector<std::pair<std::size_t, std::size_t>> chunks;
  std::size_t begin = 0;
  while (begin < size) {
    std::size_t pos = begin + target;
    std::size_t cut = size, next = size;
    while (pos < size) {
      const char* brace = static_cast<const char*>(std::memchr(body + pos, '}', size - pos));
      if (!brace) break;
      std::size_t i = static_cast<std::size_t>(brace - body) + 1;
      while (i < size && is_space(body[i])) ++i;
      if (i < size && body[i] == ',') {
        std::size_t j = i + 1;
        while (j < size && is_space(body[j])) ++j;
        if (j < size && body[j] == '{') {
          cut = i;
          next = j;
          break;
        }
      }
      pos = static_cast<std::size_t>(brace - body) + 1;
    }
    chunks.emplace_back(begin, cut);
    begin = next;
  }
  return chunks;
}

[[noreturn]] void throw_syntax(const std::string& name, const char* data, std::size_t size,
                               const std::string& fallback) {
  if (auto msg = describe_json_syntax_error(name, data, size)) throw InputError(*msg);
  throw InputError(name + ": malformed JSON (" + fallback + ")");
}

Detections parse_buffer(const char* data, std::size_t size, const std::string& name,
                        const ResultsReadOptions& options) {
  std::size_t b = 0, e = size;
  while (b < e && is_space(data[b])) ++b;
  while (e > b && is_space(data[e - 1])) --e;
  if (b == e) throw InputError(name + ": empty file, expected a JSON array of results");
  if (data[b] != '[') {
    if (data[b] == '{') {
      throw InputError(name + ": expected a JSON array of results [{\"image_id\", \"category_id\", "
                              "\"bbox\", \"score\"}, ...], found an object (is this a ground "
                              "truth file?)");
    }
    throw_syntax(name, data, size, "expected '['");
  }
  if (data[e - 1] != ']') throw_syntax(name, data, size, "expected ']' at the end");
  const char* body = data + b + 1;
  std::size_t body_size = e - b - 2;
  while (body_size > 0 && is_space(body[0])) {
    ++body;
    --body_size;
  }
  Detections out;
  if (body_size == 0) return out;  // [] : the model found nothing, a valid result

  const unsigned threads = options.threads ? options.threads : default_thread_count();
  const std::size_t target = std::max<std::size_t>(std::size_t{4} << 20, body_size / (threads * 8) + 1);
  auto chunks = split_records(body, body_size, target);
  std::vector<ChunkResult> results(chunks.size());
  struct Worker {
    simdjson::ondemand::parser parser;
    ByteBuffer scratch{0, simdjson::SIMDJSON_PADDING};
  };
  auto run = [&](const std::vector<std::pair<std::size_t, std::size_t>>& parts) {
    std::vector<Worker> workers(std::min<std::size_t>(threads, parts.size()));
    parallel_for_workers(
        parts.size(),
        [&](std::size_t i0, std::size_t i1, unsigned w) {
          for (std::size_t i = i0; i < i1; ++i) {
            parse_chunk(body + parts[i].first, parts[i].second - parts[i].first, options,
                        workers[w].parser, workers[w].scratch, results[i]);
          }
        },
        static_cast<unsigned>(workers.size()), 1);
  };
  run(chunks);
  if (chunks.size() > 1 &&
      std::any_of(results.begin(), results.end(), [](const ChunkResult& r) { return r.error.syntax; })) {
    // Either the bytes are broken or a split fell inside a string: decide on the whole body.
    chunks = {{0, body_size}};
    results = std::vector<ChunkResult>(1);
    run(chunks);
  }
  std::size_t before = 0;
  for (const ChunkResult& r : results) {
    if (r.error.set) {
      if (r.error.syntax) throw_syntax(name, data, size, r.error.message);
      const std::string field = r.error.field.empty() ? "" : r.error.field;
      throw InputError(describe_location(name, static_cast<long long>(before + r.error.record), field) +
                       ": " + r.error.message);
    }
    before += r.items.size();
  }
  // Concatenate in file order, in parallel (the copies touch ~64 bytes per record).
  std::vector<std::size_t> item_at(results.size() + 1, 0), seg_at(results.size() + 1, 0);
  for (std::size_t i = 0; i < results.size(); ++i) {
    item_at[i + 1] = item_at[i] + results[i].items.size();
    seg_at[i + 1] = seg_at[i] + results[i].segmentations.size();
  }
  out.items.resize(item_at.back());
  out.segmentations.resize(seg_at.back());
  parallel_for_workers(
      results.size(),
      [&](std::size_t i0, std::size_t i1, unsigned) {
        for (std::size_t i = i0; i < i1; ++i) {
          Detection* dst = out.items.data() + item_at[i];
          for (const Detection& d : results[i].items) {
            *dst = d;
            if (dst->segmentation >= 0) dst->segmentation += static_cast<std::int32_t>(seg_at[i]);
            ++dst;
          }
          BigVector<Detection>().swap(results[i].items);
          std::move(results[i].segmentations.begin(), results[i].segmentations.end(),
                    out.segmentations.begin() + static_cast<std::ptrdiff_t>(seg_at[i]));
        }
      },
      threads, 1);
  return out;
}

}  // namespace

Detections read_detection_results(const std::filesystem::path& path,
                                  const ResultsReadOptions& options) {
  const FileBytes bytes = FileBytes::open(path, simdjson::SIMDJSON_PADDING);
  return parse_buffer(bytes.data(), bytes.size(), path.string(), options);
}

Detections parse_detection_results(const std::string& bytes, const std::string& name,
                                   const ResultsReadOptions& options) {
  return parse_buffer(bytes.data(), bytes.size(), name, options);
}

}  // namespace ovbench
