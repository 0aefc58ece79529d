#include "output/snippet.hpp"

#include <algorithm>
#include <cstring>

#include "reportlint/text.hpp"
#include "unicode/width.hpp"

namespace reportlint {
namespace {
constexpr std::uint32_t kTabWidth = 4;
constexpr std::string_view kEllipsis = "...";
// Narrow (East Asian Width Na/N) in every terminal: one column each.
constexpr std::string_view kGeneratedOpen = "\u27E6";   // ⟦
constexpr std::string_view kGeneratedClose = "\u27E7";  // ⟧
constexpr std::string_view kLineBreak = "\u21B5";       // ↵
}

LineLayout::LineLayout(std::string_view line, std::size_t generated) {
  cells_.reserve(line.size() + 2);
  std::uint32_t column = 0;
  auto marker = [&](std::size_t byte, std::string_view symbol) {
    Cell cell{static_cast<std::uint32_t>(byte), column, {}, static_cast<std::uint8_t>(symbol.size()), 1, true};
    std::memcpy(cell.shown, symbol.data(), symbol.size());
    cells_.push_back(cell);
    column += 1;
  };
  generated = std::min(generated, line.size());
  if (generated > 0) marker(0, kGeneratedOpen);
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    if (generated > 0 && at == generated) marker(at, kGeneratedClose);
    const char32_t cp = utf8::next(line, i);
    Cell cell{static_cast<std::uint32_t>(at), column, {}, 0, 0, false};
    if (cp == 0x2028) {
      std::memcpy(cell.shown, kLineBreak.data(), kLineBreak.size());
      cell.shown_size = static_cast<std::uint8_t>(kLineBreak.size());
      cell.width = 1;
    } else if (cp == '\t') {
      cell.width = static_cast<std::uint8_t>(kTabWidth - column % kTabWidth);
      std::memset(cell.shown, ' ', cell.width);
      cell.shown_size = cell.width;
    } else if (cp < 0x20 || cp == 0x7F) {
      std::string symbol;
      utf8::append(symbol, cp == 0x7F ? char32_t{0x2421} : char32_t{0x2400} + cp);
      std::memcpy(cell.shown, symbol.data(), symbol.size());
      cell.shown_size = static_cast<std::uint8_t>(symbol.size());
      cell.width = 1;
    } else {
      std::memcpy(cell.shown, line.data() + at, i - at);
      cell.shown_size = static_cast<std::uint8_t>(i - at);
      cell.width = static_cast<std::uint8_t>(display_width(cp));
    }
    column += cell.width;
    cells_.push_back(cell);
  }
  if (generated > 0 && generated == line.size()) marker(generated, kGeneratedClose);
  width_ = column;
}

std::size_t LineLayout::column_at(std::size_t byte) const {
  auto it = std::lower_bound(cells_.begin(), cells_.end(), byte,
                             [](const Cell& c, std::size_t b) { return c.byte < b; });
  while (it != cells_.end() && it->marker) ++it;  // carets go under characters, not ⟦ ⟧
  return it == cells_.end() ? width_ : it->column;
}

Snippet LineLayout::snippet(std::size_t begin, std::size_t end, std::size_t max_width) const {
  const std::size_t start = column_at(begin);
  const std::size_t stop = std::max(column_at(end), start);
  Snippet s;
  s.caret_width = std::max<std::size_t>(1, stop - start);

  if (width_ <= max_width || max_width < 10) {
    for (const Cell& c : cells_) append(s.text, c);
    s.caret_column = start;
    return s;
  }
  // Put the range's start a third of the way in and fill the rest with context.
  // "..." rather than "…": U+2026 is ambiguous-width and takes two columns in CJK locales.
  const std::size_t room = max_width - 2 * kEllipsis.size();
  std::size_t first = start > room / 3 ? start - room / 3 : 0;
  if (first + room > width_) first = width_ > room ? width_ - room : 0;
  const std::size_t last = first + room;
  // Only the window's cells are visited: a 2 MB line with thousands of findings costs a
  // window per finding, not the whole line.
  const bool cut_left = first > 0;
  bool cut_right = false;
  std::size_t shown_from = first;
  bool any = false;
  auto c = std::lower_bound(cells_.begin(), cells_.end(), first,
                            [](const Cell& cell, std::size_t column) { return cell.column < column; });
  for (; c != cells_.end(); ++c) {
    if (c->column + c->width > last) {
      cut_right = true;
      break;
    }
    if (!any) shown_from = c->column;
    any = true;
    append(s.text, *c);
  }
  const std::size_t prefix = cut_left ? kEllipsis.size() : 0;
  if (cut_left) s.text.insert(0, kEllipsis);
  if (cut_right) s.text += kEllipsis;
  s.caret_column = (start >= shown_from ? start - shown_from : 0) + prefix;
  const std::size_t visible_end = last - shown_from + prefix;
  if (s.caret_column + s.caret_width > visible_end)
    s.caret_width = visible_end > s.caret_column ? visible_end - s.caret_column : 1;
  return s;
}

}  // namespace reportlint
