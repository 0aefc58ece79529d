// The numbers Word draws for a list level: w:numFmt values (ECMA-376 17.18.59) for a
// counter value, as the reader sees them.
#pragma once

#include <string>
#include <string_view>

namespace reportlint::docx {

// `value` written in the number format `format` (decimal, chineseCounting,
// ideographTraditional, decimalEnclosedCircle, upperRoman…). Formats not known here are
// written in decimal, as Word falls back to; "none" and "bullet" give "".
std::string format_number(int value, std::string_view format);

}  // namespace reportlint::docx
