// reportlint plugin API: the numbering tokens GB/T 9704-2012 7.3.3 and GB/T 15834 B.3
// define — 一、 （一） 1. （1） ① 第一， — as the outline reads them at the start of a line.
//
// The core parses every line's token once (LineInfo::number); a checker calls this
// parser itself only for a token it finds elsewhere, such as one glued to the middle of
// a line after a full stop. Header-only, like the rest of the plugin API, so a plugin
// links nothing of the core.
#pragma once

#include <cstdint>
#include <string_view>

#include "reportlint/char_set.hpp"
#include "reportlint/outline.hpp"
#include "reportlint/text.hpp"

namespace reportlint {

// A Chinese numeral from 一 to 九十九 starting at text[i]: its value and end offset.
// value == 0 when there is none or it is not a well-formed number (十十, 二二).
struct HanNumber {
  std::uint16_t value = 0;
  std::size_t end = 0;
};
inline HanNumber parse_han_number(std::string_view text, std::size_t i, std::size_t end);

// The numbering token starting at text[begin] (indentation already skipped), if any;
// style none otherwise. `end` is the end of the line's content.
inline NumberToken parse_number_token(std::string_view text, std::uint32_t begin, std::uint32_t end);

namespace number_token_detail {

using chars::han_digit;
using chars::is_space;

inline char32_t at(std::string_view text, std::size_t i, std::size_t end) {
  return i < end ? utf8::at(text, i) : 0;
}

inline std::size_t skip(std::string_view text, std::size_t i) {
  return i + utf8::sequence_length(static_cast<unsigned char>(text[i]));
}

inline int ascii_or_fullwidth_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

// One or two Arabic digits (ASCII or full-width), value 1–99.
inline HanNumber parse_arabic_number(std::string_view text, std::size_t i, std::size_t end) {
  HanNumber n;
  int value = 0, digits = 0;
  while (i < end) {
    const int d = ascii_or_fullwidth_digit(at(text, i, end));
    if (d < 0) break;
    if (++digits <= 2) value = value * 10 + d;  // a longer number is no list number: only count it
    i = skip(text, i);
  }
  if (digits == 0 || digits > 2 || value == 0) return n;
  n.value = static_cast<std::uint16_t>(value);
  n.end = i;
  return n;
}

inline bool is_numbering_separator(char32_t c) {
  switch (c) {
    case U'、': case U'．': case '.': case U'，': case ',': case U'：': case ':':
      return true;
    default:
      return false;
  }
}

// Circled and parenthesised digits: ① ❶ ㉑ ㊱ (circled), ⑴ (bracketed), ⒈ (with full stop).
struct Enclosed {
  NumberStyle style = NumberStyle::none;
  std::uint16_t value = 0;
};
inline Enclosed enclosed_number(char32_t c) {
  auto v = [](char32_t x, char32_t base, int first) { return static_cast<std::uint16_t>(x - base + first); };
  if (c >= 0x2460 && c <= 0x2473) return {NumberStyle::circled, v(c, 0x2460, 1)};
  if (c >= 0x2776 && c <= 0x277F) return {NumberStyle::circled, v(c, 0x2776, 1)};
  if (c >= 0x3251 && c <= 0x325F) return {NumberStyle::circled, v(c, 0x3251, 21)};
  if (c >= 0x32B1 && c <= 0x32BF) return {NumberStyle::circled, v(c, 0x32B1, 36)};
  if (c >= 0x2474 && c <= 0x2487) return {NumberStyle::arabic_paren, v(c, 0x2474, 1)};
  if (c >= 0x2488 && c <= 0x249B) return {NumberStyle::arabic, v(c, 0x2488, 1)};
  return {};
}

// Fills separator, spaces, range end and body of a token whose numbering ends at `i`.
inline NumberToken finish(NumberToken token, std::string_view text, std::size_t i, std::size_t end) {
  const char32_t c = at(text, i, end);
  if (is_numbering_separator(c)) {
    token.separator = c;
    i = skip(text, i);
  }
  while (i < end && is_space(at(text, i, end))) {
    token.space_after = true;
    i = skip(text, i);
  }
  token.range.end = static_cast<std::uint32_t>(i);
  token.body = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)};
  return token;
}

// 一、二、三等奖 and 1、2、3 at the start of a line are inline lists, not headings.
inline bool continues_as_list(std::string_view text, std::size_t i, std::size_t end, bool han) {
  if (han) {
    const HanNumber next = parse_han_number(text, i, end);
    if (next.value == 0) return false;
    const char32_t after = at(text, next.end, end);
    return after == U'、' || after == U'等';
  }
  const HanNumber next = parse_arabic_number(text, i, end);
  return next.value != 0 && at(text, next.end, end) == U'、';
}

