#include "models/bert_tokenizer.h"

#include "core/errors.h"
#include "core/resources.h"
#include "models/bert_basic_tokenizer.h"
#include "models/utf8.h"

namespace ovbench {

const BertTokenizer& BertTokenizer::builtin() {
  static const BertTokenizer instance(resource("models/data/bert-base-uncased-vocab.txt"),
                                      "models/data/bert-base-uncased-vocab.txt");
  return instance;
}

BertTokenizer::BertTokenizer(std::string_view text, const std::string& source) {
  std::size_t start = 0;
  std::int32_t id = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // transformers' load_vocab: token = line.rstrip("\n"); a repeated token keeps the later id.
    vocab_[std::string(line)] = id++;
    start = end + 1;
  }
  for (const char* special : {"[UNK]", "[CLS]", "[SEP]"}) {
    if (!vocab_.count(special)) throw InputError(source + ": vocabulary has no " + special);
  }
  unk_ = vocab_.at("[UNK]");
  cls_ = vocab_.at("[CLS]");
  sep_ = vocab_.at("[SEP]");
}

std::int32_t BertTokenizer::id_of(const std::string& token) const {
  const auto it = vocab_.find(token);
  return it == vocab_.end() ? unk_ : it->second;
}

std::vector<std::string> BertTokenizer::wordpieces(std::string_view utf8_text) const {
  std::vector<std::string> out;
  for (const BertWord& word : bert_basic_tokenize(decode_utf8(utf8_text))) {
    const std::string whole = encode_utf8(word.text);
    if (word.special) {
      out.push_back(whole);
      continue;
    }
    if (word.text.size() > 100) {  // max_input_chars_per_word, counted in characters
      out.push_back("[UNK]");
      continue;
    }
    std::vector<std::string> pieces;
    std::size_t begin = 0;
    bool bad = false;
    while (begin < word.text.size()) {
      std::size_t end = word.text.size();
      std::string found;
      for (; end > begin; --end) {
        std::string piece = encode_utf8(word.text.substr(begin, end - begin));
        if (begin > 0) piece = "##" + piece;
        if (vocab_.count(piece)) {
          found = std::move(piece);
          break;
        }
      }
      if (found.empty()) {
        bad = true;
        break;
      }
      pieces.push_back(std::move(found));
      begin = end;
    }
    if (bad) {
      out.push_back("[UNK]");
    } else {
      for (auto& p : pieces) out.push_back(std::move(p));
    }
  }
  return out;
}

BertTokens BertTokenizer::tokenize(std::string_view utf8_text, std::size_t max_length) const {
  std::vector<std::string> pieces = wordpieces(utf8_text);
  if (max_length >= 2 && pieces.size() > max_length - 2) pieces.resize(max_length - 2);
  BertTokens t;
  t.tokens.push_back("[CLS]");
  t.ids.push_back(cls_);
  for (auto& p : pieces) {
    t.ids.push_back(id_of(p));
    t.tokens.push_back(std::move(p));
  }
  t.tokens.push_back("[SEP]");
  t.ids.push_back(sep_);
  return t;
}

}  // namespace ovbench
