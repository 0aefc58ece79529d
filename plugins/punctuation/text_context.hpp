// What the punctuation rules look at around a mark: its neighbours on the line.
#pragma once

#include <cstdint>
#include <string_view>

#include "reportlint/document.hpp"
#include "reportlint/text.hpp"

namespace reportlint::punctuation {

// The character before text[i] on the line starting at `begin`, or 0.
inline char32_t before(std::string_view text, std::size_t i, std::size_t begin) {
  return i > begin ? utf8::before(text, i) : 0;
}

// The character at text[i] on the line ending at `end`, or 0.
inline char32_t at(std::string_view text, std::size_t i, std::size_t end) {
  return i < end ? utf8::at(text, i) : 0;
}

inline TextRange range_of(std::size_t begin, std::size_t end) {
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace reportlint::punctuation
