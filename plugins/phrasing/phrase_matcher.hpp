// Finding every entry of the loaded phrase packs in a document in one pass.
//
// Each entry's first literal (its anchor) goes into one Aho–Corasick automaton, built
// once per configuration; the text is scanned once whatever the number of entries, and
// only anchor hits go on to the slots and literals after them, the exceptions and the
// words that may not precede.
#pragma once

#include <cstdint>
#include <vector>

#include "phrase_pack.hpp"
#include "reportlint/plugin.hpp"
#include "reportlint/document.hpp"
#include "reportlint/keyword_matcher.hpp"

namespace reportlint::phrasing {

struct PhraseMatch {
  std::uint32_t entry = 0;  // into PhraseMatcher::entries()
  TextRange range;          // the reported part
};

class PhraseMatcher {
 public:
  explicit PhraseMatcher(std::vector<Entry> entries);

  // Every match in the document outside verbatim text, by position; where entries of one
  // rule report the same text, the first entry's match only.
  std::vector<PhraseMatch> find(const Document& doc) const;

  const std::vector<Entry>& entries() const noexcept { return entries_; }

 private:
  // Where the exception phrases of an entry sit relative to its anchor text.
  struct Exception {
    std::string phrase;
    std::size_t offset;  // of the reported text within `phrase`
  };

  // The end of the match whose anchor ends at `at`, or npos; `mark` receives the
  // reported part.
  std::size_t match_rest(std::string_view text, std::size_t begin, std::size_t at, const Entry& e, TextRange& mark) const;
  bool excepted(std::string_view text, std::size_t begin, std::size_t end, TextRange mark, std::uint32_t entry) const;
  // Removes the matches of short forms the document has made its own (Entry::defined_by,
  // Entry::unless_author).
  void drop_established(const Document& doc, std::vector<PhraseMatch>& found) const;

  std::vector<Entry> entries_;
  std::vector<std::vector<Exception>> exceptions_;  // per entry
  KeywordMatcher anchors_;                          // keyword i is entry i's anchor
};

// The loaded packs, compiled once per configuration and shared by every rule that reads
// them (OptionReader::shared key "packs").
struct CompiledPacks {
  PhraseMatcher matcher;
};

// The packs' matches in `doc`, found once per document for every rule that asks.
inline const std::vector<PhraseMatch>& pack_matches(const CompiledPacks& packs, const Document& doc,
                                                    DocumentAnalyses& analyses) {
  return analyses.get<std::vector<PhraseMatch>>("phrasing.matches", [&] { return packs.matcher.find(doc); });
}

}  // namespace reportlint::phrasing
