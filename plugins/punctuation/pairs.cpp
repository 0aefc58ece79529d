// punctuation.unpaired, punctuation.open-at-line-end — the two halves of “ ” ‘ ’ 《 》
// 〈 〉 （ ） 【 】 〔 〕 (GB/T 15834-2011 4.8, 4.9, 4.15).
//
// The marks are matched within a paragraph, innermost first. A line of plain text is a
// paragraph, so a pair opened at the end of one line and closed on the next is a line
// broken inside the pair (5.1.3: the first half of a pair does not end a line): that is
// reported once, as open-at-line-end, and the halves count as matched. What is left is
// unpaired: a half with no partner, a pair closed by the wrong mark (“纲要》: one finding,
// not one per half), or an opening quote typed where the closing one belongs (“……“ — double quotes do not nest, 4.8.3.2). A
// quotation running over several paragraphs opens each and closes only the last
// (4.8.3.4): an opening quote that starts a line, followed by a line that starts with
// one too, is not unpaired. Half-width brackets close full-width ones (the half-width
// rule reports them); alone they are left to that rule.
#include <string>
#include <vector>

#include "marks.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr CharSet kPairMarks(U"“”‘’《》〈〉（）【】〔〕()");

// The closing half of an opening mark, or 0.
char32_t closing_of(char32_t c) {
  switch (c) {
    case U'“': return U'”';
    case U'‘': return U'’';
    case U'《': return U'》';
    case U'〈': return U'〉';
    case U'（': case '(': return U'）';
    case U'【': return U'】';
    case U'〔': return U'〕';
    default: return 0;
  }
}

// The opening half of a closing mark, or 0.
char32_t opening_of(char32_t c) {
  for (const char32_t open : {U'“', U'‘', U'《', U'〈', U'（', U'【', U'〔'})
    if (closing_of(open) == c) return open;
  return c == ')' ? U'（' : 0;
}

bool closes(char32_t open, char32_t close) {
  return closing_of(open) == close || (closing_of(open) == U'）' && close == ')');
}

struct PairFinding {
  enum class Kind : std::uint8_t { split, unclosed, unopened, mismatched, repeated_quote, wrong_close } kind;
  TextRange mark;
  TextRange partner;  // the other half, where there is one
  std::uint32_t line;
};

std::string utf8_of(char32_t c) {
  std::string s;
  utf8::append(s, c);
  return s;
}

struct Open {
  char32_t mark;
  std::size_t offset;
  std::uint32_t line;
};

class PairScan {
 public:
  PairScan(const Document& doc, const std::vector<MarkAt>& marks)
      : doc_(doc), text_(doc.text()), o_(doc.outline()), marks_(marks) {
    paragraph_.assign(o_.lines.size(), -1);
    for (std::size_t p = 0; p < o_.paragraphs.size(); ++p)
      for (std::uint32_t li = o_.paragraphs[p].first_line; li <= o_.paragraphs[p].last_line; ++li)
        paragraph_[li] = static_cast<std::int32_t>(p);
  }

  std::vector<PairFinding> run() {
    for (std::uint32_t li = 0; li < o_.lines.size(); ++li) {
      const LineKind kind = o_.lines[li].kind;
      if (kind == LineKind::blank || kind == LineKind::code) {
        close_all();
        continue;
      }
      scan_line(li);
      if (stack_.empty()) continue;
      const bool paragraph_goes_on = li + 1 < o_.lines.size() && paragraph_[li + 1] >= 0 && paragraph_[li + 1] == paragraph_[li];
      if (paragraph_goes_on) continue;
      // Halves from an earlier line that this one did not close are unpaired; this line's
      // may be closed by the next (a line broken inside a pair).
      const bool next_is_text = li + 1 < o_.lines.size() && (o_.lines[li + 1].kind == LineKind::text ||
                                                             o_.lines[li + 1].kind == LineKind::heading);
      std::size_t kept = 0;
      for (const Open& open : stack_) {
        if (next_is_text && paragraph_[open.line] == paragraph_[li]) stack_[kept++] = open;
        else unclosed(open);
      }
      stack_.resize(kept);
    }
    close_all();
    return std::move(out_);
  }

