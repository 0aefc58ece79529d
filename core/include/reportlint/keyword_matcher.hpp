// reportlint plugin API: finding many keywords in one pass (Aho–Corasick).
//
// Matching runs over UTF-8 bytes. Keywords are valid UTF-8 and so is every document, and
// UTF-8 is self-synchronising, so a match can never start or end inside a character.
// Cost per byte is independent of the number of keywords: thousands cost about as much
// as ten. Build once (in Rule::configure), then scan() from any number of threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/char_set.hpp"

namespace reportlint {

class KeywordMatcher {
 public:
  // Adds a keyword and returns its index (0, 1, 2 … in order of addition). Empty
  // keywords are ignored and get the index they would have had.
  std::uint32_t add(std::string_view keyword) {
    const auto index = static_cast<std::uint32_t>(lengths_.size());
    lengths_.push_back(static_cast<std::uint32_t>(keyword.size()));
    if (keyword.empty()) return index;
    if (trie_.empty()) trie_.emplace_back();
    std::uint32_t node = 0;
    for (const char ch : keyword) {
      const auto b = static_cast<unsigned char>(ch);
      auto it = trie_[node].next.find(b);
      if (it == trie_[node].next.end()) {
        trie_.emplace_back();
        it = trie_[node].next.emplace(b, static_cast<std::uint32_t>(trie_.size() - 1)).first;
      }
      node = it->second;
    }
    trie_[node].keywords.push_back(index);
    keywords_.emplace_back(keyword);
    built_ = false;
    return index;
  }

  std::size_t size() const noexcept { return lengths_.size(); }
  std::size_t keyword_length(std::uint32_t index) const noexcept { return lengths_[index]; }

  struct Limits {
    // Cells of the dense table (states × distinct bytes); above it the automaton walks
    // sparse edges instead, slower but small.
    std::size_t max_table_cells = std::size_t{1} << 24;  // 64 MiB of table
    // Distinct characters of the keywords up to which the scan skips other characters.
    std::size_t max_alphabet = 600;
  };

  // Computes failure links and packs the automaton. Call after the last add().
  void build() { build(Limits{}); }
  void build(Limits limits) {
    limits_ = limits;
    states_.assign(trie_.size(), State{});
    edges_.clear();
    outputs_.clear();
    root_.fill(0);
    if (trie_.empty()) {
      built_ = true;
      return;
    }
    // Edges of each state, sorted by byte, in one flat array.
    for (std::uint32_t s = 0; s < trie_.size(); ++s) {
      states_[s].edges_begin = static_cast<std::uint32_t>(edges_.size());
      for (const auto& [b, t] : trie_[s].next) edges_.push_back({b, t});
      states_[s].edges_end = static_cast<std::uint32_t>(edges_.size());
    }
    for (const auto& [b, t] : trie_[0].next) root_[b] = t;
    // Breadth first: a state's failure link is the longest proper suffix in the trie.
    std::queue<std::uint32_t> queue;
    for (const auto& [b, t] : trie_[0].next) {
      states_[t].fail = 0;
      queue.push(t);
    }
    while (!queue.empty()) {
      const std::uint32_t s = queue.front();
      queue.pop();
      for (const auto& [b, t] : trie_[s].next) {
        std::uint32_t f = states_[s].fail;
        std::uint32_t target;
        while ((target = step(f, b)) == kNone && f != 0) f = states_[f].fail;
        if (target == kNone || target == t) target = 0;
        states_[t].fail = target;
        queue.push(t);
      }
    }
    // Outputs: own keywords, then a link to the nearest suffix state that has some.
    for (std::uint32_t s = 0; s < trie_.size(); ++s) {
      states_[s].outputs_begin = static_cast<std::uint32_t>(outputs_.size());
      outputs_.insert(outputs_.end(), trie_[s].keywords.begin(), trie_[s].keywords.end());
      states_[s].outputs_end = static_cast<std::uint32_t>(outputs_.size());
    }
    std::vector<std::uint32_t> order;  // BFS order, so a state's fail target is done first
    order.push_back(0);
    for (std::size_t i = 0; i < order.size(); ++i)
      for (const auto& [b, t] : trie_[order[i]].next) order.push_back(t);
    for (std::uint32_t s : order) {
      if (s == 0) continue;
      const std::uint32_t f = states_[s].fail;
      states_[s].output_link = states_[f].outputs_end > states_[f].outputs_begin ? f : states_[f].output_link;
    }
    build_dfa(order);
    built_ = true;
  }

