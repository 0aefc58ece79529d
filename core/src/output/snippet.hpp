// A source line as a terminal shows it, with the columns of a range under it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportlint {

struct Snippet {
  std::string text;           // what to print after the gutter
  std::size_t caret_column;   // display columns before the first caret
  std::size_t caret_width;    // number of carets, at least 1
};

// The display layout of one line: tabs go to the next multiple of 4, control characters
// become visible symbols (U+2400…), a break inside a Word paragraph (U+2028) shows as ↵,
// wide characters take two columns. The first `generated` bytes — a Word paragraph's
// automatic number, which is not typed text — are shown between ⟦ and ⟧. Built once per
// line and reused for every diagnostic on it.
class LineLayout {
 public:
  explicit LineLayout(std::string_view line, std::size_t generated = 0);

  // The line with carets under the byte range [begin, end) (offsets within the line).
  // A line wider than `max_width` is cut to a window around the range, "..." marking cuts.
  Snippet snippet(std::size_t begin, std::size_t end, std::size_t max_width) const;

 private:
  struct Cell {
    std::uint32_t byte;    // offset of the character in the line
    std::uint32_t column;  // display column where it starts
    char shown[4];         // bytes printed for it (a tab is up to 4 spaces)
    std::uint8_t shown_size;
    std::uint8_t width;
    bool marker;  // ⟦ or ⟧: no character of the line
  };
  std::size_t column_at(std::size_t byte) const;
  void append(std::string& out, const Cell& cell) const { out.append(cell.shown, cell.shown_size); }

  std::vector<Cell> cells_;
  std::size_t width_ = 0;
};

}  // namespace reportlint
