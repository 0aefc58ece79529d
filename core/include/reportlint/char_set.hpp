// reportlint plugin API: a set of characters with a constant-time membership test.
//
// Checkers scan every character of a document but act on few: `CharSet` lets a scan
// skip the rest with one bit test instead of a chain of comparisons. Build one as a
// constant: `constexpr CharSet kStarts(U"xX×某【");`
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace reportlint {

class CharSet {
 public:
  constexpr CharSet() = default;
  constexpr explicit CharSet(std::u32string_view chars) {
    for (char32_t c : chars) add(c);
  }

  // Characters outside the Basic Multilingual Plane are not stored; contains() is false
  // for all of them. Chinese text and its punctuation are all in the BMP.
  constexpr void add(char32_t c) {
    if (c < 0x10000) bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  constexpr bool contains(char32_t c) const {
    return c < 0x10000 && ((bits_[c >> 6] >> (c & 63)) & 1) != 0;
  }

  // Offset of the first member in text[from, to), or `to`. A character is decoded only
  // if the 64-character block its first bytes name holds a member; for a small set most
  // Chinese characters are passed over after one table lookup.
  std::size_t find(std::string_view text, std::size_t from, std::size_t to) const {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = from;
    while (i < to) {
      const unsigned char b = data[i];
      if (b >= 0xE0 && b < 0xF0) {  // three bytes: most of Chinese text
        const std::uint32_t block = ((b & 0x0Fu) << 6) | (data[i + 1] & 0x3Fu);
        if (bits_[block] != 0 && ((bits_[block] >> (data[i + 2] & 0x3F)) & 1)) return i;
        i += 3;
      } else if (b < 0x80) {
        if ((bits_[b >> 6] >> (b & 63)) & 1) return i;
        i += 1;
      } else if (b < 0xE0) {
        if (contains(((b & 0x1Fu) << 6) | (data[i + 1] & 0x3Fu))) return i;
        i += 2;
      } else {
        i += 4;  // outside the Basic Multilingual Plane: never a member
      }
    }
    return to;
  }

  // Number of members below `c`: with rank_index() built, members map to 0, 1, 2 … in
  // code point order, which lets a member index a table row.
  void build_rank_index() {
    std::uint32_t count = 0;
    for (std::size_t w = 0; w < bits_.size(); ++w) {
      rank_base_[w] = count;
      count += static_cast<std::uint32_t>(std::popcount(bits_[w]));
    }
    size_ = count;
  }
  std::uint32_t rank(char32_t c) const {
    const std::uint64_t below = bits_[c >> 6] & ((std::uint64_t{1} << (c & 63)) - 1);
    return rank_base_[c >> 6] + static_cast<std::uint32_t>(std::popcount(below));
  }
  std::size_t size() const noexcept { return size_; }

 private:
  std::array<std::uint64_t, 1024> bits_{};
  std::array<std::uint32_t, 1024> rank_base_{};
  std::size_t size_ = 0;
};

}  // namespace reportlint