  // Calls on_match(keyword_index, begin, end) for every occurrence in `text`, overlapping
  // ones included, in order of their end offset. Offsets are relative to `text`.
  template <class OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    if (!built_ || states_.empty()) return;
    if (!dfa16_.empty()) {
      use_alphabet_ ? scan_alphabet(dfa16_, text, on_match) : scan_table(dfa16_, text, on_match);
      return;
    }
    if (!dfa_.empty()) {
      use_alphabet_ ? scan_alphabet(dfa_, text, on_match) : scan_table(dfa_, text, on_match);
      return;
    }
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (s == 0) {
        s = root_[b];
      } else {
        std::uint32_t t;
        while ((t = step(s, b)) == kNone && s != 0) s = states_[s].fail;
        s = t == kNone ? 0 : t;
      }
      if (s != 0) report(s, i, on_match);
    }
  }

 private:
  static constexpr std::uint32_t kNone = ~0u;

  struct TrieNode {
    std::map<unsigned char, std::uint32_t> next;
    std::vector<std::uint32_t> keywords;
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t target;
  };
  struct State {
    std::uint32_t edges_begin = 0, edges_end = 0;
    std::uint32_t fail = 0;
    std::uint32_t outputs_begin = 0, outputs_end = 0;
    std::uint32_t output_link = 0;  // 0: none (the root never has outputs)
  };

  // One table lookup per byte; outputs only where a keyword may end.
  template <class Table, class OnMatch>
  void scan_table(const Table& table, std::string_view text, OnMatch& on_match) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      s = table[s * classes_ + byte_class_[static_cast<unsigned char>(text[i])]];
      if (emits_[s]) report(s, i, on_match);
    }
  }

  // Character by character: one outside the keywords' alphabet can be part of no match,
  // so it resets the automaton without a table walk over its bytes. Chinese text mostly
  // consists of such characters when the keywords are few.
  template <class Table, class OnMatch>
  void scan_alphabet(const Table& table, std::string_view text, OnMatch& on_match) const {
    std::uint32_t s = 0;
    for (std::size_t i = 0; i < text.size();) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
      for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      if (!alphabet_.contains(cp)) {
        s = 0;
        i += n;
        continue;
      }
      for (const std::size_t stop = std::min(i + n, text.size()); i < stop; ++i) {
        s = table[s * classes_ + byte_class_[static_cast<unsigned char>(text[i])]];
        if (emits_[s]) report(s, i, on_match);
      }
    }
  }

  // Reports the keywords ending at text[i] in state s: its own, then its suffixes'.
  template <class OnMatch>
  void report(std::uint32_t s, std::size_t i, OnMatch& on_match) const {
    for (std::uint32_t o = s; o != 0; o = states_[o].output_link) {
      const State& st = states_[o];
      for (std::uint32_t k = st.outputs_begin; k < st.outputs_end; ++k) {
        const std::uint32_t keyword = outputs_[k];
        on_match(keyword, i + 1 - lengths_[keyword], i + 1);
      }
    }
  }

  // The automaton as a table: dfa_[state * classes_ + class] is the next state with the
  // failure links already followed. Bytes that occur in no keyword share class 0, so the
  // table has as many columns as the keywords have distinct bytes. Skipped (the sparse
  // walk is used) when the table would be too large.
  void build_dfa(const std::vector<std::uint32_t>& bfs_order) {
    dfa_.clear();
    dfa16_.clear();
    byte_class_.fill(0);
    classes_ = 1;
    for (const Edge& e : edges_)
      if (byte_class_[e.byte] == 0) byte_class_[e.byte] = static_cast<std::uint16_t>(classes_++);
    if (states_.size() * classes_ > limits_.max_table_cells) return;
    std::array<unsigned char, 256> byte_of{};
    for (unsigned b = 0; b < 256; ++b)
      if (byte_class_[b]) byte_of[byte_class_[b]] = static_cast<unsigned char>(b);
    dfa_.assign(states_.size() * classes_, 0);
    emits_.assign(states_.size(), 0);
    for (std::uint32_t s : bfs_order) {  // a state's failure target comes earlier
      const std::uint32_t f = states_[s].fail;
      for (std::uint32_t c = 1; c < classes_; ++c) {
        const std::uint32_t t = step(s, byte_of[c]);
        dfa_[s * classes_ + c] = t != kNone ? t : (s == 0 ? 0 : dfa_[f * classes_ + c]);
      }
      emits_[s] = s != 0 && (states_[s].outputs_end > states_[s].outputs_begin || states_[s].output_link != 0);
    }
    // The alphabet pays off while it stays a small part of what text is made of.
    alphabet_ = CharSet();
    std::size_t letters = 0;
    use_alphabet_ = true;
    for (const std::string& k : keywords_) {
      for (std::size_t i = 0; i < k.size();) {
        const auto lead = static_cast<unsigned char>(k[i]);
        const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
        for (std::size_t j = 1; j < n && i + j < k.size(); ++j) cp = (cp << 6) | (static_cast<unsigned char>(k[i + j]) & 0x3F);
        if (cp >= 0x10000) use_alphabet_ = false;  // CharSet holds the BMP only
        if (!alphabet_.contains(cp)) ++letters;
        alphabet_.add(cp);
        i += n;
      }
    }
    if (letters > limits_.max_alphabet) use_alphabet_ = false;
    // Half the table, twice the states in cache: most keyword sets have < 65536 states.
    if (states_.size() <= 0x10000) {
      dfa16_.assign(dfa_.begin(), dfa_.end());
      dfa_.clear();
      dfa_.shrink_to_fit();
    }
  }

  std::uint32_t step(std::uint32_t s, unsigned char b) const {
    if (s == 0) return root_[b] ? root_[b] : kNone;
    const Edge* first = edges_.data() + states_[s].edges_begin;
    const Edge* last = edges_.data() + states_[s].edges_end;
    if (last - first <= 8) {
      for (const Edge* e = first; e != last; ++e)
        if (e->byte == b) return e->target;
      return kNone;
    }
    const Edge* e = std::lower_bound(first, last, b, [](const Edge& x, unsigned char y) { return x.byte < y; });
    return e != last && e->byte == b ? e->target : kNone;
  }

  std::vector<TrieNode> trie_;
  std::vector<std::uint32_t> lengths_;
  std::vector<State> states_;
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> outputs_;
  std::array<std::uint32_t, 256> root_{};
  Limits limits_;
  std::vector<std::uint32_t> dfa_;
  std::vector<std::uint16_t> dfa16_;
  std::vector<std::uint8_t> emits_;
  std::vector<std::string> keywords_;
  CharSet alphabet_;
  bool use_alphabet_ = false;
  std::array<std::uint16_t, 256> byte_class_{};
  std::uint32_t classes_ = 1;
  bool built_ = false;
};

}  // namespace reportlint
