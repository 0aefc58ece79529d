// numbering.inline-sequence — enumeration words inside paragraphs (GB/T 15834 B.3.1,
// B.3.7): 一是/二是/三是, 第一，/第二，, 首先/其次/再次/最后.
//
// inline_marks() finds the words only at the start of a clause (so 统一是, 一是一，二是二,
// 第一次, 排名第六，, 首先要…, 最后一公里 are not enumerations) and groups them per
// family within one section body, across the paragraphs of that body. A group restarts
// at 一是/第一/首先: two lists in one section are fine. Within a list the words must
// count up without gaps or repeats, a list needs more than its first item, and 最后 ends
// the list.
#include <string>
#include <vector>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {
namespace {

std::string word(EnumFamily family, std::uint16_t value) {
  switch (family) {
    case EnumFamily::shi: return han_numeral(value) + "是";
    case EnumFamily::di: return "第" + han_numeral(value);
    case EnumFamily::order:
      return value == 1 ? "首先" : value == 2 ? "其次" : value == 3 ? "再次" : value == kOrderLast ? "最后" : "";
  }
  return {};
}

class InlineSequence final : public SharingRule {
 public:
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const InlineMarks& o = inline_marks(doc, analyses);
    for (const Enumeration& e : o.enumerations) {
      std::vector<std::vector<std::uint32_t>> open;  // nested lists, outermost first
      bool first_list = true;
      auto close_from = [&](std::size_t depth) {
        while (open.size() > depth) {
          check_list(doc, o, e.family, open.back(), first_list && open.size() == 1, sink);
          if (open.size() == 1) first_list = false;
          open.pop_back();
        }
      };
      for (const std::uint32_t m : e.markers) {
        const EnumMarker& marker = o.markers[m];
        if (marker.value == 1) {
          if (open.empty() || !opens_nested(doc, o.markers[open.back().back()], marker)) close_from(0);
          open.push_back({m});
          continue;
        }
        // The innermost list this word continues; an inner list it skips is finished.
        std::size_t depth = open.size();
        while (depth > 0 && !continues(o.markers[open[depth - 1].back()], marker)) --depth;
        if (depth == 0) {
          if (open.empty()) open.push_back({});
          depth = open.size();  // no list it continues: the innermost reports the gap
        } else {
          close_from(depth);
        }
        open[depth - 1].push_back(m);
      }
      close_from(0);
    }
  }

 private:
  // `next` is the item after `last` in the same list.
  static bool continues(const EnumMarker& last, const EnumMarker& next) {
    return last.value != kOrderLast && (next.value == last.value + 1 || next.value == kOrderLast);
  }

  // A first word opens a list inside the item of `last`: a colon introduced it since
  // `last`, and no sentence has ended after that colon.
  static bool opens_nested(const Document& doc, const EnumMarker& last, const EnumMarker& first) {
    const std::string_view between = doc.slice({last.range.end, first.range.begin});
    std::size_t colon = between.rfind("：");
    if (colon == std::string_view::npos) colon = between.rfind(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view after = between.substr(colon);
    return after.find("。") == std::string_view::npos && after.find("！") == std::string_view::npos &&
           after.find("？") == std::string_view::npos;
  }

  void report(const Document& doc, const EnumMarker& m, std::string message, const EnumMarker* previous,
              DiagnosticSink& sink) const {
    Diagnostic d = diagnostic(m.range, std::move(message));
    if (previous)
      d.notes.push_back({"上一项是第" + std::to_string(previous->line + 1) + "行的" + quoted(doc.slice(previous->range)),
                         previous->range});
    sink.report(std::move(d));
  }

  void check_list(const Document& doc, const InlineMarks& o, EnumFamily family, const std::vector<std::uint32_t>& list,
                  bool first_list, DiagnosticSink& sink) const {
    const EnumMarker& head = o.markers[list.front()];
    if (head.value != 1 && first_list && head.value != kOrderLast) {
      report(doc, head, "列举以" + quoted(doc.slice(head.range)) + "开头，缺少" + quoted(word(family, 1)), nullptr, sink);
    }
    if (list.size() == 1 && head.value == 1 && family == EnumFamily::shi) {
      report(doc, head, "只有" + quoted(doc.slice(head.range)) + "，没有" + quoted(word(family, 2)) +
                            "：单独一项不必用“一是”列举",
             nullptr, sink);
      return;
    }
    for (std::size_t i = 1; i < list.size(); ++i) {
      const EnumMarker& prev = o.markers[list[i - 1]];
      const EnumMarker& m = o.markers[list[i]];
      const std::string here = quoted(doc.slice(m.range));
      if (prev.value == kOrderLast) {
        report(doc, m, quoted("最后") + "之后又出现了" + here, &prev, sink);
        continue;
      }
      if (m.value == kOrderLast) continue;  // 最后 may follow any step
      if (m.value == prev.value) {
        report(doc, m, here + "与上一项重复", &prev, sink);
      } else if (m.value < prev.value) {
        report(doc, m, here + "排在" + quoted(doc.slice(prev.range)) + "之后，顺序颠倒", &prev, sink);
      } else if (m.value > prev.value + 1) {
        std::string missing = quoted(word(family, static_cast<std::uint16_t>(prev.value + 1)));
        if (m.value > prev.value + 2) missing += "等";
        report(doc, m, here + "之前缺少" + missing, &prev, sink);
      }
    }
  }
};

REPORTLINT_RULE(InlineSequence, "numbering.inline-sequence", warning, none,
                "段内列举（一是/二是、第一/第二、首先/其次/最后）跳项、重复、颠倒或只有一项");

}  // namespace
}  // namespace reportlint::numbering
