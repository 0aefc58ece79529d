#include "inline_marks.hpp"

#include <map>
#include <string_view>
#include <utility>

#include "reportlint/char_set.hpp"
#include "reportlint/number_token.hpp"

namespace reportlint::numbering {
namespace {

using chars::han_digit;

char32_t at(std::string_view text, std::size_t i, std::size_t end) { return i < end ? utf8::at(text, i) : 0; }

std::size_t skip(std::string_view text, std::size_t i) {
  return i + utf8::sequence_length(static_cast<unsigned char>(text[i]));
}

// Characters that end a clause, and sentence ends, after which a numbering token means
// a heading glued to the text.
constexpr CharSet kClauseBreaks(U"。；：！？，;:!?, \t\u3000\u00A0");
constexpr CharSet kSentenceEnds(U"。！？；");

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

bool is_enumeration_mark(char32_t c) { return c == U'，' || c == ',' || c == U'、' || c == U'：' || c == ':'; }

// The enumeration word opening the clause at text[i] (line content ends at `end`), if any.
bool marker_at(std::string_view text, std::size_t i, std::size_t end, EnumMarker& m) {
  const char32_t c = at(text, i, end);
  std::size_t marker_end = 0;
  if (han_digit(c) >= 1 || c == U'十') {
    // 一是 … 十是; not 一是否, and not the idiom 一是一，二是二 (the same numeral again,
    // alone). 三是一批…… and 二是两个…… are items.
    const HanNumber n = parse_han_number(text, i, end);
    if (n.value && at(text, n.end, end) == U'是') {
      const std::size_t after = skip(text, n.end);
      const HanNumber again = parse_han_number(text, after, end);
      const bool idiom = again.value == n.value && (again.end >= end || kClauseBreaks.contains(at(text, again.end, end)) ||
                                                    at(text, again.end, end) == U'、');
      if (at(text, after, end) != U'否' && !idiom) {
        m.family = EnumFamily::shi;
        m.value = n.value;
        marker_end = after;
      }
    }
  } else if (c == U'第') {
    // 第一， 第二、 — a 第 word followed by a mark, so 第一次 and 第一批 are not.
    const HanNumber n = parse_han_number(text, skip(text, i), end);
    if (n.value && is_enumeration_mark(at(text, n.end, end))) {
      m.family = EnumFamily::di;
      m.value = n.value;
      marker_end = n.end;
    }
  } else if (std::size_t word_end = 0; const std::uint16_t v = order_word(text, i, end, word_end)) {
    const char32_t next = at(text, word_end, end);
    if (next == U'，' || next == ',') {
      m.family = EnumFamily::order;
      m.value = v;
      marker_end = word_end;
    }
  }
  if (!marker_end) return false;
  m.range = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(marker_end)};
  m.after = at(text, marker_end, end);
  return true;
}

// Groups markers per family within one section body: (document, section) identifies it.
void group(const Outline& o, InlineMarks& marks) {
  std::pair<std::uint32_t, std::int32_t> block{~0u, -2};
  std::map<EnumFamily, std::size_t> open;
  for (std::uint32_t mi = 0; mi < marks.markers.size(); ++mi) {
    const LineInfo& info = o.lines[marks.markers[mi].line];
    const std::pair<std::uint32_t, std::int32_t> here{info.document, info.section};
    if (here != block) {
      block = here;
      open.clear();
    }
    const EnumFamily family = marks.markers[mi].family;
    auto it = open.find(family);
    if (it == open.end()) {
      it = open.emplace(family, marks.enumerations.size()).first;
      marks.enumerations.push_back({family, {}});
    }
    marks.enumerations[it->second].markers.push_back(mi);
  }
}

}  // namespace

InlineMarks find_inline_marks(const Document& doc) {
  const Outline& o = doc.outline();
  const std::string_view text = doc.text();
  InlineMarks marks;
  for (const Clause& clause : o.clauses) {
    const std::uint32_t begin = clause.range.begin, end = doc.lines()[clause.line].end;
    if (EnumMarker m; marker_at(text, begin, end, m)) {
      m.line = clause.line;
      marks.markers.push_back(m);
    }
    if (begin > o.lines[clause.line].content_begin && kSentenceEnds.contains(utf8::before(text, begin))) {
      const NumberToken token = parse_number_token(text, begin, end);
      if (level_of(token.style) > 0) marks.glued.push_back({clause.line, token});
    }
  }
  group(o, marks);
  return marks;
}

}  // namespace reportlint::numbering
