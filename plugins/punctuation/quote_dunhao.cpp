// punctuation.quote-dunhao — a 顿号 between items that each have quotation marks or
// title marks: “邻里读报点”、“邻里充电站”. GB/T 15834-2011 4.5.3.5: such items are
// usually not separated by a 顿号 (“邻里读报点”“邻里充电站”). “Usually”: a note, and the
// fix is offered, not applied. A 顿号 after a bracketed remark stays:《条例》（2012年）、《规定》.
// Opt-in (builtin:strict turns it on): central documents keep the 顿号 as their house
// style — the government work reports and congress reports write “A”、“B” throughout.
#include <string>

#include "marks.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

class QuoteDunhao final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (const MarkAt& m : marks) {
      if (m.mark != U'、') continue;
      const auto [begin, end] = bounds_of(doc, m);
      const std::size_t i = m.offset;
      const char32_t prev = before(text, i, begin), next = at(text, i + 3, end);
      const bool quotes = prev == U'”' && next == U'“';
      const bool titles = prev == U'》' && next == U'《';
      if (!quotes && !titles) continue;
      const TextRange r = range_of(i, i + 3);
      Diagnostic d = diagnostic(r, quotes ? "带引号的并列成分之间通常不用顿号" : "带书名号的并列成分之间通常不用顿号");
      d.fix = Fix{{Edit{r, ""}}, Applicability::unsafe, "删去顿号"};
      sink.report(std::move(d));
    }
  }
};

REPORTLINT_OPT_IN_RULE(QuoteDunhao, "punctuation.quote-dunhao", note, sometimes, "带引号或书名号的并列成分之间的顿号");

}  // namespace
}  // namespace reportlint::punctuation
