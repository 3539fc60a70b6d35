// `ovbench tokenize`: the token ids a prompt becomes, with CLIP's BPE or BERT's WordPiece
// exactly as the models see them (users check their prompts with it).
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "harness/command_line.h"
#include "harness/commands/commands.h"
#include "harness/json_output.h"
#include "models/bert_tokenizer.h"
#include "models/clip_tokenizer.h"

namespace po = boost::program_options;

namespace ovbench {

int tokenize_command(const Args& args) {
  CommandLine cl("ovbench tokenize", "ovbench tokenize --tokenizer clip|bert [--json] [--] TEXT...",
                 "Prints the token ids of each TEXT, special tokens included, no padding: CLIP's\n"
                 "byte-level BPE (openai/CLIP simple_tokenizer, <|startoftext|> ... <|endoftext|>,\n"
                 "truncated to 77) or bert-base-uncased WordPiece as GLIP uses it ([CLS] ... [SEP],\n"
                 "truncated to 256). Any UTF-8 is accepted; invalid bytes read as U+FFFD.\n"
                 "CLIP skips ftfy.fix_text (not available here): identical for text without mojibake.",
                 "  ovbench tokenize --tokenizer clip \"a photo of a cat.\"\n"
                 "  ovbench tokenize --tokenizer bert --json -- \"person. bicycle. car.\"\n");
  cl.add_options()
      ("tokenizer", po::value<std::string>()->value_name("clip|bert"), "which tokeniser")
      ("json", po::bool_switch(), "print [{\"text\", \"tokens\", \"ids\"}, ...]")
      ("text", po::value<std::vector<std::string>>()->value_name("TEXT"), "texts to tokenise");
  cl.add_positional("text", -1);
  if (!cl.parse(args)) return kExitOk;
  if (!cl.has("tokenizer")) cl.fail("--tokenizer clip|bert is required");
  const std::string which = cl.get<std::string>("tokenizer");
  if (which != "clip" && which != "bert") cl.fail("--tokenizer must be clip or bert, not '" + which + "'");
  if (!cl.has("text")) cl.fail("give at least one TEXT");
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const std::string& text : cl.get<std::vector<std::string>>("text")) {
    std::vector<std::string> tokens;
    std::vector<std::int32_t> ids;
    if (which == "clip") {
      const ClipTokenizer& tok = ClipTokenizer::builtin();
      ids = tok.tokenize(text);
      for (std::int32_t id : ids) tokens.push_back(tok.token(id));
    } else {
      BertTokens t = BertTokenizer::builtin().tokenize(text);
      tokens = std::move(t.tokens);
      ids = std::move(t.ids);
    }
    if (cl.get<bool>("json")) {
      // Byte-level CLIP tokens may not be valid UTF-8 on their own: replace rather than throw.
      out.push_back({{"text", text}, {"tokens", tokens}, {"ids", ids}});
      continue;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) std::cout << (i ? " " : "") << ids[i];
    std::cout << "\n";
  }
  if (cl.get<bool>("json")) {
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace ovbench