 private:
  void scan_line(std::uint32_t li) {
    const std::size_t begin = o_.lines[li].content_begin;
    for (; next_mark_ < marks_.size() && marks_[next_mark_].line <= li; ++next_mark_) {
      const MarkAt& m = marks_[next_mark_];
      if (m.line < li || !kPairMarks.contains(m.mark)) continue;
      const char32_t c = m.mark;
      const TextRange here = range_of(m.offset, m.offset + (c < 0x80 ? 1 : 3));
      if (doc_.is_verbatim(here)) continue;
      if (closing_of(c)) {
        opening(c, here, li, here.begin == begin);
      } else {
        closing(c, here, li);
      }
    }
  }

  void opening(char32_t c, TextRange here, std::uint32_t li, bool at_line_start) {
    const bool quote = c == U'“' || c == U'‘';
    if (quote && !stack_.empty() && stack_.back().mark == c) {
      const Open& top = stack_.back();
      // A quotation over several paragraphs opens each one (4.8.3.4).
      if (at_line_start && top.line + 1 == li && continued_quotation(top)) {
        stack_.back() = {c, here.begin, li};
        return;
      }
      // “……“: the second should close the first.
      out_.push_back({PairFinding::Kind::repeated_quote, here, mark_range(top.offset), li});
      stack_.pop_back();
      return;
    }
    stack_.push_back({c, here.begin, li});
  }

  void closing(char32_t c, TextRange here, std::uint32_t li) {
    std::size_t k = stack_.size();
    while (k > 0 && !closes(stack_[k - 1].mark, c)) --k;
    if (k == 0) {
      if (c == ')') return;  // a lone ')' is the half-width rule's
      // “纲要（草案）》: the innermost open half, on this line, is of another kind and
      // nothing later closes it — one pair typed with two kinds of mark: one finding, and
      // both halves are used up so the marks after them pair as they should.
      if (!stack_.empty() && stack_.back().line == li && stack_.back().mark != '(' && !closed_later(stack_.back(), li)) {
        out_.push_back({PairFinding::Kind::wrong_close, mark_range(stack_.back().offset), here, stack_.back().line});
        stack_.pop_back();
        return;
      }
      out_.push_back({PairFinding::Kind::unopened, here, {}, li});
      return;
    }
    for (std::size_t j = stack_.size(); j-- > k;)
      if (stack_[j].mark != '(') out_.push_back({PairFinding::Kind::mismatched, mark_range(stack_[j].offset), here, stack_[j].line});
    const Open& open = stack_[k - 1];
    if (paragraph_[open.line] != paragraph_[li]) out_.push_back({PairFinding::Kind::split, mark_range(open.offset), here, open.line});
    stack_.resize(k - 1);
  }

  // Whether a mark after the current one, in the rest of the paragraph, closes `open`
  // before another half of its kind opens. Looks at most kLookahead marks ahead.
  bool closed_later(const Open& open, std::uint32_t li) const {
    static constexpr std::size_t kLookahead = 64;
    const char32_t close = closing_of(open.mark);
    for (std::size_t k = next_mark_ + 1, n = 0; k < marks_.size() && n < kLookahead; ++k, ++n) {
      const MarkAt& m = marks_[k];
      if (m.line != li && paragraph_[m.line] != paragraph_[li]) return false;
      if (m.mark == close || (close == U'）' && m.mark == ')')) return true;
      if (m.mark == open.mark) return false;
    }
    return false;
  }

  // An opening quote that starts its line, with the next line starting with one too.
  bool continued_quotation(const Open& open) const {
    if (open.offset != o_.lines[open.line].content_begin || open.line + 1 >= o_.lines.size()) return false;
    const LineInfo& next = o_.lines[open.line + 1];
    return next.kind != LineKind::blank && next.kind != LineKind::code && utf8::at(text_, next.content_begin) == open.mark;
  }

  void unclosed(const Open& open) {
    if (open.mark == '(' || ((open.mark == U'“' || open.mark == U'‘') && continued_quotation(open))) return;
    out_.push_back({PairFinding::Kind::unclosed, mark_range(open.offset), {}, open.line});
  }

  void close_all() {
    for (const Open& open : stack_) unclosed(open);
    stack_.clear();
  }

  TextRange mark_range(std::size_t offset) const {
    return range_of(offset, offset + utf8::sequence_length(static_cast<unsigned char>(text_[offset])));
  }

