#pragma once
// The original Flickr30K Entities tree, as MDETR's evaluator loads it:
//   ROOT/<split>.txt              one image id per line
//   ROOT/Annotations/<id>.xml     boxes per chain id (datasets/flickr_annotations.h)
//   ROOT/Sentences/<id>.txt       five captions with annotated phrases
//   (datasets/flickr_sentences.h)
// and the evaluation problem built from it: the phrases whose chain owns at least one box
// (scene, nobox and notvisual phrases drop out), and the sentences left with at least one.

#include <filesystem>
#include <string>
#include <vector>

#include "datasets/flickr_annotations.h"
#include "datasets/flickr_sentences.h"
#include "metrics/grounding_types.h"

namespace ovbench {

struct FlickrImage {
  std::string id;
  std::vector<FlickrSentence> sentences;
  FlickrAnnotation annotation;
};

struct FlickrEntitiesSplit {
  std::vector<FlickrImage> images;  // in split-file order
};

// The image ids of ROOT/<split>.txt: each line stripped of surrounding whitespace. Unlike the
// reference, which would look for "Annotations/.xml" and crash, blank lines are skipped; an id
// listed twice is an error (the reference then always reports missing predictions).
std::vector<std::string> read_flickr_split_file(const std::filesystem::path& path);

// Reads the split's images in parallel; the first error in split order is thrown.
FlickrEntitiesSplit read_flickr_entities_split(const std::filesystem::path& root,
                                               const std::string& split, unsigned threads = 0);

// Evaluable sentences and phrases, with each phrase's gt boxes (all boxes of its chain).
GroundingGroundTruth flickr_grounding_ground_truth(const FlickrEntitiesSplit& split);

}  // namespace ovbench
