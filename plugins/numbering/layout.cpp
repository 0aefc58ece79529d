// numbering.glued-heading, numbering.split-heading — a heading that is not on a line of
// its own: glued to the sentence before it (…取得成效。二、存在问题), or cut from its text
// (二、 alone on a line, the heading text on the next).
//
// A numbering token after a sentence end is reported only when it is certainly a
// heading: it continues the numbers of the headings around it, or is the first child of
// the section it appears in. Inline lists such as “（1）…。（2）…” in a paragraph with no
// such headings stay clean.
#include <algorithm>
#include <string>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {
namespace {

// The line terminator to insert: the one the line already has, else "\n".
std::string line_break(const Document& doc, std::uint32_t line) {
  const Line& l = doc.lines()[line];
  return l.next > l.end ? std::string(doc.text().substr(l.end, l.next - l.end)) : "\n";
}

class GluedHeading final : public SharingRule {
 public:
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const Outline& o = doc.outline();
    for (const GluedToken& g : inline_marks(doc, analyses).glued) {
      if (!certain(o, g)) continue;
      const NumberToken& t = g.token;
      Diagnostic d = diagnostic({t.range.begin, t.range.begin + static_cast<std::uint32_t>(written(doc, t).size())},
                                "序号" + quoted(written(doc, t)) + "接在上一句后面，应另起一行");
      d.fix = Fix{{{{t.range.begin, t.range.begin}, line_break(doc, g.line)}}, Applicability::unsafe, "在序号前换行"};
      sink.report(std::move(d));
    }
  }

 private:
  static bool certain(const Outline& o, const GluedToken& g) {
    const int level = level_of(g.token.style);
    const std::uint32_t document = o.lines[g.line].document;
    // The headings of the same style just before and after, in the same report, with no
    // heading of a higher level between (which would start a new list). Sections are in
    // line order: start at the first one after the glued token and walk outwards.
    const auto first_after = static_cast<std::size_t>(
        std::upper_bound(o.sections.begin(), o.sections.end(), g.line,
                         [](std::uint32_t line, const Section& s) { return line < s.line; }) -
        o.sections.begin());
    std::int32_t before = -1, after = -1;
    for (std::size_t s = first_after; s-- > 0;) {
      const Section& sec = o.sections[s];
      if (sec.document != document || sec.level < level) break;
      if (sec.level == level && token_of(o, static_cast<std::uint32_t>(s)).style == g.token.style) {
        before = static_cast<std::int32_t>(s);
        break;
      }
    }
    for (std::size_t s = first_after; s < o.sections.size(); ++s) {
      const Section& sec = o.sections[s];
      if (sec.document != document || sec.level < level) break;
      if (sec.level == level && token_of(o, static_cast<std::uint32_t>(s)).style == g.token.style) {
        after = static_cast<std::int32_t>(s);
        break;
      }
    }
    const int v = g.token.value;
    if (after >= 0 && token_of(o, static_cast<std::uint32_t>(after)).value != v + 1) return false;
    if (before >= 0) return token_of(o, static_cast<std::uint32_t>(before)).value == v - 1;
    // No earlier sibling: the first child of the section the text belongs to.
    const std::int32_t section = o.lines[g.line].section;
    return v == 1 && section >= 0 && o.sections[section].level == level - 1 && after >= 0;
  }
};

class SplitHeading final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    for (std::uint32_t li = 0; li + 1 < o.lines.size(); ++li) {
      const LineInfo& l = o.lines[li];
      if (l.kind != LineKind::heading || !l.number.body.empty()) continue;
      if (o.lines[li + 1].kind != LineKind::text) continue;
      const NumberToken& t = l.number;
      Diagnostic d = diagnostic({t.range.begin, t.range.begin + static_cast<std::uint32_t>(written(doc, t).size())},
                                "序号" + quoted(written(doc, t)) + "单独占了一行，与标题文字断开了");
      const Line& line = doc.lines()[li];
      d.fix = Fix{{{{line.end, line.next}, ""}}, Applicability::unsafe, "与下一行合并"};
      sink.report(std::move(d));
    }
  }
};

REPORTLINT_RULE(GluedHeading, "numbering.glued-heading", warning, sometimes, "序号标题接在上一句后面，没有另起一行");
REPORTLINT_RULE(SplitHeading, "numbering.split-heading", warning, sometimes, "序号与标题文字断在两行");

}  // namespace
}  // namespace reportlint::numbering