  const Document& doc_;
  std::string_view text_;
  const Outline& o_;
  const std::vector<MarkAt>& marks_;
  std::size_t next_mark_ = 0;
  std::vector<std::int32_t> paragraph_;  // per line
  std::vector<Open> stack_;
  std::vector<PairFinding> out_;
};

const std::vector<PairFinding>& pair_findings(const Document& doc, DocumentAnalyses& analyses) {
  return analyses.get<std::vector<PairFinding>>("punctuation.pairs",
                                                [&] { return PairScan(doc, marks_of(doc, analyses)).run(); });
}

// What a half of a pair is called: quoting the mark itself (““”) would read badly, and
// the carets already point at it.
std::string_view name_of(char32_t c) {
  switch (c) {
    case U'“': return "前引号";
    case U'”': return "后引号";
    case U'‘': return "前单引号";
    case U'’': return "后单引号";
    case U'《': case U'〈': return "前书名号";
    case U'》': case U'〉': return "后书名号";
    case U'（': case '(': return "左括号";
    case U'）': case ')': return "右括号";
    case U'【': return "左方头括号";
    case U'】': return "右方头括号";
    case U'〔': return "左六角括号";
    case U'〕': return "右六角括号";
    default: return "标点";
  }
}

std::string name_at(const Document& doc, TextRange r) { return std::string(name_of(utf8::at(doc.text(), r.begin))); }

// The name of the other half of an opening mark.
std::string closing_name(const Document& doc, TextRange r) {
  return std::string(name_of(closing_of(utf8::at(doc.text(), r.begin))));
}

// A rule reporting some of the pair findings.
class PairRule : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const final {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const final {
    for (const PairFinding& f : pair_findings(doc, analyses)) report(doc, f, sink);
  }

 protected:
  virtual void report(const Document& doc, const PairFinding& f, DiagnosticSink& sink) const = 0;
};

class Unpaired final : public PairRule {
 protected:
  void report(const Document& doc, const PairFinding& f, DiagnosticSink& sink) const override {
    const std::string mark = name_at(doc, f.mark);
    Diagnostic d;
    switch (f.kind) {
      case PairFinding::Kind::split:
        return;
      case PairFinding::Kind::unclosed:
        d = diagnostic(f.mark, mark + "没有对应的" + closing_name(doc, f.mark));
        break;
      case PairFinding::Kind::unopened:
        d = diagnostic(f.mark, mark + "前面没有对应的" + std::string(name_of(opening_of(utf8::at(doc.text(), f.mark.begin)))));
        break;
      case PairFinding::Kind::mismatched:
        d = diagnostic(f.mark, mark + "在外层的" + name_at(doc, f.partner) + "之前没有闭合");
        d.notes.push_back({"在这里闭合了外层", f.partner});
        break;
      case PairFinding::Kind::wrong_close:
        d = diagnostic(f.mark, mark + "与后面的" + name_at(doc, f.partner) + "不成对：一对标点的两半应是同一种");
        d.notes.push_back({name_at(doc, f.partner) + "在这里", f.partner});
        break;
      case PairFinding::Kind::repeated_quote: {
        const std::string close = utf8_of(closing_of(utf8::at(doc.text(), f.mark.begin)));
        d = diagnostic(f.mark, "引号不配对：这里应为" + closing_name(doc, f.mark) + "，而不是又一个" + mark);
        d.notes.push_back({"前引号在这里", f.partner});
        d.fix = Fix{{Edit{f.mark, close}}, Applicability::unsafe, {}};
        break;
      }
    }
    sink.report(std::move(d));
  }

};

class OpenAtLineEnd final : public PairRule {
 protected:
  void report(const Document& doc, const PairFinding& f, DiagnosticSink& sink) const override {
    if (f.kind != PairFinding::Kind::split) return;
    Diagnostic d = diagnostic(f.mark, name_at(doc, f.mark) + "在行尾打开，到下一行才闭合：句子被断成了两行");
    d.notes.push_back({"在这里闭合", f.partner});
    sink.report(std::move(d));
  }
};

REPORTLINT_RULE(Unpaired, "punctuation.unpaired", error, sometimes, "引号、括号、书名号不配对");
REPORTLINT_RULE(OpenAtLineEnd, "punctuation.open-at-line-end", warning, none, "引号或书名号在行尾打开、下一行才闭合");

}  // namespace
}  // namespace reportlint::punctuation
