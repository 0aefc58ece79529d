// Suspected typos no phrase pack lists (phrasing.suspected-typo), the way pycorrector and
// LanguageTool's Chinese rules find them: a window of 2 or 4 Chinese characters that is no
// common word, one character away from a common word through a pair of characters writers
// confuse — pairs from the built-in packs, pairs by shape, and for 4-character windows
// (idioms) pairs by sound — confirmed in context: the changed character's word must lie
// inside the window (not a normal word reaching beyond it), and a language model must find
// the clause clearly likelier with the change.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "lexicon.hpp"
#include "segmenter.hpp"
#include "sentence_model.hpp"

namespace reportlint::phrasing {

// Thresholds, chosen on the built-in packs (recall, leave-one-out) and the published
// documents of ../shared/corpus/real (false alarms); bench/typo_recall measures both.
struct TypoSettings {
  std::uint32_t min_word_freq4 = 3;  // jieba counts idioms low
  std::uint32_t rarity = 10;         // the window this many times rarer than the word: a typo of it
  std::uint32_t common_word4 = 50;   // a 4-character window this frequent is a word, no typo
  float min_gain2 = 3.0f;            // log10 probability gain the change must bring, 2-character windows
  float min_gain4 = 3.0f;            // and 4-character ones
  bool shapes = true;                // use the pairs by shape
  bool shapes2 = false;              // in 2-character windows too (they alarm on new terms there)
  bool sounds4 = true;               // and by sound, in 4-character windows
};

struct TypoHit {
  std::uint32_t begin = 0, end = 0;                  // the window, bytes of the scanned text
  std::uint32_t changed_begin = 0, changed_end = 0;  // the character to change
  char32_t written = 0, meant = 0;
  float gain = 0;
};

// Which pairs a scan may use: (written, meant, PairSource bits, same reading, window length).
// Lets a measurement leave a pack entry out without rebuilding the tables.
using PairFilter = std::function<bool(char32_t written, char32_t meant, std::uint32_t sources, bool same_reading, int window)>;

class TypoDetector {
 public:
  // `model` is asked for the language model only when a candidate needs confirming, so a
  // document with none never loads it.
  using ModelSource = std::function<const SentenceModel&()>;
  TypoDetector(const Lexicon& lexicon, ModelSource model, TypoSettings settings = {})
      : lexicon_(lexicon), segmenter_(lexicon), model_(std::move(model)), settings_(settings) {}

  // Appends the hits in `clause` (text without line breaks), in order, one per character.
  void scan(std::string_view clause, std::vector<TypoHit>& hits, const PairFilter* filter = nullptr) const;

 private:
  struct Candidate;
  void scan_run(std::string_view clause, std::size_t first, std::size_t last, std::vector<TypoHit>& hits,
                const PairFilter* filter) const;
  float sentence_score(std::string_view text, const std::vector<Token>& tokens) const;

  const Lexicon& lexicon_;
  Segmenter segmenter_;
  ModelSource model_;
  TypoSettings settings_;
};

// Drops the hits whose window the text (the whole document, which the hits' offsets are in)
// holds more than once: a form used again is the writer's term (防控, 林权), not a slip.
// One pass over the text, whatever the number of hits.
void drop_repeated(std::string_view text, std::vector<TypoHit>& hits);

// Drops the 2-character hits that stand in a parallel series (排比): the written character
// is used the same way elsewhere in the line, beside the same neighbour (大事共议、实事共办、
// 要事共决: 事共 thrice), which a slip would not be.
void drop_parallel(std::string_view text, std::vector<TypoHit>& hits);

// Whether `cp` is a Chinese character of the unified ideograph blocks.
constexpr bool is_han(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

}  // namespace reportlint::phrasing
