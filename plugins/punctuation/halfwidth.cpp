// punctuation.halfwidth — a half-width mark , . ; : ? ! ( ) " ' in a Chinese sentence,
// where GB/T 15834-2011 (5.1.3: each mark takes the space of one character) wants the
// full-width one.
//
// A mark is in a Chinese sentence when a neighbour is a Chinese character or mark. Left
// alone: numbers (1,000 1.5 3:2 8:30), English phrases and lines of English that quote
// Chinese words, URLs, e-mail addresses and code
// (verbatim text), numbering tokens (the numbering checker's), decimals and placeholders
// (xx.x). The fix is certain when both neighbours are Chinese (or the line ends there);
// a quotation mark's direction comes from its order on the line, certain only when the
// line's quotes pair up. A pair — 县(处)级, "三河三湖" — is one finding with one fix for
// both halves: one mistake, one report.
#include <string>

#include "marks.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

struct Mark {
  char ascii;
  std::string_view name;
  std::string_view full;  // for quotes: the opening form
  std::string_view closing = {};
};

constexpr Mark kMarks[] = {
    {',', "逗号", "，"}, {'.', "句号", "。"}, {';', "分号", "；"}, {':', "冒号", "："},
    {'?', "问号", "？"}, {'!', "叹号", "！"}, {'(', "左括号", "（"}, {')', "右括号", "）"},
    {'"', "引号", "“", "”"}, {'\'', "引号", "‘", "’"},
};

const Mark& mark_of(char c) {
  for (const Mark& m : kMarks)
    if (m.ascii == c) return m;
  return kMarks[0];
}

bool chinese(char32_t c) { return chars::is_cjk(c); }

bool neutral(char32_t c) { return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || c == '%'; }

// The nearest character before text[i] (after it) that is not a half-width mark or %.
char32_t past_marks_before(std::string_view text, std::size_t i, std::size_t begin) {
  char32_t c = before(text, i, begin);
  while (c != 0 && neutral(c)) c = before(text, --i, begin);
  return c;
}
char32_t past_marks_after(std::string_view text, std::size_t i, std::size_t end) {
  char32_t c = at(text, i, end);
  while (c != 0 && neutral(c)) c = at(text, ++i, end);
  return c;
}

// One half-width mark found in a Chinese sentence.
struct Found {
  std::size_t offset;
  char ascii;
  bool certain;
  std::string_view full;  // what replaces it
  bool paired = false;    // its other half is reported with it
};

