#pragma once
// The categories a model is asked to find, in the order its scores come out: from a dataset's
// categories (COCO/LVIS), a class list (segmentation) or a suite. `novel` marks the
// open-vocabulary split where an adapter treats base and novel differently (ViLD's ensemble).

#include <cstdint>
#include <string>
#include <vector>

namespace ovbench {

struct VocabularyEntry {
  std::int64_t id = 0;     // the dataset's category id (or label index for segmentation)
  std::string name;
  std::vector<std::string> synonyms;
  bool novel = false;
  char frequency = 0;      // LVIS 'r' / 'c' / 'f', 0 otherwise
};

struct Vocabulary {
  std::vector<VocabularyEntry> entries;
  std::size_t size() const { return entries.size(); }
};

// A dense embedding matrix: one L2-normalised row per vocabulary entry.
struct EmbeddingMatrix {
  std::int64_t rows = 0, dim = 0;
  std::vector<float> values;  // row-major rows x dim
  const float* row(std::int64_t r) const { return values.data() + r * dim; }
};

}  // namespace ovbench
