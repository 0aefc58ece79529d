// Word segmentation with jieba's model: the best path through every dictionary word of a
// clause, a word's probability its frequency over all words' (as jieba's "DAG + max
// probability" does); a character the dictionary lacks is a word of its own at a fixed cost.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace reportlint::phrasing {

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the segmented text
  std::uint32_t end = 0;
};

class Segmenter {
 public:
  explicit Segmenter(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Segments `text` into `tokens` (replacing them); returns the path's log probability.
  double segment(std::string_view text, std::vector<Token>& tokens) const;

 private:
  const Lexicon& lexicon_;
};

}  // namespace reportlint::phrasing
