// Flickr30K Entities readers against the reference parsers (get_sentence_data / get_annotations
// of BryanPlummer/flickr30k_entities@68b3d6f as copied into MDETR's flickr_eval.py) and the
// evaluable-phrase filter of MDETR's Flickr30kEntitiesRecallEvaluator.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "datasets/flickr_annotations.h"
#include "datasets/flickr_entities_tree.h"
#include "datasets/flickr_sentences.h"
#include "datasets/grounding_predictions_reader.h"

namespace ovbench {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(FlickrSentences, PhraseMarkersTypesAndWordIndices) {
  // Words: A(0) man(1) in(2) a(3) red(4) shirt(5) holds(6) his(7) hand(8) . -> "shirt" phrase
  // starts at word 3, "his hand" at word 7; the markers are not words.
  const auto s = parse_flickr_sentences(
      "[/EN#1/people A man] in [/EN#2/clothing/other a red shirt] holds [/EN#3/bodyparts his hand] "
      ".\n",
      "s.txt");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "A man in a red shirt holds his hand .");
  ASSERT_EQ(s[0].phrases.size(), 3u);
  EXPECT_EQ(s[0].phrases[1].entity_id, "2");
  EXPECT_EQ(s[0].phrases[1].types, (std::vector<std::string>{"clothing", "other"}));
  EXPECT_EQ(s[0].phrases[1].text, "a red shirt");
  EXPECT_EQ(s[0].phrases[1].first_word_index, 3);
  EXPECT_EQ(s[0].phrases[2].first_word_index, 7);
  EXPECT_EQ(s[0].phrases[2].text, "his hand");
}

TEST(FlickrSentences, EmptyLinesAreSkippedSoSentenceIdsCountNonEmptyLines) {
  // f.read().split("\n") then `if not sentence: continue`: the third physical line is
  // sentence 1. A line of spaces is not empty: it is a sentence without words.
  const auto s =
      parse_flickr_sentences("[/EN#1/people A] b\n\n[/EN#2/animals C] d\n   \r\n", "s.txt");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].text, "C d");
  EXPECT_EQ(s[1].phrases[0].entity_id, "2");
  EXPECT_EQ(s[2].text, "");
  EXPECT_TRUE(s[2].phrases.empty());
}

TEST(FlickrSentences, NotvisualChainZeroAndUnclosedPhrase) {
  // Chain 0 is read like any other id; a phrase never closed is dropped (zip stops at the
  // shorter list), but its words stay in the sentence.
  const auto s =
      parse_flickr_sentences("[/EN#0/notvisual Nobody] sees [/EN#5/people the man\n", "s.txt");
  ASSERT_EQ(s.size(), 1u);
  ASSERT_EQ(s[0].phrases.size(), 1u);
  EXPECT_EQ(s[0].phrases[0].entity_id, "0");
  EXPECT_EQ(s[0].phrases[0].types, (std::vector<std::string>{"notvisual"}));
  EXPECT_EQ(s[0].text, "Nobody sees the man");
}

TEST(FlickrSentences, MarkerWithoutChainIdNamesFileAndLine) {
  const std::string m = error_of([] { parse_flickr_sentences("ok\n[oops] x\n", "S/1.txt"); });
  EXPECT_NE(m.find("S/1.txt: line 2"), std::string::npos) << m;
}

const char* kXml = R"(<?xml version="1.0"?>
<annotation>
  <filename>1.jpg</filename>
  <size><width>500</width><height>375</height><depth>3</depth></size>
  <object><name>10</name><name>11</name>
    <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object>
  <object><name>10</name>
    <bndbox><xmin>50</xmin><ymin>60</ymin><xmax>70</xmax><ymax>80</ymax></bndbox></object>
  <object><name>12</name><nobndbox>0</nobndbox><scene>1</scene></object>
  <object><name>13</name><nobndbox>1</nobndbox><scene>0</scene></object>
</annotation>
)";

TEST(FlickrAnnotations, ObjectWithSeveralNamesGivesItsBoxToEach) {
  const auto a = parse_flickr_annotation(kXml, "A/1.xml");
  EXPECT_EQ(a.size.at("width"), 500);
  EXPECT_EQ(a.size.at("height"), 375);
  ASSERT_EQ(a.boxes.size(), 2u);  // 12 and 13 own no box
  EXPECT_EQ(a.boxes.at("10"), (std::vector<FlickrBox>{{1, 2, 30, 40}, {50, 60, 70, 80}}));
  EXPECT_EQ(a.boxes.at("11"), (std::vector<FlickrBox>{{1, 2, 30, 40}}));
  EXPECT_EQ(a.scene, (std::vector<std::string>{"12"}));
  EXPECT_EQ(a.nobox, (std::vector<std::string>{"13"}));
}