inline NumberToken bracketed(std::string_view text, std::size_t begin, std::size_t end) {
  const char32_t open = at(text, begin, end);
  std::size_t i = skip(text, begin);
  NumberToken token;
  HanNumber number = parse_han_number(text, i, end);
  token.style = NumberStyle::han_paren;
  if (number.value == 0) {
    number = parse_arabic_number(text, i, end);
    token.style = NumberStyle::arabic_paren;
  }
  const char32_t close = at(text, number.end, end);
  if (number.value == 0 || (close != U'）' && close != ')')) return {};
  token.value = number.value;
  token.numeral = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(number.end)};
  const bool full_open = open == U'（', full_close = close == U'）';
  token.brackets = full_open && full_close     ? BracketWidth::full
                   : !full_open && !full_close ? BracketWidth::half
                                               : BracketWidth::mixed;
  token.range.begin = static_cast<std::uint32_t>(begin);
  return finish(token, text, skip(text, number.end), end);
}

}  // namespace number_token_detail

inline HanNumber parse_han_number(std::string_view text, std::size_t i, std::size_t end) {
  using namespace number_token_detail;
  // Forms: d, 十, 十d, d十, d十d with d in 一…九.
  int tens = -1, units = -1;
  std::size_t j = i;
  int d = han_digit(at(text, j, end));
  const char32_t first = at(text, j, end);
  if (first == U'十') {
    tens = 1;
    j = skip(text, j);
  } else if (d >= 1 && first != U'两') {
    units = d;
    j = skip(text, j);
    if (at(text, j, end) == U'十') {
      tens = units;
      units = -1;
      j = skip(text, j);
    }
  } else {
    return {};
  }
  if (tens >= 0) {
    const char32_t c = at(text, j, end);
    d = han_digit(c);
    if (d >= 1 && c != U'两') {
      units = d;
      j = skip(text, j);
    }
  }
  // A further numeral character means something else: 二二, 十十, 一百.
  const char32_t next = at(text, j, end);
  if (chars::is_han_numeral(next) && next != U'万') return {};
  const int value = (tens > 0 ? tens * 10 : 0) + (units > 0 ? units : 0);
  if (value == 0) return {};
  return {static_cast<std::uint16_t>(value), j};
}

inline NumberToken parse_number_token(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  using namespace number_token_detail;
  if (begin >= end) return {};
  const char32_t c = at(text, begin, end);

  if (c == U'（' || c == '(') return bracketed(text, begin, end);

  if (const Enclosed e = enclosed_number(c); e.value) {
    NumberToken token;
    token.style = e.style;
    token.value = e.value;
    token.brackets = BracketWidth::enclosed;
    token.range.begin = begin;
    const std::size_t after = skip(text, begin);
    token.numeral = {begin, static_cast<std::uint32_t>(after)};
    return finish(token, text, after, end);
  }

  if (c == U'第') {
    const std::size_t i = skip(text, begin);
    const HanNumber number = parse_han_number(text, i, end);
    const char32_t sep = at(text, number.end, end);
    if (number.value == 0 || !(sep == U'，' || sep == ',' || sep == U'、' || sep == U'：' || sep == ':'))
      return {};
    NumberToken token;
    token.style = NumberStyle::ordinal;
    token.value = number.value;
    token.range.begin = begin;
    token.numeral = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(number.end)};
    return finish(token, text, number.end, end);
  }

  const bool han = han_digit(c) >= 1 || c == U'十';
  const HanNumber number = han ? parse_han_number(text, begin, end) : parse_arabic_number(text, begin, end);
  if (number.value == 0) return {};
  const char32_t sep = at(text, number.end, end);
  if (!is_numbering_separator(sep)) return {};
  const std::size_t after_sep = skip(text, number.end);
  if (!han) {
    // 1.5万元, 3.2%: a digit after the point makes a decimal. 1，2 and 8:30 are not
    // numbering either; Arabic ordinals take 、 (wrongly) or a point.
    if (sep != U'、' && sep != '.' && sep != U'．') return {};
    if (ascii_or_fullwidth_digit(at(text, after_sep, end)) >= 0) return {};
  }
  if (sep == U'、' && continues_as_list(text, after_sep, end, han)) return {};

  NumberToken token;
  token.style = han ? NumberStyle::han : NumberStyle::arabic;
  token.value = number.value;
  token.range.begin = begin;
  token.numeral = {begin, static_cast<std::uint32_t>(number.end)};
  return finish(token, text, number.end, end);
}

}  // namespace reportlint
