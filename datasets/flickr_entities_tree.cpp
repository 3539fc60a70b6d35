#include "datasets/flickr_entities_tree.h"

#include <exception>
#include <unordered_map>

#include "core/errors.h"
#include "core/file_reader.h"
#include "core/parallel_for.h"

namespace ovbench {
namespace {

bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

}  // namespace

std::vector<std::string> read_flickr_split_file(const std::filesystem::path& path) {
  const std::string bytes = read_file(path);
  const std::string name = path.string();
  std::vector<std::string> ids;
  std::unordered_map<std::string, int> line_of;
  int line_number = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t end = i;
    while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') ++end;
    ++line_number;
    std::size_t b = i, e = end;
    while (b < e && is_space(bytes[b])) ++b;
    while (e > b && is_space(bytes[e - 1])) --e;
    if (e > b) {
      std::string id = bytes.substr(b, e - b);
      if (id.find('/') != std::string::npos || id == "." || id == "..") {
        throw InputError(name + ": line " + std::to_string(line_number) + ": '" + id +
                         "' is not an image id");
      }
      const auto [it, fresh] = line_of.emplace(id, line_number);
      if (!fresh) {
        throw InputError(name + ": line " + std::to_string(line_number) + ": image " + id +
                         " is already listed on line " + std::to_string(it->second));
      }
      ids.push_back(std::move(id));
    }
    i = end + (end + 1 < bytes.size() && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
  }
  return ids;
}

FlickrEntitiesSplit read_flickr_entities_split(const std::filesystem::path& root,
                                               const std::string& split, unsigned threads) {
  const std::vector<std::string> ids = read_flickr_split_file(root / (split + ".txt"));
  FlickrEntitiesSplit out;
  out.images.resize(ids.size());
  std::vector<std::exception_ptr> errors(ids.size());
  parallel_for(
      ids.size(),
      [&](std::size_t i0, std::size_t i1) {
        for (std::size_t i = i0; i < i1; ++i) {
          try {
            FlickrImage& image = out.images[i];
            image.id = ids[i];
            const auto xml = root / "Annotations" / (ids[i] + ".xml");
            image.annotation = parse_flickr_annotation(read_file(xml), xml.string());
            const auto txt = root / "Sentences" / (ids[i] + ".txt");
            image.sentences = parse_flickr_sentences(read_file(txt), txt.string());
          } catch (...) {
            errors[i] = std::current_exception();
          }
        }
      },
      threads);
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

GroundingGroundTruth flickr_grounding_ground_truth(const FlickrEntitiesSplit& split) {
  GroundingGroundTruth gt;
  std::unordered_map<std::string, std::uint32_t> type_index;
  for (const FlickrImage& image : split.images) {
    // Boxes of a chain are stored once per image and shared by its phrases.
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> chain_boxes;
    for (const auto& [chain, boxes] : image.annotation.boxes) {
      chain_boxes.emplace(chain, std::make_pair(static_cast<std::uint32_t>(gt.boxes.size()),
                                                static_cast<std::uint32_t>(boxes.size())));
      for (const FlickrBox& b : boxes) {
        gt.boxes.push_back({static_cast<double>(b[0]), static_cast<double>(b[1]),
                            static_cast<double>(b[2]), static_cast<double>(b[3])});
      }
    }
    for (std::size_t s = 0; s < image.sentences.size(); ++s) {
      GroundingGroundTruth::Sentence sentence;
      sentence.image_id = image.id;
      sentence.sentence_id = static_cast<std::int64_t>(s);
      sentence.first_phrase = static_cast<std::uint32_t>(gt.phrases.size());
      for (const FlickrPhrase& p : image.sentences[s].phrases) {
        const auto it = chain_boxes.find(p.entity_id);
        if (it == chain_boxes.end()) continue;  // scene, nobox, notvisual (chain 0): no box
        GroundingGroundTruth::Phrase phrase;
        phrase.first_box = it->second.first;
        phrase.box_count = it->second.second;
        phrase.first_type = static_cast<std::uint32_t>(gt.phrase_types.size());
        phrase.type_count = static_cast<std::uint32_t>(p.types.size());
        for (const std::string& t : p.types) {
          const auto [ti, fresh] =
              type_index.emplace(t, static_cast<std::uint32_t>(gt.type_names.size()));
          if (fresh) gt.type_names.push_back(t);
          gt.phrase_types.push_back(ti->second);
        }
        gt.phrases.push_back(phrase);
        ++sentence.phrase_count;
      }
      if (sentence.phrase_count > 0) gt.sentences.push_back(std::move(sentence));
    }
  }
  return gt;
}

}  // namespace ovbench
