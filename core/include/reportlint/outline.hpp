// reportlint plugin API: the outline, the one shared parse of a document's structure.
//
// The core builds it once per document; checkers read it and never re-parse headings or
// split lines into clauses themselves. What one plugin alone works out from it (the
// numbering plugin's enumeration words, say) is that plugin's own analysis.
#pragma once

#include <cstdint>
#include <vector>

#include "reportlint/text.hpp"

namespace reportlint {

// Numbering styles at the start of a line. GB/T 9704-2012 7.3.3 orders the first four:
// 一、 → （一） → 1. → （1）; GB/T 15834 B.3.8 puts ① below them.
enum class NumberStyle : std::uint8_t {
  none,
  han,           // 一、
  han_paren,     // （一）
  arabic,        // 1.
  arabic_paren,  // （1）, also ⑴
  circled,       // ①
  ordinal,       // 第一，  — an enumeration word, not a heading level
};

// The GB/T 9704 level of a style: 1 for 一、 … 5 for ①; 0 for none and ordinal.
constexpr int level_of(NumberStyle s) noexcept {
  switch (s) {
    case NumberStyle::han: return 1;
    case NumberStyle::han_paren: return 2;
    case NumberStyle::arabic: return 3;
    case NumberStyle::arabic_paren: return 4;
    case NumberStyle::circled: return 5;
    default: return 0;
  }
}

enum class BracketWidth : std::uint8_t {
  none,      // 一、 1.
  full,      // （一）
  half,      // (一)
  mixed,     // （一) or (一）
  enclosed,  // ① ⑴: the brackets are part of the character
};

struct NumberToken {
  NumberStyle style = NumberStyle::none;
  std::uint16_t value = 0;
  BracketWidth brackets = BracketWidth::none;
  char32_t separator = 0;  // mark after the numeral or bracket (、 ． . ， ：), 0 if none
  bool space_after = false;  // spaces between the token and the text
  TextRange range;    // brackets, numeral, separator and spaces
  TextRange numeral;  // the number alone: 一, 12, ①
  TextRange body;     // the rest of the line
};

enum class LineKind : std::uint8_t {
  blank,
  text,     // body text; may still start with an ordinal token (第一，…)
  heading,  // starts with a numbering token of a GB/T 9704 level, or is a Word heading
            // (标题 1, Heading 2, an outline level) without one: `level` says which
  title,    // a stand-alone document title (see SubDocument)
  code,     // verbatim (a fenced block in Markdown): no checker reads it as prose
};

struct LineInfo {
  LineKind kind = LineKind::blank;
  std::uint32_t content_begin = 0;  // after indentation and Markdown heading marks
  NumberToken number;               // style none unless the line starts with a token
  std::uint8_t level = 0;           // a heading's level: level_of(number.style), or for a
                                    // Word heading without a number its style's level
  std::int32_t section = -1;        // innermost section holding the line, -1 if none
  std::uint32_t document = 0;       // index into Outline::documents
};

// Lines that belong together: in plain text each non-blank line is a paragraph (drafts
// put one paragraph per line); in Markdown consecutive text lines are joined.
struct Paragraph {
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;  // inclusive
};

struct Section {
  std::uint32_t line = 0;      // the heading line
  std::int32_t parent = -1;    // enclosing section, -1 at the top of its document
  std::uint8_t level = 0;      // level_of(style) of its heading
  std::uint32_t end_line = 0;  // one past its last line
  std::uint32_t document = 0;
  std::vector<std::uint32_t> children;
};

// One report inside a file. A compilation (汇编) holds several, each starting at a
// stand-alone title line; a file without such titles is one document.
struct SubDocument {
  std::int32_t title_line = -1;  // -1 when the document has no recognised title
  std::uint32_t begin_line = 0;
  std::uint32_t end_line = 0;    // exclusive
  std::vector<std::uint32_t> sections;  // top-level sections
};

// A clause of running text: the text of one line between clause breaks (。；：！？，
// and spaces). Checkers that compare or measure text clause by clause, or look for a
// word that opens one (一是, 首先), read these instead of splitting lines again. Titles, blank and code
// lines have none; a heading's first clause starts with its numbering token.
struct Clause {
  TextRange range;  // never empty
  std::uint32_t line = 0;
};

struct Outline {
  std::vector<LineInfo> lines;  // one per Document::lines()
  std::vector<Paragraph> paragraphs;
  std::vector<Section> sections;
  std::vector<SubDocument> documents;  // never empty
  std::vector<Clause> clauses;  // in text order
};

}  // namespace reportlint
