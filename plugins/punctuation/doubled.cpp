// punctuation.doubled — the same mark typed twice: ，， 。。 、、 ；； ：： ！！ ？？. The
// doubled forms that are marks of their own, …… and ——, are correct (GB/T 15834-2011
// 4.11, 4.12). The fix deletes the second mark.
#include <string>

#include "marks.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr CharSet kSingleMarks(U"，。、；：！？");

class Doubled final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (std::size_t k = 0; k + 1 < marks.size();) {
      const char32_t c = marks[k].mark;
      const std::size_t n = 3;  // every mark of the set is three bytes
      if (!kSingleMarks.contains(c) || marks[k + 1].mark != c || marks[k + 1].offset != marks[k].offset + n) {
        ++k;
        continue;
      }
      std::size_t last = k + 1;  // ，，， is one finding
      while (last + 1 < marks.size() && marks[last + 1].mark == c && marks[last + 1].offset == marks[last].offset + n) ++last;
      const TextRange extra = range_of(marks[k].offset + n, marks[last].offset + n);
      if (!doc.is_verbatim(extra)) {
        Diagnostic d = diagnostic(extra, "标点“" + std::string(text.substr(marks[k].offset, n)) + "”重复了");
        d.fix = Fix{{Edit{extra, ""}}, Applicability::safe, "删去重复的标点"};
        sink.report(std::move(d));
      }
      k = last + 1;
    }
  }
};

REPORTLINT_RULE(Doubled, "punctuation.doubled", warning, always, "重复的标点（，， 。。）");

}  // namespace
}  // namespace reportlint::punctuation
