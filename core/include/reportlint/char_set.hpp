// reportlint plugin API: a set of characters with a constant-time membership test.
//
// Checkers scan every character of a document but act on few: `CharSet` lets a scan
// skip the rest with one bit test instead of a chain of comparisons. Build one as a
// constant: `constexpr CharSet kStarts(U"xX×某【");`
#pragma once

#include <array>
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

 private:
  std::array<std::uint64_t, 1024> bits_{};
};

}  // namespace reportlint