TEST(FlickrAnnotations, BadCoordinateAndMissingFlagNameFileAndLine) {
  std::string bad = kXml;
  bad.replace(bad.find("<xmin>50"), 8, "<xmin>5x");
  std::string m = error_of([&] { parse_flickr_annotation(bad, "A/1.xml"); });
  EXPECT_NE(m.find("A/1.xml: line 8"), std::string::npos) << m;
  EXPECT_NE(m.find("'5x'"), std::string::npos) << m;
  // A box-less object must carry <nobndbox> (the reference reads it unconditionally).
  m = error_of([] {
    parse_flickr_annotation(
        "<annotation><size/><object><name>3</name><scene>1</scene></object>"
        "</annotation>",
        "A/2.xml");
  });
  EXPECT_NE(m.find("A/2.xml: line 1"), std::string::npos) << m;
  EXPECT_NE(m.find("<nobndbox>"), std::string::npos) << m;
  m = error_of([] { parse_flickr_annotation("<annotation><size>", "A/3.xml"); });
  EXPECT_NE(m.find("A/3.xml"), std::string::npos) << m;
}

TEST(FlickrGroundTruth, OnlyPhrasesWhoseChainOwnsABoxAreEvaluated) {
  // Sentence 0: chain 10 (2 boxes), 12 (scene, no box), 0 (notvisual) -> 1 phrase.
  // Sentence 1: only chains 13 (nobox) and 0 -> not evaluable, dropped.
  // Sentence 2: chains 11 and 10 -> 2 phrases, in sentence order.
  FlickrEntitiesSplit split;
  split.images.push_back({"1",
                          parse_flickr_sentences("[/EN#10/people Men] in [/EN#12/scene a park] "
                                                 "[/EN#0/notvisual here]\n"
                                                 "[/EN#13/other X] [/EN#0/notvisual Y]\n"
                                                 "[/EN#11/people/other Z] and [/EN#10/people W]\n",
                                                 "s.txt"),
                          parse_flickr_annotation(kXml, "a.xml")});
  const auto gt = flickr_grounding_ground_truth(split);
  ASSERT_EQ(gt.sentences.size(), 2u);
  EXPECT_EQ(gt.sentences[0].sentence_id, 0);
  EXPECT_EQ(gt.sentences[0].phrase_count, 1u);
  EXPECT_EQ(gt.sentences[1].sentence_id, 2);
  EXPECT_EQ(gt.sentences[1].image_id, "1");
  ASSERT_EQ(gt.phrases.size(), 3u);
  EXPECT_EQ(gt.phrases[0].box_count, 2u);  // chain 10's two boxes
  EXPECT_EQ(gt.phrases[1].box_count, 1u);  // chain 11
  EXPECT_EQ(gt.phrases[1].type_count, 2u);
  const auto& b = gt.boxes[gt.phrases[1].first_box];
  EXPECT_EQ(b.x1, 1);
  EXPECT_EQ(b.y2, 40);
}

TEST(FlickrSplitFile, StripsLinesSkipsBlankOnesRejectsDuplicates) {
  const auto dir = std::filesystem::temp_directory_path() / "ovbench_flickr_split_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "val.txt") << " 100 \r\n\n200\n";
  EXPECT_EQ(read_flickr_split_file(dir / "val.txt"), (std::vector<std::string>{"100", "200"}));
  std::ofstream(dir / "dup.txt") << "100\n200\n100\n";
  const std::string m = error_of([&] { read_flickr_split_file(dir / "dup.txt"); });
  EXPECT_NE(m.find("line 3"), std::string::npos) << m;
  std::filesystem::remove_all(dir);
}

TEST(GroundingPredictionsReader, IntegerOrStringImageIdsAndRankedLists) {
  const auto p = parse_grounding_predictions(
      R"([{"image_id": 1000092795, "sentence_id": 4, "boxes": [[[1, 2, 3, 4], [5, 6, 7.5, 8]], []]},
          {"image_id": "42", "sentence_id": 0, "boxes": [], "extra": 1}])",
      "p.json");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].image_id, "1000092795");
  EXPECT_EQ(p.records[0].sentence_id, 4);
  EXPECT_EQ(p.records[0].list_count, 2u);
  EXPECT_EQ(p.list_begin, (std::vector<std::uint64_t>{0, 2, 2}));
  EXPECT_EQ(p.boxes[1].x2, 7.5);
  EXPECT_EQ(p.records[1].image_id, "42");
  EXPECT_EQ(p.records[1].list_count, 0u);
}

TEST(GroundingPredictionsReader, BadBoxNamesFileRecordAndField) {
  std::string m = error_of([] {
    parse_grounding_predictions(
        R"([{"image_id": 1, "sentence_id": 0, "boxes": [[[1, 2, 3, 4]]]},
            {"image_id": 1, "sentence_id": 1, "boxes": [[[1, 2, 3]]]}])",
        "p.json");
  });
  EXPECT_NE(m.find("p.json: record 1"), std::string::npos) << m;
  EXPECT_NE(m.find("boxes"), std::string::npos) << m;
  EXPECT_NE(m.find("found 3"), std::string::npos) << m;
  m = error_of([] { parse_grounding_predictions(R"([{"image_id": 1, "boxes": []}])", "p.json"); });
  EXPECT_NE(m.find("sentence_id"), std::string::npos) << m;
  m = error_of([] { parse_grounding_predictions(R"([{"image_id": 1,)", "p.json"); });
  EXPECT_NE(m.find("p.json"), std::string::npos) << m;
}

}  // namespace
}  // namespace ovbench
