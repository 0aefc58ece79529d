// What the numbering rules read beside the outline: enumeration words inside paragraphs
// (GB/T 15834 B.3.1, B.3.7) and numbering tokens glued to the text after a sentence end.
// Worked out once per document from the outline's clauses, shared by the rules through
// DocumentAnalyses; no other plugin needs them, so the core does not compute them.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "reportlint/document.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {

enum class EnumFamily : std::uint8_t {
  shi,    // 一是 二是 三是
  di,     // 第一， 第二，
  order,  // 首先 其次 再次 最后
};

inline constexpr std::uint16_t kOrderLast = std::numeric_limits<std::uint16_t>::max();  // 最后

struct EnumMarker {
  EnumFamily family = EnumFamily::shi;
  std::uint16_t value = 0;  // 1 for 一是/第一/首先, 2 for 二是/其次…, kOrderLast for 最后
  TextRange range;          // 一是, 第一, 首先
  char32_t after = 0;       // the character after the marker: ， 、 ： or text
  std::uint32_t line = 0;
};

// Markers of one family in one section body (between two headings), in order.
struct Enumeration {
  EnumFamily family = EnumFamily::shi;
  std::vector<std::uint32_t> markers;  // indices into InlineMarks::markers
};

// A numbering token in the middle of a line, right after a sentence end (。！？；):
// "…取得成效。二、存在问题" — a heading glued to the text before it, or an inline list.
struct GluedToken {
  std::uint32_t line = 0;
  NumberToken token;  // style han, han_paren, arabic, arabic_paren or circled
};

struct InlineMarks {
  std::vector<EnumMarker> markers;  // in text order
  std::vector<Enumeration> enumerations;
  std::vector<GluedToken> glued;    // in text order
};

// Scans the clauses of `doc`: a marker counts only where a clause starts, so 统一是,
// 排名第六，, 第一次, 最后一公里 and 存在再次停工 are not markers; a glued token only right
// after 。！？； within a line.
InlineMarks find_inline_marks(const Document& doc);

// The document's marks, found by the first numbering rule that asks.
inline const InlineMarks& inline_marks(const Document& doc, DocumentAnalyses& analyses) {
  return analyses.get<InlineMarks>("numbering.inline-marks", [&] { return find_inline_marks(doc); });
}

}  // namespace reportlint::numbering
