// reportlint plugin API: finding many keywords in one pass (Aho–Corasick).
//
// Build once (in Rule::configure), then scan() from any number of threads. The cost per
// character does not grow with the number of keywords: thousands cost about as much as
// ten. Keywords and documents are valid UTF-8, and UTF-8 is self-synchronising, so a
// match never starts or ends inside a character.
//
// build() compiles the automaton into the fastest of three forms that fits the limits:
//   character table — when the keywords use few distinct characters (typical for a
//       rule's own vocabulary): one table step per character of the text, and none for
//       characters outside that alphabet, which reset the automaton;
//   byte table — a step per byte over byte classes, with failure links folded in;
//   sparse walk — the classic automaton following failure links, for very large sets.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/char_set.hpp"
#include "reportlint/text.hpp"

namespace reportlint {

class KeywordMatcher {
 public:
  struct Limits {
    std::size_t max_table_cells = std::size_t{1} << 24;  // cells of a dense table (64 MiB at most)
    std::size_t max_alphabet = 600;  // distinct keyword characters for the character table
  };

  // Adds a keyword and returns its index (0, 1, 2 … in order of addition). An empty
  // keyword gets an index but never matches.
  std::uint32_t add(std::string_view keyword) {
    const auto index = static_cast<std::uint32_t>(keywords_.size());
    keywords_.emplace_back(keyword);
    built_ = false;
    return index;
  }

  std::size_t size() const noexcept { return keywords_.size(); }
  std::size_t keyword_length(std::uint32_t index) const noexcept { return keywords_[index].size(); }

  void build() { build(Limits{}); }
  void build(Limits limits) {
    char_table_.clear();
    byte_table_.clear();
    sparse_ = Automaton{};
    if (!build_char_table(limits)) build_byte_forms(limits);
    built_ = true;
  }

  // Calls on_match(keyword_index, begin, end) for every occurrence in `text`, overlapping
  // ones included, in order of their end offset. Offsets are relative to `text`.
  template <class OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    if (!built_) return;
    if (!char_table_.empty()) return scan_chars(text, on_match);
    if (!byte_table_.empty()) return scan_bytes(text, on_match);
    scan_sparse(text, on_match);
  }

 private:
  static constexpr std::uint32_t kNone = ~0u;

  // An Aho–Corasick automaton over symbols: byte classes, or characters' alphabet ranks.
  struct Automaton {
    std::vector<std::map<std::uint32_t, std::uint32_t>> next;  // trie edges
    std::vector<std::uint32_t> fail;
    std::vector<std::vector<std::uint32_t>> own;  // keywords ending exactly here
    std::vector<std::uint32_t> output_link;       // nearest proper suffix with keywords, 0 if none
    std::vector<std::uint32_t> bfs;               // states in breadth-first order

    std::uint32_t add_state() {
      next.emplace_back();
      own.emplace_back();
      return static_cast<std::uint32_t>(next.size() - 1);
    }
    std::uint32_t child(std::uint32_t s, std::uint32_t symbol) const {
      auto it = next[s].find(symbol);
      return it == next[s].end() ? kNone : it->second;
    }
    void insert(const std::vector<std::uint32_t>& symbols, std::uint32_t keyword) {
      if (next.empty()) add_state();
      std::uint32_t s = 0;
      for (const std::uint32_t symbol : symbols) {
        std::uint32_t t = child(s, symbol);
        if (t == kNone) {
          t = add_state();
          next[s].emplace(symbol, t);
        }
        s = t;
      }
      own[s].push_back(keyword);
    }
    void finish() {
      fail.assign(next.size(), 0);
      output_link.assign(next.size(), 0);
      bfs.assign(1, 0);
      for (std::size_t i = 0; i < bfs.size(); ++i) {
        const std::uint32_t s = bfs[i];
        for (const auto& [symbol, t] : next[s]) {
          if (s != 0) {
            std::uint32_t f = fail[s], target;
            while ((target = child(f, symbol)) == kNone && f != 0) f = fail[f];
            fail[t] = target == kNone ? 0 : target;
          }
          const std::uint32_t f = fail[t];
          output_link[t] = own[f].empty() ? output_link[f] : f;
          bfs.push_back(t);
        }
      }
    }
    // The automaton as a table with failure links folded in: row s, column symbol is the
    // next state. Rows are filled breadth first, so a failure target's row is ready.
    template <class Cell>
    std::vector<Cell> table(std::size_t columns) const {
      std::vector<Cell> cells(next.size() * columns, 0);
      for (const std::uint32_t s : bfs) {
        for (std::uint32_t c = 1; c < columns; ++c) {
          const std::uint32_t t = child(s, c);
          cells[s * columns + c] = static_cast<Cell>(t != kNone ? t : s == 0 ? 0 : cells[fail[s] * columns + c]);
        }
      }
      return cells;
    }
  };

