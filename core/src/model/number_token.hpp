// Numbering tokens at the start of a line and enumeration words inside paragraphs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "reportlint/outline.hpp"

namespace reportlint {

// A Chinese numeral from 一 to 九十九 starting at text[i]: its value and end offset.
// value == 0 when there is none or it is not a well-formed number (十十, 二二).
struct HanNumber {
  std::uint16_t value = 0;
  std::size_t end = 0;
};
HanNumber parse_han_number(std::string_view text, std::size_t i, std::size_t end);

// The numbering token starting at text[begin] (indentation already skipped), if any;
// style none otherwise. `end` is the end of the line's content.
NumberToken parse_number_token(std::string_view text, std::uint32_t begin, std::uint32_t end);

// Scans the clauses of text[begin, end) of line `line`. Appends the clauses, the
// enumeration words (一是, 第一，, 首先，…) found at the start of a clause — so 统一是,
// 排名第六，, 第一次, 最后一公里 and 存在再次停工 are not markers — and the numbering tokens
// that follow a sentence end within the line (…成效。二、存在问题).
void scan_clauses(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                  std::vector<Clause>& clauses, std::vector<EnumMarker>& markers, std::vector<GluedToken>& glued);

}  // namespace reportlint
