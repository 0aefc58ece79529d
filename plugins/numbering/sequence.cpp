// numbering.gap, numbering.duplicate, numbering.out-of-order, numbering.start — the
// numbers of sibling headings must run 1, 2, 3 … under each parent.
//
// Siblings are the headings of one level under one parent, as the outline's section tree
// has them; each report of a compilation (汇编) starts its own tree, so numbering
// restarting at 一、 in the next report is correct.
//
// Fix: one fix for the whole group, renumbering every sibling 1, 2, 3 … in the order they
// stand, so any number of slips is put right in one pass (150 copies of 一、 do not take
// 150 runs). It goes with the group's first finding; certain when the group's slips are
// only gaps and repeats, a suggestion when it restarts or starts late (a sub-list that
// lost its parent, a deleted first item). No fix when a number would not fit (一百、).
#include <string>
#include <vector>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {
namespace {

enum class Problem { gap, duplicate, out_of_order, start };

struct Finding {
  Problem problem;
  std::uint32_t section;       // the heading at fault
  std::int32_t previous = -1;  // its previous sibling, when there is one
  int expected = 0;            // the value it should have
  std::optional<Fix> fix;
};

int value_of(const Outline& o, std::uint32_t section) { return token_of(o, section).value; }

// Edits renumbering `sections` to 1, 2, 3 …, when every numeral can be written.
std::optional<Fix> renumber_all(const Document& doc, const std::vector<std::uint32_t>& sections) {
  const Outline& o = doc.outline();
  Fix fix;
  std::size_t first = sections.size();
  for (std::size_t j = 0; j < sections.size(); ++j) {
    const NumberToken& t = token_of(o, sections[j]);
    const std::string numeral = numeral_for(doc, t, static_cast<int>(j) + 1);
    if (numeral.empty()) return std::nullopt;
    if (numeral == doc.slice(t.numeral)) continue;
    if (first == sections.size()) first = j;
    fix.edits.push_back({t.numeral, numeral});
  }
  if (fix.edits.empty()) return std::nullopt;
  const NumberToken& t = token_of(o, sections[first]);
  fix.message = "依次重新编号：从" + quoted(written(doc, t)) + "起改为" + quoted(canonical(t.style, static_cast<int>(first) + 1)) +
                (fix.edits.size() > 1 ? "，共改 " + std::to_string(fix.edits.size()) + " 处" : "");
  return fix;
}

// A heading glued into the text between two siblings explains a gap: the glued-heading
// rule reports that, not a missing number.
bool glued_between(const InlineMarks& marks, std::uint32_t first_line, std::uint32_t last_line, NumberStyle style,
                   int from, int to) {
  for (int v = from; v <= to; ++v) {
    const bool found = std::any_of(marks.glued.begin(), marks.glued.end(), [&](const GluedToken& g) {
      return g.line >= first_line && g.line <= last_line && g.token.style == style && g.token.value == v;
    });
    if (!found) return false;
  }
  return true;
}

std::vector<Finding> analyse(const Document& doc, const InlineMarks& marks) {
  const Outline& o = doc.outline();
  std::vector<Finding> out;
  for (const SiblingGroup& group : sibling_groups(o)) {
    const auto& s = group.sections;
    const std::size_t first = out.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
      const int v = value_of(o, s[i]);
      if (i == 0) {
        if (v != 1) out.push_back({Problem::start, s[0], -1, 1, std::nullopt});
        continue;
      }
      const int prev = value_of(o, s[i - 1]);
      if (v == prev + 1) continue;
      const Problem problem = v == prev ? Problem::duplicate : v > prev ? Problem::gap : Problem::out_of_order;
      if (problem == Problem::gap &&
          glued_between(marks, o.sections[s[i - 1]].line, o.sections[s[i]].line, token_of(o, s[i]).style, prev + 1, v - 1))
        continue;
      out.push_back({problem, s[i], static_cast<std::int32_t>(s[i - 1]), prev + 1, std::nullopt});
    }
    if (out.size() == first) continue;
    // The group's one fix, on its first finding.
    out[first].fix = renumber_all(doc, s);
    if (out[first].fix) {
      const bool certain = std::all_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), [](const Finding& f) {
        return f.problem == Problem::gap || f.problem == Problem::duplicate;
      });
      out[first].fix->applicability = certain ? Applicability::safe : Applicability::unsafe;
    }
  }
  return out;
}

// One class per rule id; all share the analysis.
template <Problem kind>
class SequenceRule final : public SharingRule {
 public:
  // The four rules read one analysis of the document, made by the first that runs.
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const Outline& o = doc.outline();
    const auto& findings = analyses.get<std::vector<Finding>>(
        "numbering.sequence", [&] { return analyse(doc, inline_marks(doc, analyses)); });
    for (const Finding& f : findings) {
      if (f.problem != kind) continue;
      const NumberToken& t = token_of(o, f.section);
      Diagnostic d = diagnostic({t.range.begin, t.range.begin + static_cast<std::uint32_t>(written(doc, t).size())},
                                message(doc, f));
      if (f.previous >= 0)
        d.notes.push_back({"上一项是" + at_line(doc, o, static_cast<std::uint32_t>(f.previous)),
                           token_of(o, static_cast<std::uint32_t>(f.previous)).range});
      else if (const std::int32_t parent = o.sections[f.section].parent; parent >= 0)
        d.notes.push_back({"上一级是" + at_line(doc, o, static_cast<std::uint32_t>(parent)),
                           token_of(o, static_cast<std::uint32_t>(parent)).range});
      if (f.fix) d.fix = *f.fix;
      sink.report(std::move(d));
    }
  }

 private:
  static std::string message(const Document& doc, const Finding& f) {
    const Outline& o = doc.outline();
    const NumberToken& t = token_of(o, f.section);
    const std::string here = quoted(written(doc, t));
    switch (kind) {
      case Problem::gap: {
        std::string missing = quoted(canonical(t.style, f.expected));
        if (t.value - 1 > f.expected) missing += "到" + quoted(canonical(t.style, t.value - 1));
        return "序号跳过了" + missing;
      }
      case Problem::duplicate:
        return "序号" + here + "与上一项重复，应为" + quoted(canonical(t.style, f.expected));
      case Problem::out_of_order:
        if (t.value == 1) return "序号在同一层级中重新从" + here + "开始，应为" + quoted(canonical(t.style, f.expected));
        return "序号" + here + "排在更大的序号之后，应为" + quoted(canonical(t.style, f.expected));
      case Problem::start:
        return "这一层级的第一项应为" + quoted(canonical(t.style, 1)) + "，而不是" + here;
    }
    return {};
  }
};

using Gap = SequenceRule<Problem::gap>;
using Duplicate = SequenceRule<Problem::duplicate>;
using OutOfOrder = SequenceRule<Problem::out_of_order>;
using Start = SequenceRule<Problem::start>;

REPORTLINT_RULE(Gap, "numbering.gap", warning, sometimes, "同级序号跳号（一、二、四、）");
REPORTLINT_RULE(Duplicate, "numbering.duplicate", warning, sometimes, "同级序号重复（（二）（二））");
REPORTLINT_RULE(OutOfOrder, "numbering.out-of-order", warning, sometimes, "同级序号倒退或无故重新编号");
REPORTLINT_RULE(Start, "numbering.start", warning, sometimes, "同级序号不从第一项开始");

}  // namespace
}  // namespace reportlint::numbering