  // Emission data shared by the table forms: keywords ending in each state.
  struct Outputs {
    std::vector<std::uint8_t> emits;
    std::vector<std::uint32_t> begin;  // per state, into ids
    std::vector<std::uint32_t> ids;    // own keywords, then those of the output-link chain
  };

  static Outputs outputs_of(const Automaton& a) {
    Outputs o;
    const std::size_t n = a.next.size();
    o.emits.assign(n, 0);
    o.begin.assign(n + 1, 0);
    for (std::uint32_t s = 0; s < n; ++s) {
      o.begin[s] = static_cast<std::uint32_t>(o.ids.size());
      for (std::uint32_t x = s; x != 0; x = a.output_link[x]) o.ids.insert(o.ids.end(), a.own[x].begin(), a.own[x].end());
      o.emits[s] = o.ids.size() > o.begin[s];
    }
    o.begin[n] = static_cast<std::uint32_t>(o.ids.size());
    return o;
  }

  template <class OnMatch>
  void emit(std::uint32_t s, std::size_t end, OnMatch& on_match) const {
    for (std::uint32_t k = outputs_.begin[s]; k < outputs_.begin[s + 1]; ++k) {
      const std::uint32_t id = outputs_.ids[k];
      on_match(id, end - keywords_[id].size(), end);
    }
  }

  // The character at s[i]; `length` receives its byte length.
  static char32_t decode(std::string_view s, std::size_t i, std::size_t& length) {
    std::size_t j = i;
    const char32_t cp = utf8::next(s, j);
    length = j - i;
    return cp;
  }

  // --- character table ------------------------------------------------------------------
  // Symbols are characters' ranks in the keywords' alphabet, plus one: 0 is any other.
  bool build_char_table(Limits limits) {
    alphabet_ = CharSet();
    for (const std::string& k : keywords_) {
      for (std::size_t i = 0, n; i < k.size(); i += n) {
        const char32_t cp = decode(k, i, n);
        if (cp >= 0x10000) return false;  // CharSet holds the Basic Multilingual Plane only
        alphabet_.add(cp);
      }
    }
    alphabet_.build_rank_index();
    columns_ = alphabet_.size() + 1;
    if (alphabet_.size() > limits.max_alphabet) return false;
    Automaton a;
    std::vector<std::uint32_t> symbols;
    for (std::uint32_t id = 0; id < keywords_.size(); ++id) {
      symbols.clear();
      for (std::size_t i = 0, n; i < keywords_[id].size(); i += n)
        symbols.push_back(alphabet_.rank(decode(keywords_[id], i, n)) + 1);
      if (!symbols.empty()) a.insert(symbols, id);
    }
    if (a.next.empty()) return false;
    a.finish();
    if (a.next.size() * columns_ > limits.max_table_cells || a.next.size() > 0xFFFF) return false;
    char_table_ = a.table<std::uint16_t>(columns_);
    // A character's column straight from its code point: no rank computation per
    // character (64 Ki entries, 128 KiB).
    column_of_.assign(0x10000, 0);
    for (char32_t c = 0; c < 0x10000; ++c)
      if (alphabet_.contains(c)) column_of_[c] = static_cast<std::uint16_t>(alphabet_.rank(c) + 1);
    outputs_ = outputs_of(a);
    return true;
  }

