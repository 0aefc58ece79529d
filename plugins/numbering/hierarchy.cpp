// numbering.level-skip, numbering.level-inversion — the levels of GB/T 9704-2012 7.3.3:
// 一、 → （一） → 1. → （1） (→ ① per GB/T 15834 B.3.8), one step at a time.
//
// A document may start at a lower level (only （一） sections, as short reports do);
// what it may not do is skip a level under a heading, or switch its top level midway.
#include <map>
#include <string>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {

REPORTLINT_OPTION(allow_level_skip, boolean, "false", "允许“一、”下直接用“1.”（有的单位只用两层）");
REPORTLINT_OPTION_RANGE(top_level, "0", "要求文档第一层使用的层级，1 即“一、”；0 不要求", 0, 5);
namespace {

NumberStyle style_of_level(int level) {
  switch (level) {
    case 1: return NumberStyle::han;
    case 2: return NumberStyle::han_paren;
    case 3: return NumberStyle::arabic;
    case 4: return NumberStyle::arabic_paren;
    default: return NumberStyle::circled;
  }
}

class LevelSkip final : public Rule {
 public:
  void configure(OptionReader& options) override {
    allow_ = options.get_bool("allow_level_skip", false);
    top_level_ = static_cast<int>(options.get_int("top_level", 0, 0, 5));
  }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    // Which levels each parent level has children at, document by document: a skip is
    // worse where the document uses the skipped level elsewhere.
    std::map<std::tuple<std::uint32_t, int, int>, std::uint32_t> used;  // (document, parent level, child level) → section
    for (std::uint32_t s = 0; s < o.sections.size(); ++s)
      if (const std::int32_t p = o.sections[s].parent; p >= 0 && numbered(o, s) && numbered(o, static_cast<std::uint32_t>(p)))
        used.emplace(std::make_tuple(o.sections[s].document, o.sections[p].level, o.sections[s].level), s);

    if (top_level_ > 0) {
      for (const SubDocument& d : o.documents) {
        if (d.sections.empty()) continue;
        const std::uint32_t first = d.sections.front();
        if (!numbered(o, first) || o.sections[first].level <= top_level_) continue;
        const NumberToken& t = token_of(o, first);
        sink.report(diagnostic(span(doc, t), "文档的第一层序号应为" + quoted(canonical(style_of_level(top_level_), 1)) +
                                                 "，这里从" + quoted(written(doc, t)) + "开始"));
      }
    }
    if (allow_) return;
    for (std::uint32_t s = 0; s < o.sections.size(); ++s) {
      const std::int32_t p = o.sections[s].parent;
      if (p < 0 || !numbered(o, s) || !numbered(o, static_cast<std::uint32_t>(p))) continue;
      const int parent_level = o.sections[p].level, level = o.sections[s].level;
      if (level <= parent_level + 1) continue;
      const NumberToken& t = token_of(o, s);
      const NumberStyle skipped = style_of_level(parent_level + 1);
      Diagnostic d = diagnostic(span(doc, t), quoted(written(doc, token_of(o, static_cast<std::uint32_t>(p)))) +
                                                  "下直接使用了" + quoted(written(doc, t)) + "，跳过了" +
                                                  quoted(canonical(skipped, 1)) + "这一层级");
      auto elsewhere = used.find(std::make_tuple(o.sections[s].document, parent_level, parent_level + 1));
      if (elsewhere != used.end()) {
        const std::uint32_t other = elsewhere->second;
        d.notes.push_back({"本文档在第" + std::to_string(o.sections[other].line + 1) + "行用了" +
                               quoted(written(doc, token_of(o, other))) + "作为这一层级",
                           token_of(o, other).range});
      }
      sink.report(std::move(d));
    }
  }

 private:
  static TextRange span(const Document& doc, const NumberToken& t) {
    return {t.range.begin, t.range.begin + static_cast<std::uint32_t>(written(doc, t).size())};
  }

  bool allow_ = false;
  int top_level_ = 0;
};

// The top level of a document is the level most of its top-level headings use (the
// first heading's level when there is no majority). A top-level heading at another level
// is either a child style used at the top, or a higher level used after a lower one
// (GB/T 15834 B.3.8: 用了较低层后不宜反过来再用更高层).
class LevelInversion final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    for (const SubDocument& d : o.documents) {
      std::vector<std::uint32_t> top;
      for (const std::uint32_t s : d.sections)
        if (numbered(o, s)) top.push_back(s);
      if (top.size() < 2) continue;
      std::map<int, std::size_t> count;
      for (const std::uint32_t s : top) ++count[o.sections[s].level];
      if (count.size() < 2) continue;
      int established = o.sections[top.front()].level;
      for (const auto& [level, n] : count)
        if (n * 2 > top.size()) established = level;
      const std::uint32_t example = *std::find_if(top.begin(), top.end(), [&](std::uint32_t s) {
        return o.sections[s].level == established;
      });
      for (const std::uint32_t s : top) {
        const int level = o.sections[s].level;
        if (level == established) continue;
        const NumberToken& t = token_of(o, s);
        const std::string here = quoted(written(doc, t)), top = quoted(written(doc, token_of(o, example)));
        Diagnostic diag = diagnostic({t.range.begin, t.range.begin + static_cast<std::uint32_t>(written(doc, t).size())},
                                     level > established
                                         ? here + "是下级序号，却用在了文档的第一层（本文档第一层用" + top + "）"
                                         : "在下级序号" + top + "之后又用了上级序号" + here);
        diag.notes.push_back({"本文档第一层的序号见" + at_line(doc, o, example), token_of(o, example).range});
        sink.report(std::move(diag));
      }
    }
  }
};

REPORTLINT_RULE(LevelSkip, "numbering.level-skip", warning, none, "序号跳过了层级（一、→1.，缺少（一））");
REPORTLINT_RULE(LevelInversion, "numbering.level-inversion", warning, none, "文档第一层序号前后不一致或上下级倒置");

}  // namespace
}  // namespace reportlint::numbering
