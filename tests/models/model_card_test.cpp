// Model cards: defaults from the adapter specs, strict validation with the JSON path named.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/errors.h"
#include "models/cards/model_card.h"

namespace ovbench {
namespace {

std::filesystem::path card_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("ovbench-cards-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "image.pt") << "x";
  std::ofstream(dir / "text.pt") << "x";
  return dir;
}

ModelCard parse(const std::string& json) { return parse_model_card(json, card_dir() / "card.json"); }

std::string error_of(const std::string& json) {
  try {
    parse(json);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ModelCard, FillsEveryProtocolDefaultAndResolvesFilesAgainstTheCard) {
  const auto card = parse(R"({"name": "r", "adapter": "regionclip",
      "files": {"image_module": "image.pt", "text_module": "text.pt"}, "text": {"templates": "regionclip"},
      "protocol": {"detections_per_image": 300}})");
  EXPECT_EQ(card.number("temperature"), 0.01);
  EXPECT_EQ(card.choice("objectness_fusion"), "geometric-mean");
  EXPECT_EQ(card.choice("reported_score"), "class-probability");
  EXPECT_EQ(card.integer("detections_per_image"), 300);
  EXPECT_EQ(card.file("image_module"), card_dir() / "image.pt");
  EXPECT_EQ(card.text.ensembling, "mean");  // RegionCLIP's concept features average raw embeddings
  EXPECT_EQ(card.to_json()["protocol"]["nms_iou"], 0.5);
  EXPECT_EQ(card.content_hash.rfind("fnv1a64:", 0), 0u);
}

TEST(ModelCard, ErrorsNameTheCardAndTheKey) {
  const std::string base = R"("name": "r", "adapter": "regionclip", "files": {"image_module": "image.pt", "text_module": "text.pt"})";
  EXPECT_NE(error_of("{" + base + R"(, "protocol": {"temprature": 0.01}})").find("card.json: protocol.temprature: unknown key"),
            std::string::npos);
  EXPECT_NE(error_of("{" + base + R"(, "protocol": {"temperature": "hot"}})").find("protocol.temperature: expected a number, got a string"),
            std::string::npos);
  EXPECT_NE(error_of("{" + base + R"(, "protocol": {"objectness_fusion": "product"}})")
                .find(R"(protocol.objectness_fusion: expected one of "geometric-mean", "none", got "product")"),
            std::string::npos);
  EXPECT_NE(error_of("{" + base + R"(, "extra": 1})").find("card.json: extra: unknown key"), std::string::npos);
  EXPECT_NE(error_of(R"({"name": "r", "adapter": "yolo", "files": {}})").find("unknown adapter \"yolo\""), std::string::npos);
  EXPECT_NE(error_of(R"({"name": "r", "adapter": "regionclip", "files": {"text_module": "text.pt"}})")
                .find("files.image_module: missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"name": "r", "adapter": "regionclip", "files": {"image_module": "absent.pt"}})")
                .find("files.image_module: "),
            std::string::npos);
  EXPECT_NE(error_of(R"({"name": "r", "adapter": "regionclip", "files": {"image_module": "image.pt"}})")
                .find("needs a text_module (to embed the vocabulary) or class_embeddings"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"name": "g", "adapter": "glip", "files": {"module": "image.pt"}, "text": {}})")
                .find("the glip adapter has no text encoder settings"),
            std::string::npos);
  EXPECT_NE(error_of("not json").find("card.json: not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace ovbench
