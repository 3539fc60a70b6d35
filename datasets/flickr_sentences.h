#pragma once
// Flickr30K Entities Sentences/<image id>.txt: one caption per line, annotated phrases written
// "[/EN#<chain id>/<type 1>/.../<type n> word ... word]". Parsed as the reference parser
// (get_sentence_data in BryanPlummer/flickr30k_entities@68b3d6f, copied into MDETR's
// flickr_eval.py) reads them, including its quirks, which decide what sentence_id a prediction
// must use and which phrases exist.

#include <string>
#include <string_view>
#include <vector>

namespace ovbench {

struct FlickrPhrase {
  std::string entity_id;           // the chain id ("0" for notvisual phrases)
  std::vector<std::string> types;  // verbatim, duplicates kept
  std::string text;                // the phrase's words joined by single spaces
  int first_word_index = 0;        // position of its first word in the sentence
};

struct FlickrSentence {
  std::string text;  // all words (brackets and "/EN#" markers removed) joined by single spaces
  std::vector<FlickrPhrase> phrases;
};

// Sentence i of the result is the i-th non-empty line (this index is MDETR's sentence_id).
// Throws InputError "NAME: line L: ..." on bytes that are not UTF-8 and on a phrase marker
// without a chain id (the reference crashes there).
std::vector<FlickrSentence> parse_flickr_sentences(std::string_view bytes, const std::string& name);

}  // namespace ovbench