  template <class OnMatch>
  void scan_chars(std::string_view text, OnMatch& on_match) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0, n; i < text.size(); i += n) {
      const std::size_t member = alphabet_.find(text, i, text.size());
      if (member != i) s = 0;  // a character outside the alphabet ends every partial match
      if (member == text.size()) return;
      i = member;
      const char32_t cp = decode(text, i, n);
      s = char_table_[s * columns_ + column_of_[cp]];
      if (outputs_.emits[s]) emit(s, i + n, on_match);
    }
  }

  // --- byte table and sparse walk -------------------------------------------------------
  // Symbols are byte classes: each byte that occurs in a keyword has its own, all others
  // share 0, so a table has as many columns as the keywords have distinct bytes. Too
  // large a table leaves the sparse walk, which uses the same automaton.
  void build_byte_forms(Limits limits) {
    byte_class_.fill(0);
    columns_ = 1;
    for (const std::string& k : keywords_)
      for (const char ch : k)
        if (auto& c = byte_class_[static_cast<unsigned char>(ch)]; c == 0) c = static_cast<std::uint16_t>(columns_++);
    Automaton a;
    std::vector<std::uint32_t> symbols;
    for (std::uint32_t id = 0; id < keywords_.size(); ++id) {
      symbols.clear();
      for (const char ch : keywords_[id]) symbols.push_back(byte_class_[static_cast<unsigned char>(ch)]);
      if (!symbols.empty()) a.insert(symbols, id);
    }
    if (a.next.empty()) return;
    a.finish();
    outputs_ = outputs_of(a);
    // From the root, only a keyword's first character can start a match: the scan skips
    // to the next such character (UTF-8 lets it restart at any character boundary).
    first_chars_ = CharSet();
    skip_to_first_ = true;
    for (const std::string& k : keywords_) {
      if (k.empty()) continue;
      std::size_t n = 0;
      const char32_t first = decode(k, 0, n);
      if (first >= 0x10000) skip_to_first_ = false;  // CharSet holds the BMP only
      first_chars_.add(first);
    }
    if (a.next.size() * columns_ <= limits.max_table_cells && a.next.size() * columns_ < kEmitBit) {
      // Each cell holds the next state's row offset, with the top bit set when that state
      // emits: one load and one test per byte, no multiplication.
      byte_table_ = a.table<std::uint32_t>(columns_);
      for (std::uint32_t& cell : byte_table_)
        cell = static_cast<std::uint32_t>(cell * columns_) | (outputs_.emits[cell] ? kEmitBit : 0u);
    } else {
      sparse_ = std::move(a);
    }
  }

  static constexpr std::uint32_t kEmitBit = 0x80000000u;

  template <class OnMatch>
  void scan_bytes(std::string_view text, OnMatch& on_match) const {
    const std::uint32_t* table = byte_table_.data();
    const std::uint16_t* classes = byte_class_.data();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t columns = columns_, n = text.size();
    std::uint32_t row = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (row == 0 && skip_to_first_) {
        while (i < n && utf8::is_continuation(bytes[i])) ++i;
        i = first_chars_.find(text, i, n);
        if (i >= n) return;
      }
      const std::uint32_t cell = table[row + classes[bytes[i]]];
      row = cell & ~kEmitBit;
      if (cell & kEmitBit) emit(row / static_cast<std::uint32_t>(columns), i + 1, on_match);
    }
  }

  // --- sparse walk ----------------------------------------------------------------------
  template <class OnMatch>
  void scan_sparse(std::string_view text, OnMatch& on_match) const {
    if (sparse_.next.empty()) return;
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::uint32_t symbol = byte_class_[static_cast<unsigned char>(text[i])];
      std::uint32_t t;
      while ((t = sparse_.child(s, symbol)) == kNone && s != 0) s = sparse_.fail[s];
      s = t == kNone ? 0 : t;
      if (outputs_.emits[s]) emit(s, i + 1, on_match);
    }
  }

  std::vector<std::string> keywords_;
  bool built_ = false;
  std::size_t columns_ = 0;
  CharSet alphabet_;                       // character table
  std::vector<std::uint16_t> char_table_;
  std::vector<std::uint16_t> column_of_;  // code point → column of the character table
  std::array<std::uint16_t, 256> byte_class_{};  // byte table
  std::vector<std::uint32_t> byte_table_;
  CharSet first_chars_;                    // first characters of the keywords
  bool skip_to_first_ = false;
  Automaton sparse_;                       // sparse walk
  Outputs outputs_;
};

}  // namespace reportlint
