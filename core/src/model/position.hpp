// Positions: byte offset ↔ (line, column) in the unit an output wants.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "reportlint/document.hpp"

namespace reportlint {

// How columns are counted (contract: --column-unit). Lines and columns are 1-based.
enum class ColumnUnit : std::uint8_t {
  codepoint,  // Unicode code points (the contract's default, JSON, SARIF)
  display,    // terminal columns: East Asian Wide/Fullwidth count 2 (GCC's default)
  byte,       // UTF-8 bytes (Vim's %c, GCC -fdiagnostics-column-unit=byte)
  utf16,      // UTF-16 code units (LSP's default encoding)
};

std::string_view to_string(ColumnUnit unit) noexcept;

struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(Position, Position) = default;
};

// Width of a code point in the given unit.
std::uint32_t column_width(char32_t cp, ColumnUnit unit) noexcept;

// Converts byte offsets of one document. Ascending queries on the same line continue
// counting from the previous one, so mapping sorted diagnostics is linear in the text; a
// query behind the last one restarts from a checkpoint kept every kStride bytes of the
// line, not from the line's start, so a 2 MB line with thousands of findings (notes and
// fixes pointing back) costs no more than a few kilobytes per query.
class PositionMapper {
 public:
  PositionMapper(const Document& document, ColumnUnit unit) noexcept : doc_(document), unit_(unit) {}

  // An offset at or past the end of the last line's terminator maps to the line after it.
  Position at(std::uint32_t offset);

  // The byte offset of a position (clamped to its line), for callers that speak in
  // positions, such as the language server.
  std::uint32_t offset_of(Position position) const;

 private:
  static constexpr std::uint32_t kStride = 4096;  // bytes between checkpoints

  struct Checkpoint {
    std::uint32_t offset;
    std::uint32_t column;
  };

  const Document& doc_;
  ColumnUnit unit_;
  std::size_t cached_line_ = static_cast<std::size_t>(-1);
  std::uint32_t cached_offset_ = 0;
  std::uint32_t cached_column_ = 1;
  std::vector<Checkpoint> checkpoints_;  // of the cached line, ascending, the first at its start
};

}  // namespace reportlint
