// The generated tables (tables/table_format.hpp), memory-mapped: nothing is parsed at
// startup, and pages are read as lookups touch them.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>
#include <string>
#include <string_view>

#include "tables/table_format.hpp"

namespace reportlint::phrasing {

// One mapped table file, its header and section directory checked.
class TableFile {
 public:
  // Null, with `error` saying why, when the file is missing or not a table of this version.
  static std::unique_ptr<TableFile> open(const std::string& path, std::string& error);
  ~TableFile();
  TableFile(const TableFile&) = delete;
  TableFile& operator=(const TableFile&) = delete;

  // The elements of a section (empty when the file has none).
  template <class T>
  std::span<const T> section(tables::SectionKind kind) const {
    const auto [data, count] = find(kind, sizeof(T));
    return {static_cast<const T*>(data), count};
  }
  std::string_view strings() const;

 private:
  TableFile(const void* data, std::size_t size) : data_(data), size_(size) {}
  std::pair<const void*, std::size_t> find(tables::SectionKind kind, std::size_t element_size) const;

  const void* data_;
  std::size_t size_;
};

// jieba's words with the typo indexes built from them, and optionally the shape pairs.
class Lexicon {
 public:
  Lexicon(std::unique_ptr<TableFile> words, std::unique_ptr<TableFile> shapes);

  // The word or word prefix `text`, or null.
  const tables::WordSlot* find(std::string_view text) const;
  std::uint32_t freq(std::string_view word) const {
    const auto* slot = find(word);
    return slot ? slot->freq : 0;
  }
  double log_total() const noexcept { return log_total_; }

  // Every 4-character word with three characters given (tables::pack_mask).
  template <class F>
  void for_each_masked(std::uint64_t key, F&& f) const {
    if (mask4_.empty()) return;
    if (!filter_.empty()) {
      const std::uint64_t h = tables::mix64(key ^ 0x9E3779B97F4A7C15ull);
      const std::uint64_t bits = tables::MaskFilter::bits(h);
      if ((filter_[tables::MaskFilter::word(h, filter_.size())] & bits) != bits) return;
    }
    const std::size_t mask = mask4_.size() - 1;
    for (std::size_t i = tables::mix64(key) & mask; mask4_[i].key; i = (i + 1) & mask)
      if (mask4_[i].key == key) f(mask4_[i]);
  }

  // Whether `a b c d` may be a word (a Bloom filter: false means surely not).
  bool may_be_word4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) const {
    return tables::filter_may_hold(words4_.data(), words4_.size(), tables::word4_hash(a, b, c, d));
  }

  // Whether some 4-character word starts (`first`) or ends with these two characters.
  bool half_of_idiom(std::uint32_t a, std::uint32_t b, bool first) const {
    if (halves_.empty()) return true;
    const std::uint64_t h = tables::mix64(tables::half_key(a, b, first));
    const std::uint64_t bits = tables::MaskFilter::bits(h);
    return (halves_[tables::MaskFilter::word(h, halves_.size())] & bits) == bits;
  }

  // The 2-character word a typo misspells, through the packs' pairs or the shape pairs.
  const tables::TypoSlot* typo2(std::uint64_t key, bool shapes) const;

  // The sources (tables::PairSource bits) that make `written` a slip for `meant`.
  std::uint32_t pair_sources(std::uint32_t written, std::uint32_t meant) const;
  // The pack entries that give the pair, all and 2-character ones (for leave-one-out
  // measurements).
  std::uint32_t pair_entries(std::uint32_t written, std::uint32_t meant) const;
  std::uint32_t pair_entries2(std::uint32_t written, std::uint32_t meant) const;
  // Whether the two characters read the same, syllable and tone.
  bool same_reading(std::uint32_t a, std::uint32_t b) const;

 private:
  const tables::PairEntry* pair(std::span<const tables::PairEntry> pairs, std::uint32_t written, std::uint32_t meant) const;

  std::unique_ptr<TableFile> words_file_, shapes_file_;
  std::string_view strings_;
  std::span<const tables::WordSlot> words_;
  std::span<const tables::MaskSlot> mask4_;
  std::span<const std::uint64_t> filter_, halves_, words4_, typo_filter_;
  std::span<const tables::TypoSlot> typo2_, shape_typo2_;
  std::span<const tables::PairEntry> pairs_, shape_pairs_;
  std::span<const tables::ReadingEntry> readings_;
  static constexpr std::uint32_t kCjkBegin = 0x3400, kCjkEnd = 0xA000;  // Extension A and the basic block
  std::vector<std::uint32_t> reading_of_cjk_;
  double log_total_ = 0;
};

}  // namespace reportlint::phrasing