class HalfWidth final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    const Outline& o = doc.outline();
    std::vector<Found> found;  // of one line, reused
    for (std::size_t first = 0; first < marks.size();) {
      // The marks of one line.
      const std::uint32_t li = marks[first].line;
      std::size_t last = first;
      std::size_t quotes_total[2] = {0, 0}, quotes_seen[2] = {0, 0};
      for (; last < marks.size() && marks[last].line == li; ++last) {
        if (marks[last].mark == '"') ++quotes_total[0];
        if (marks[last].mark == '\'') ++quotes_total[1];
      }
      const std::size_t begin = o.lines[li].content_begin, end = doc.lines()[li].end;
      const NumberToken& token = o.lines[li].number;
      const bool has_token = token.style != NumberStyle::none;
      found.clear();
      if (english_prose(text.substr(begin, end - begin))) {
        first = last;
        continue;
      }
      for (std::size_t k = first; k < last; ++k) {
        const char32_t mark = marks[k].mark;
        if (mark >= 0x80) continue;
        const std::size_t i = marks[k].offset;
        const char c = static_cast<char>(mark);
        if (c == '-' || c == '~') continue;
        const int quote = c == '"' ? 0 : c == '\'' ? 1 : -1;
        const std::size_t nth = quote >= 0 ? quotes_seen[quote]++ : 0;
        if (has_token && token.range.contains(static_cast<std::uint32_t>(i))) continue;
        const char32_t prev = before(text, i, begin), next = at(text, i + 1, end);
        if (!in_chinese_sentence(c, prev, next)) continue;
        if (doc.is_verbatim(range_of(i, i + 1))) continue;
        const Mark& m = mark_of(c);
        const bool opening = quote < 0 || nth % 2 == 0;
        // For the fix, look past other half-width marks and %: 担任),明确 and 增长5%) are
        // Chinese on both sides.
        const char32_t prev_word = past_marks_before(text, i, begin), next_word = past_marks_after(text, i + 1, end);
        bool certain = (chinese(prev_word) || (c == '(' && prev_word == 0)) &&
                       (chinese(next_word) || (next_word == 0 && c != '('));
        if (quote >= 0) certain = certain && quotes_total[quote] % 2 == 0;
        found.push_back({i, c, certain, opening ? m.full : m.closing});
      }
      report_line(found, sink);
      first = last;
    }
  }

 private:
  // Reports the marks of one line, each pair of brackets or quotes as one finding.
  void report_line(std::vector<Found>& found, DiagnosticSink& sink) const {
    for (std::size_t k = 0; k < found.size(); ++k) {
      Found& f = found[k];
      if (f.paired) continue;
      const bool quote = f.ascii == '"' || f.ascii == '\'';
      const char closing = f.ascii == '(' ? ')' : quote ? f.ascii : 0;
      std::size_t other = found.size();
      if (closing && (f.ascii == '(' || f.full == mark_of(f.ascii).full)) {
        // The next mark of the line closes it, if nothing but text lies between.
        if (k + 1 < found.size() && found[k + 1].ascii == closing) other = k + 1;
      }
      const Mark& m = mark_of(f.ascii);
      std::string message;
      message.reserve(64);  // one allocation for the whole message
      message.append("中文里用了");
      if (other < found.size()) {
        Found& g = found[other];
        g.paired = true;
        // Quotation marks inside “” are hard to read: a quote pair is named, not shown.
        std::string fix_message;
        if (quote) {
          const std::string_view kind = f.ascii == '"' ? "双引号" : "单引号";
          message.append("一对半角").append(kind).append("，应为全角").append(kind);
          fix_message.append("改为全角").append(kind);
        } else {
          message.append("一对半角括号“()”，应为全角“（）”");
          fix_message = "改为“（”和“）”";
        }
        Diagnostic d = diagnostic(range_of(f.offset, g.offset + 1), std::move(message));
        d.fix = Fix{{Edit{range_of(f.offset, f.offset + 1), std::string(f.full)},
                     Edit{range_of(g.offset, g.offset + 1), std::string(g.full)}},
                    // One half between Chinese words settles the pair: 增长5%) closes what 万元( opened.
                    f.certain || g.certain ? Applicability::safe : Applicability::unsafe, std::move(fix_message)};
        sink.report(std::move(d));
        continue;
      }
      message.append("半角").append(m.name).append("“").append(1, f.ascii).append("”，应为全角“").append(f.full).append("”");
      const TextRange r = range_of(f.offset, f.offset + 1);
      Diagnostic d = diagnostic(r, std::move(message));
      d.fix = Fix{{Edit{r, std::string(f.full)}}, f.certain ? Applicability::safe : Applicability::unsafe, {}};
      sink.report(std::move(d));
    }
  }

  // A line of English that quotes Chinese words — the reports (政府工作报告) of 2000 — keeps
  // English punctuation: more Latin letters than Chinese characters.
  static bool english_prose(std::string_view line) {
    std::size_t latin = 0, han = 0;
    for (std::size_t i = 0; i < line.size();) {
      const char32_t c = utf8::next(line, i);
      latin += chars::is_ascii_letter(c);
      han += chars::is_han(c);
    }
    return latin > han;
  }

  static bool in_chinese_sentence(char c, char32_t prev, char32_t next) {
    const bool digits = chars::is_ascii_digit(prev) && chars::is_ascii_digit(next);
    switch (c) {
      case ',': case ':': case ';':
        return !digits && (chinese(prev) || chinese(next));
      case '.':
        // A sentence end after a Chinese character; not 1.5, xx.x, "...", or 等.com.
        return chars::is_han(prev) && next != '.' && (chinese(next) || next == 0);
      case '?': case '!':
        return chinese(prev) && next != static_cast<char32_t>(c);
      default:  // brackets and quotation marks
        return chinese(prev) || chinese(next);
    }
  }
};

REPORTLINT_RULE(HalfWidth, "punctuation.halfwidth", warning, sometimes, "中文里的半角标点（, ; : ( ) 等）");

}  // namespace
}  // namespace reportlint::punctuation
