#include "model/number_token.hpp"

#include "reportlint/char_set.hpp"
#include "reportlint/text.hpp"

namespace reportlint {
namespace {

using chars::han_digit;
using chars::is_space;

char32_t at(std::string_view text, std::size_t i, std::size_t end) {
  return i < end ? utf8::at(text, i) : 0;
}

std::size_t skip(std::string_view text, std::size_t i) {
  return i + utf8::sequence_length(static_cast<unsigned char>(text[i]));
}

int ascii_or_fullwidth_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

// One or two Arabic digits (ASCII or full-width), value 1–99.
HanNumber parse_arabic_number(std::string_view text, std::size_t i, std::size_t end) {
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

bool is_numbering_separator(char32_t c) {
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
Enclosed enclosed_number(char32_t c) {
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
NumberToken finish(NumberToken token, std::string_view text, std::size_t i, std::size_t end) {
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
bool continues_as_list(std::string_view text, std::size_t i, std::size_t end, bool han) {
  if (han) {
    const HanNumber next = parse_han_number(text, i, end);
    if (next.value == 0) return false;
    const char32_t after = at(text, next.end, end);
    return after == U'、' || after == U'等';
  }
  const HanNumber next = parse_arabic_number(text, i, end);
  return next.value != 0 && at(text, next.end, end) == U'、';
}

NumberToken bracketed(std::string_view text, std::size_t begin, std::size_t end) {
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

}  // namespace

HanNumber parse_han_number(std::string_view text, std::size_t i, std::size_t end) {
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

NumberToken parse_number_token(std::string_view text, std::uint32_t begin, std::uint32_t end) {
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

namespace {

// 首先 其次 再次 最后, the order words of GB/T 15834 B.3.1.
std::uint16_t order_word(std::string_view text, std::size_t i, std::size_t end, std::size_t& word_end) {
  static constexpr struct {
    std::string_view word;
    std::uint16_t value;
  } kWords[] = {{"首先", 1}, {"其次", 2}, {"再次", 3}, {"最后", kOrderLast}};
  for (const auto& w : kWords) {
    if (i + w.word.size() <= end && text.substr(i, w.word.size()) == w.word) {
      word_end = i + w.word.size();
      return w.value;
    }
  }
  return 0;
}

// Characters that may open a marker (一是, 第一, 首先…).
constexpr CharSet kMarkerStarts(U"一二三四五六七八九十第首其再最");

// Characters that end a clause: a marker may follow them.
constexpr CharSet kClauseBreaks(U"。；：！？，;:!?, \t\u3000\u00A0");

// Sentence ends, after which a numbering token means a heading glued to the text.
constexpr CharSet kSentenceEnds(U"。！？；");

// Both kinds: the scan stops only at these.
constexpr CharSet kEnumerationStops(U"一二三四五六七八九十第首其再最。；：！？，;:!?, \t\u3000\u00A0");

}  // namespace

void scan_clauses(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                  std::vector<Clause>& clauses, std::vector<EnumMarker>& out, std::vector<GluedToken>& glued) {
  auto close_clause = [&](std::size_t start, std::size_t stop) {
    if (stop > start) clauses.push_back({{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(stop)}, line});
  };
  // A marker counts only where a clause starts: at `begin` or right after a clause break.
  // CharSet::find jumps between breaks and possible marker starts; any character skipped
  // in between means the clause has begun with something else.
  std::size_t clause_start = begin;
  for (std::size_t i = begin; (i = kEnumerationStops.find(text, i, end)) < end;) {
    const char32_t c = at(text, i, end);
    if (i == clause_start && kMarkerStarts.contains(c)) {
      EnumMarker m;
      m.line = line;
      std::size_t marker_end = 0;
      if (han_digit(c) >= 1 || c == U'十') {
        // 一是 … 十是; not 一是否, and not the idiom 一是一，二是二 (the same numeral again,
        // alone). 三是一批…… and 二是两个…… are items.
        const HanNumber n = parse_han_number(text, i, end);
        if (n.value && at(text, n.end, end) == U'是') {
          const std::size_t after = skip(text, n.end);
          const char32_t next = at(text, after, end);
          const HanNumber again = parse_han_number(text, after, end);
          const bool idiom = again.value == n.value &&
                             (again.end >= end || kClauseBreaks.contains(at(text, again.end, end)) ||
                              at(text, again.end, end) == U'、');
          if (next != U'否' && !idiom) {
            m.family = EnumFamily::shi;
            m.value = n.value;
            marker_end = after;
          }
        }
      } else if (c == U'第') {
        // 第一， 第二、 — a 第 word followed by a mark, so 第一次 and 第一批 are not.
        const HanNumber n = parse_han_number(text, skip(text, i), end);
        const char32_t next = at(text, n.end, end);
        if (n.value && (next == U'，' || next == ',' || next == U'、' || next == U'：' || next == ':')) {
          m.family = EnumFamily::di;
          m.value = n.value;
          marker_end = n.end;
        }
      } else if (std::size_t word_end = 0; std::uint16_t v = order_word(text, i, end, word_end)) {
        const char32_t next = at(text, word_end, end);
        if (next == U'，' || next == ',') {
          m.family = EnumFamily::order;
          m.value = v;
          marker_end = word_end;
        }
      }
      if (marker_end) {
        m.range = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(marker_end)};
        m.after = at(text, marker_end, end);
        out.push_back(m);
        i = marker_end;
        continue;
      }
    }
    const std::size_t break_at = i;
    i = skip(text, i);
    if (!kClauseBreaks.contains(c)) continue;
    close_clause(clause_start, break_at);
    clause_start = i;
    if (kSentenceEnds.contains(c) && i < end) {
      const NumberToken token = parse_number_token(text, static_cast<std::uint32_t>(i), end);
      if (level_of(token.style) > 0) glued.push_back({line, token});
    }
  }
  close_clause(clause_start, end);
}

}  // namespace reportlint
