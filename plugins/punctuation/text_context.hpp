// What the punctuation rules look at around a mark: its neighbours on the line, and
// which lines are prose.
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

// Calls f(line, begin, end) for each line of prose: not blank, not code. `begin` is past
// the indentation.
template <class F>
void for_each_prose_line(const Document& doc, F&& f) {
  const auto& lines = doc.lines();
  const auto& info = doc.outline().lines;
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    if (info[i].kind == LineKind::blank || info[i].kind == LineKind::code) continue;
    f(i, static_cast<std::size_t>(info[i].content_begin), static_cast<std::size_t>(lines[i].end));
  }
}

inline TextRange range_of(std::size_t begin, std::size_t end) {
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace reportlint::punctuation
