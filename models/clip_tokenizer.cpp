#include "models/clip_tokenizer.h"

#include <limits>

#include "core/errors.h"
#include "core/resources.h"
#include "models/clip_pretokenizer.h"
#include "models/gzip_text.h"
#include "models/utf8.h"

namespace ovbench {

namespace {

constexpr std::string_view kMergesResource = "models/data/bpe_simple_vocab_16e6.txt.gz";
// merges[1:49152-256-2+1]: the header line is skipped and 48,894 merges are kept, which with
// 512 byte tokens and 2 specials makes the 49,408-entry vocabulary.
constexpr std::size_t kMergeCount = 49152 - 256 - 2;

// bytes_to_unicode(): printable Latin-1 bytes map to themselves, the other 68 bytes to
// U+0100.. in byte order. Returns the bytes in vocabulary order with their characters.
struct ByteChar {
  unsigned char byte;
  char32_t code_point;
};
std::vector<ByteChar> bytes_to_unicode() {
  std::vector<ByteChar> out;
  bool printable[256] = {};
  for (int b = 0; b < 256; ++b) {
    printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    if (printable[b]) out.push_back({static_cast<unsigned char>(b), static_cast<char32_t>(b)});
  }
  char32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    if (!printable[b]) out.push_back({static_cast<unsigned char>(b), next++});
  }
  return out;
}

std::uint64_t pair_key(std::int32_t a, std::int32_t b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
         static_cast<std::uint32_t>(b);
}

// str.split() of one merges line (ASCII whitespace suffices: the symbols are byte characters,
// none of which is a space).
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

const ClipTokenizer& ClipTokenizer::builtin() {
  static const ClipTokenizer instance(gunzip(resource(kMergesResource), std::string(kMergesResource)),
                                      std::string(kMergesResource));
  return instance;
}

ClipTokenizer::ClipTokenizer(std::string_view merges_text, const std::string& source) {
  const std::vector<ByteChar> bytes = bytes_to_unicode();
  vocab_.reserve(512 + kMergeCount + 2);
  for (const auto& bc : bytes) {
    std::string s;
    append_utf8(s, bc.code_point);
    vocab_.push_back(s);
  }
  for (const auto& bc : bytes) {
    std::string s;
    append_utf8(s, bc.code_point);
    vocab_.push_back(s + "</w>");
  }

  // Lines 1 .. kMergeCount (line 0 is the "#version" header).
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(kMergeCount);
  std::size_t pos = merges_text.find('\n');
  long long line_no = 1;
  while (pos != std::string_view::npos && pairs.size() < kMergeCount) {
    const std::size_t start = pos + 1;
    pos = merges_text.find('\n', start);
    const std::string_view line = merges_text.substr(
        start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
    const auto fields = split_fields(line);
    if (fields.size() != 2) {
      throw InputError(describe_location(source, line_no + 1, "") +
                       ": expected a merge of two symbols, got " + std::to_string(fields.size()) +
                       " fields");
    }
    pairs.emplace_back(fields[0], fields[1]);
    vocab_.push_back(std::string(fields[0]) + std::string(fields[1]));
    ++line_no;
  }
  if (pairs.size() != kMergeCount) {
    throw InputError(source + ": has " + std::to_string(pairs.size()) + " merges, CLIP needs " +
                     std::to_string(kMergeCount));
  }
  vocab_.push_back("<|startoftext|>");
  vocab_.push_back("<|endoftext|>");

  // dict(zip(vocab, range(len(vocab)))): a repeated token keeps its last id.
  encoder_.reserve(vocab_.size() * 2);
  for (std::size_t id = 0; id < vocab_.size(); ++id) {
    encoder_[vocab_[id]] = static_cast<std::int32_t>(id);
  }
  for (std::size_t k = 0; k < 256; ++k) {
    byte_id_[bytes[k].byte] = encoder_.at(vocab_[k]);
    byte_end_id_[bytes[k].byte] = encoder_.at(vocab_[256 + k]);
  }
  sot_ = encoder_.at("<|startoftext|>");
  eot_ = encoder_.at("<|endoftext|>");

  // bpe_ranks = dict(zip(merges, range(...))): a repeated pair keeps its last rank. A pair
  // whose halves are not tokens can never occur in a word, so it is left out.
  merges_.reserve(pairs.size() * 2);
  for (std::size_t rank = 0; rank < pairs.size(); ++rank) {
    const auto a = encoder_.find(pairs[rank].first);
    const auto b = encoder_.find(pairs[rank].second);
    if (a == encoder_.end() || b == encoder_.end()) continue;
    const std::int32_t merged = encoder_.at(pairs[rank].first + pairs[rank].second);
    merges_[pair_key(a->second, b->second)] = Merge{static_cast<std::int32_t>(rank), merged};
  }
}

const ClipTokenizer::Merge* ClipTokenizer::find_merge(std::int32_t first, std::int32_t second) const {
  const auto it = merges_.find(pair_key(first, second));
  return it == merges_.end() ? nullptr : &it->second;
}

// SimpleTokenizer.bpe on one pre-tokenized piece: its bytes as byte characters, "</w>" on the
// last one, then repeatedly merge every occurrence (left to right, non-overlapping) of the
// adjacent pair with the lowest rank until no adjacent pair has a rank.
void ClipTokenizer::bpe(std::string_view piece, std::vector<std::int32_t>& out) const {
  // SimpleTokenizer's cache is seeded with the two special tokens: they map to themselves.
  if (piece == "<|startoftext|>") {
    out.push_back(sot_);
    return;
  }
  if (piece == "<|endoftext|>") {
    out.push_back(eot_);
    return;
  }
  std::vector<std::int32_t> word;
  word.reserve(piece.size());
  for (std::size_t i = 0; i + 1 < piece.size(); ++i) {
    word.push_back(byte_id_[static_cast<unsigned char>(piece[i])]);
  }
  word.push_back(byte_end_id_[static_cast<unsigned char>(piece.back())]);

  while (word.size() > 1) {
    const Merge* best = nullptr;
    std::size_t best_at = 0;
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
      const Merge* m = find_merge(word[i], word[i + 1]);
      if (m != nullptr && (best == nullptr || m->rank < best->rank)) {
        best = m;
        best_at = i;
      }
    }
    if (best == nullptr) break;
    const std::int32_t first = word[best_at];
    const std::int32_t second = word[best_at + 1];
    std::size_t w = best_at;  // everything before the first occurrence is unchanged
    for (std::size_t r = best_at; r < word.size();) {
      if (r + 1 < word.size() && word[r] == first && word[r + 1] == second) {
        word[w++] = best->merged;
        r += 2;
      } else {
        word[w++] = word[r++];
      }
    }
    word.resize(w);
  }
  out.insert(out.end(), word.begin(), word.end());
}

std::vector<std::int32_t> ClipTokenizer::encode(std::string_view utf8_text) const {
  const std::u32string normalized = clip_normalize(decode_utf8(utf8_text));
  std::vector<std::int32_t> ids;
  std::string piece;
  for (const TextPiece& p : clip_pre_tokenize(normalized)) {
    piece.clear();
    for (std::size_t i = p.begin; i < p.end; ++i) append_utf8(piece, normalized[i]);
    bpe(piece, ids);
  }
  return ids;
}

std::vector<std::int32_t> ClipTokenizer::tokenize(std::string_view utf8_text,
                                                  std::size_t context_length, bool truncate) const {
  std::vector<std::int32_t> ids;
  ids.push_back(sot_);
  const std::vector<std::int32_t> body = encode(utf8_text);
  ids.insert(ids.end(), body.begin(), body.end());
  ids.push_back(eot_);
  if (ids.size() > context_length) {
    if (!truncate) {
      throw InputError("Input " + std::string(utf8_text) + " is too long for context length " +
                       std::to_string(context_length));
    }
    ids.resize(context_length);
    if (!ids.empty()) ids.back() = eot_;
  }
  return ids;
}

std::vector<std::int32_t> pad_clip_tokens(std::vector<std::int32_t> ids, std::size_t context_length) {
  if (ids.size() < context_length) ids.resize(context_length, 0);
  return ids;
}

}  // namespace ovbench
