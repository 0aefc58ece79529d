// numbering.count-mismatch — a number announced before a colon that the list after it
// does not match: 围绕三个方面：一是…二是…  or  坚持“五个”推进：坚持A，坚持B，…
//
// Only two shapes of list count, because only they are clearly delimited:
//   - enumeration words right after the colon (一是 / 第一， / 首先，): the list is the run
//     of those words, across the paragraphs of the section;
//   - clauses that start with the same word (坚持A，坚持B，坚持C…): the list is the run of
//     clauses sharing the first clause's first two characters, up to the sentence end.
// Anything else is not counted: a linter that guesses is switched off. A count with no
// colon after it (“甲、乙、丙”等三项制度) announces nothing and is not checked.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {
namespace {

// Words that count things after a numeral: 三个, 五项, 两条, 四方面, 三大, 六种…
constexpr std::string_view kMeasures[] = {"个", "项", "条", "方面", "点", "大", "种", "类", "件", "步", "批", "招"};

// 二/两 … 十, or 0: one thing is no list, and larger numbers are not written this way.
int small_numeral(char32_t c) {
  if (c == U'十') return 10;
  const int d = chars::han_digit(c);
  return d >= 2 ? d : 0;
}

struct Announcement {
  int count = 0;
  TextRange range;  // the numeral and its measure word
};

bool starts_with(std::string_view text, std::size_t at, std::size_t end, std::string_view word) {
  return at + word.size() <= end && text.substr(at, word.size()) == word;
}

// The last "<numeral><measure>" in the clause that ends at the colon at `colon`.
Announcement announced(std::string_view text, std::size_t line_begin, std::size_t colon) {
  // The clause: back to the previous clause break.
  std::size_t start = colon;
  while (start > line_begin) {
    std::size_t j = start;
    const char32_t c = utf8::prev(text, j);
    if (chars::is_clause_end(c) || c == U'。') break;
    start = j;
  }
  Announcement found;
  for (std::size_t i = start; i < colon;) {
    std::size_t j = i;
    const char32_t c = utf8::next(text, j);
    const int n = small_numeral(c);
    if (n && !(i > start && chars::is_han_numeral(utf8::before(text, i)))) {
      std::size_t k = j;
      if (starts_with(text, k, colon, "“")) k += 3;
      for (std::string_view m : kMeasures) {
        if (starts_with(text, k, colon, m)) {
          found = {n, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k + m.size())}};
          break;
        }
      }
    }
    i = j;
  }
  return found;
}

class CountMismatch final : public SharingRule {
 public:
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const Outline& o = doc.outline();
    const InlineMarks& marks = inline_marks(doc, analyses);
    const std::string_view text = doc.text();
    // Which enumeration each marker belongs to, and where in it.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> place(marks.markers.size());
    for (std::uint32_t e = 0; e < marks.enumerations.size(); ++e)
      for (std::uint32_t k = 0; k < marks.enumerations[e].markers.size(); ++k)
        place[marks.enumerations[e].markers[k]] = {e, k};
    for (std::uint32_t li = 0; li < o.lines.size(); ++li) {
      const LineKind kind = o.lines[li].kind;
      if (kind != LineKind::text && kind != LineKind::heading) continue;
      const Line& line = doc.lines()[li];
      for (std::size_t colon = text.substr(0, line.end).find("：", line.begin); colon != std::string_view::npos;
           colon = text.substr(0, line.end).find("：", colon + 3)) {
        const Announcement a = announced(text, line.begin, colon);
        if (!a.count) continue;
        const std::size_t after = colon + 3;
        const int items = count_items(doc, marks, place, li, after, line.end);
        if (items < 2 || items == a.count) continue;
        Diagnostic d = diagnostic(a.range, "前面说" + quoted(doc.slice(a.range)) + "，后面列出了" +
                                               std::to_string(items) + "项");
        sink.report(std::move(d));
      }
    }
  }

 private:
  // Items of the list right after the colon, or 0 when it is not clearly delimited.
  static int count_items(const Document& doc, const InlineMarks& marks,
                         const std::vector<std::pair<std::uint32_t, std::uint32_t>>& place, std::uint32_t line,
                         std::size_t after, std::size_t end) {
    const Outline& o = doc.outline();
    const std::string_view text = doc.text();
    // Enumeration words right after the colon — or opening the next line when the colon
    // ends this one: count that list. Markers are in text order, so a binary search
    // finds the one starting there.
    std::size_t list_at = after;
    if (after == end && line + 1 < o.lines.size()) list_at = o.lines[line + 1].content_begin;
    auto m = std::lower_bound(marks.markers.begin(), marks.markers.end(), list_at,
                              [](const EnumMarker& x, std::size_t at) { return x.range.begin < at; });
    if (m != marks.markers.end() && m->range.begin == list_at && m->value == 1) {
      const auto [e, k] = place[static_cast<std::size_t>(m - marks.markers.begin())];
      const std::vector<std::uint32_t>& list = marks.enumerations[e].markers;
      int n = 1;
      for (std::size_t j = k + 1; j < list.size() && marks.markers[list[j]].value != 1; ++j) ++n;  // to the next list
      return n;
    }
    // Clauses sharing a first word, up to the end of the sentence.
    const std::size_t stop = std::min(end, text.substr(0, end).find("。", after));
    std::vector<std::string_view> clauses;
    for (std::size_t i = after; i < stop;) {
      std::size_t j = text.substr(0, stop).find_first_of(",;", i);
      const std::size_t comma = text.substr(0, stop).find("，", i), semicolon = text.substr(0, stop).find("；", i);
      std::size_t next = std::min({j, comma, semicolon, stop});
      clauses.push_back(text.substr(i, next - i));
      i = next == stop ? stop : next + (next == j ? 1 : 3);
    }
    if (clauses.size() < 2) return 0;
    const std::string_view lead = clauses.front().substr(0, std::min<std::size_t>(6, clauses.front().size()));
    if (lead.size() < 6) return 0;  // two Chinese characters at least
    int n = 0;
    for (std::string_view c : clauses) {
      if (!c.starts_with(lead)) break;
      ++n;
    }
    return n >= 2 ? n : 0;
  }
};

REPORTLINT_RULE(CountMismatch, "numbering.count-mismatch", warning, none, "前文宣布的项数与后面列出的项数不符");

}  // namespace
}  // namespace reportlint::numbering
