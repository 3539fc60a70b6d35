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
  if (const auto it = vocab_.find("[PAD]"); it != vocab_.end()) pad_ = it->second;
}

std::int32_t BertTokenizer::id_of(const std::string& token) const {
  const auto it = vocab_.find(token);
  return it == vocab_.end() ? unk_ : it->second;
}

std::vector<BertTokenizer::Piece> BertTokenizer::pieces(std::string_view utf8_text) const {
  std::vector<Piece> out;
  for (const BertWord& word : bert_basic_tokenize(decode_utf8(utf8_text))) {
    // A piece covering word.text[b, e) spans the input characters origin[b] .. origin[e - 1].
    const auto span_of = [&word](std::size_t b, std::size_t e) {
      return BertTokenSpan{word.origin[b], word.origin[e - 1] + 1};
    };
    const std::string whole = encode_utf8(word.text);
    if (word.special) {
      out.push_back({whole, span_of(0, word.text.size())});
      continue;
    }
    if (word.text.size() > 100) {  // max_input_chars_per_word, counted in characters
      out.push_back({"[UNK]", span_of(0, word.text.size())});
      continue;
    }
    std::vector<Piece> word_pieces;
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
      word_pieces.push_back({std::move(found), span_of(begin, end)});
      begin = end;
    }
    if (bad) {
      out.push_back({"[UNK]", span_of(0, word.text.size())});
    } else {
      for (auto& p : word_pieces) out.push_back(std::move(p));
    }
  }
  return out;
}

std::vector<std::string> BertTokenizer::wordpieces(std::string_view utf8_text) const {
  std::vector<std::string> out;
  for (auto& p : pieces(utf8_text)) out.push_back(std::move(p.text));
  return out;
}

BertTokens BertTokenizer::tokenize(std::string_view utf8_text, std::size_t max_length) const {
  std::vector<Piece> all = pieces(utf8_text);
  if (max_length >= 2 && all.size() > max_length - 2) all.resize(max_length - 2);
  BertTokens t;
  t.tokens.reserve(all.size() + 2);
  t.ids.reserve(all.size() + 2);
  t.offsets.reserve(all.size() + 2);
  t.tokens.push_back("[CLS]");
  t.ids.push_back(cls_);
  t.offsets.push_back({});
  for (auto& p : all) {
    t.ids.push_back(id_of(p.text));
    t.tokens.push_back(std::move(p.text));
    t.offsets.push_back(p.span);
  }
  t.tokens.push_back("[SEP]");
  t.ids.push_back(sep_);
  t.offsets.push_back({});
  return t;
}

std::optional<std::size_t> bert_char_to_token(const BertTokens& tokens, std::size_t char_index) {
  for (std::size_t i = 0; i < tokens.offsets.size(); ++i) {
    const BertTokenSpan& s = tokens.offsets[i];
    if (char_index >= s.begin && char_index < s.end) return i;
  }
  return std::nullopt;
}

}  // namespace ovbench
