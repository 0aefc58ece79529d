#include "model/position.hpp"

#include <algorithm>
#include <cstring>

#include "reportlint/text.hpp"
#include "unicode/width.hpp"

namespace reportlint {

std::string_view to_string(ColumnUnit unit) noexcept {
  switch (unit) {
    case ColumnUnit::codepoint: return "codepoint";
    case ColumnUnit::display: return "display";
    case ColumnUnit::byte: return "byte";
    case ColumnUnit::utf16: return "utf16";
  }
  return "codepoint";
}

std::uint32_t column_width(char32_t cp, ColumnUnit unit) noexcept {
  switch (unit) {
    case ColumnUnit::codepoint: return 1;
    case ColumnUnit::display: return static_cast<std::uint32_t>(display_width(cp));
    case ColumnUnit::byte: return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    case ColumnUnit::utf16: return cp < 0x10000 ? 1 : 2;
  }
  return 1;
}

Position PositionMapper::at(std::uint32_t offset) {
  const auto& lines = doc_.lines();
  if (lines.empty()) return {1, 1};
  const Line& last = lines.back();
  if (offset >= last.next && last.next > last.end)
    return {static_cast<std::uint32_t>(lines.size() + 1), 1};

  // Queries mostly ascend: stay on the cached line, or step to the next ones, before
  // falling back to a binary search.
  std::size_t li;
  if (cached_line_ < lines.size() && offset >= lines[cached_line_].begin) {
    li = cached_line_;
    for (int step = 0; step < 8 && li + 1 < lines.size() && offset >= lines[li + 1].begin; ++step) ++li;
    if (li + 1 < lines.size() && offset >= lines[li + 1].begin) li = doc_.line_at(offset);
  } else {
    li = doc_.line_at(offset);
  }
  const Line& line = lines[li];
  // Columns count from the typed text: a Word paragraph's automatic number is not in the
  // file, and an offset inside it maps to column 1 (contract, positions in .docx).
  const std::uint32_t base = doc_.typed_begin(li);
  const std::uint32_t target = std::max(base, offset < line.end ? offset : line.end);
  if (li != cached_line_) {
    cached_line_ = li;
    cached_offset_ = base;
    cached_column_ = 1;
    checkpoints_.assign(1, {base, 1});
  }
  if (target < cached_offset_) {
    // Behind the last query: resume from the nearest checkpoint at or before it.
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), target,
                               [](std::uint32_t o, const Checkpoint& c) { return o < c.offset; });
    --it;
    cached_offset_ = it->offset;
    cached_column_ = it->column;
  }
  const std::string_view text = doc_.text();
  std::size_t i = cached_offset_;
  std::uint32_t column = cached_column_;
  while (i < target) {
    // A checkpoint every kStride bytes scanned for the first time.
    if (i >= checkpoints_.back().offset + kStride) checkpoints_.push_back({static_cast<std::uint32_t>(i), column});
    const std::size_t stop = std::min<std::size_t>(target, checkpoints_.back().offset + kStride);
    if (unit_ == ColumnUnit::byte) {
      column += static_cast<std::uint32_t>(stop - i);
      i = stop;
    } else if (unit_ == ColumnUnit::codepoint) {
      // Code points are the bytes that are not continuation bytes (10xxxxxx): a byte starts
      // one when its top bit is clear or its second bit is set. Eight bytes at a time.
      for (; i + 8 <= stop; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        // One bit per byte; the multiplication sums the eight bytes into the top one (no
        // popcount: without -mpopcnt it is a library call).
        column += static_cast<std::uint32_t>(((((~w >> 7) | (w >> 6)) & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
      }
      for (; i < stop; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    } else {
      // Whole characters: the last one may end a little past `stop`, never past `target`.
      while (i < stop) column += column_width(utf8::next(text, i), unit_);
    }
  }
  cached_offset_ = static_cast<std::uint32_t>(i);
  cached_column_ = column;
  return {static_cast<std::uint32_t>(li + 1), column};
}

std::uint32_t PositionMapper::offset_of(Position position) const {
  const auto& lines = doc_.lines();
  if (lines.empty() || position.line == 0) return 0;
  if (position.line > lines.size()) return static_cast<std::uint32_t>(doc_.text().size());
  const Line& line = lines[position.line - 1];
  const std::string_view text = doc_.text();
  std::size_t i = doc_.typed_begin(position.line - 1);
  std::uint32_t column = 1;
  while (i < line.end && column < position.column) {
    std::size_t j = i;
    column += column_width(utf8::next(text, j), unit_);
    if (column > position.column) break;  // inside a wide character: stay before it
    i = j;
  }
  return static_cast<std::uint32_t>(i);
}

}  // namespace reportlint
