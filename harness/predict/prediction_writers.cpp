#include "harness/predict/prediction_writers.h"

#include <charconv>
#include <cstdio>

#include "core/atomic_file.h"

namespace ovbench {
namespace {

void append_number(std::string& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out = "[\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size()) out += ",";
    out += "\n";
  }
  return out + "]\n";
}

}  // namespace

std::string coco_result_json(const Detection& d) {
  std::string out = "{\"image_id\": " + std::to_string(d.image_id) +
                    ", \"category_id\": " + std::to_string(d.category_id) + ", \"bbox\": [";
  append_number(out, d.bbox.x);
  out += ", ";
  append_number(out, d.bbox.y);
  out += ", ";
  append_number(out, d.bbox.w);
  out += ", ";
  append_number(out, d.bbox.h);
  out += "], \"score\": ";
  append_number(out, d.score);
  out += "}";
  return out;
}

void write_coco_results(const std::filesystem::path& path, const std::vector<Detection>& detections) {
  std::vector<std::string> lines;
  lines.reserve(detections.size());
  for (const auto& d : detections) lines.push_back(coco_result_json(d));
  write_file_atomically(path, join_lines(lines));
}

std::string grounding_record_json(const GroundingRecord& r) {
  std::string out = "{\"image_id\": ";
  append_json_string(out, r.image_id);
  out += ", \"sentence_id\": " + std::to_string(r.sentence_id) + ", \"boxes\": [";
  for (std::size_t p = 0; p < r.boxes.size(); ++p) {
    if (p) out += ", ";
    out += "[";
    for (std::size_t b = 0; b < r.boxes[p].size(); ++b) {
      if (b) out += ", ";
      out += "[";
      for (int k = 0; k < 4; ++k) {
        if (k) out += ", ";
        append_number(out, r.boxes[p][b][static_cast<std::size_t>(k)]);
      }
      out += "]";
    }
    out += "]";
  }
  return out + "]}";
}

void write_grounding_results(const std::filesystem::path& path, const std::vector<GroundingRecord>& records) {
  std::vector<std::string> lines;
  lines.reserve(records.size());
  for (const auto& r : records) lines.push_back(grounding_record_json(r));
  write_file_atomically(path, join_lines(lines));
}

}  // namespace ovbench
