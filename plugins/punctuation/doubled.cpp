// punctuation.doubled — the same mark typed twice: ，， 。。 、、 ；； ：： ！！ ？？. The
// doubled forms that are marks of their own, …… and ——, are correct (GB/T 15834-2011
// 4.11, 4.12). The fix deletes the second mark.
#include <string>

#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr CharSet kSingleMarks(U"，。、；：！？");

class Doubled final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for_each_prose_line(doc, [&](std::uint32_t, std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; (i = kSingleMarks.find(text, i, end)) < end;) {
        const std::size_t n = utf8::sequence_length(static_cast<unsigned char>(text[i]));
        if (i + 2 * n > end || text.compare(i, n, text, i + n, n) != 0) {
          i += n;
          continue;
        }
        std::size_t last = i + n;  // ，，， is one finding
        while (last + n <= end && text.compare(i, n, text, last, n) == 0) last += n;
        const TextRange extra = range_of(i + n, last);
        if (!doc.is_verbatim(extra)) {
          Diagnostic d = diagnostic(extra, "标点“" + std::string(text.substr(i, n)) + "”重复了");
          d.fix = Fix{{Edit{extra, ""}}, Applicability::safe, "删去重复的标点"};
          sink.report(std::move(d));
        }
        i = last;
      }
    });
  }
};

REPORTLINT_RULE(Doubled, "punctuation.doubled", warning, always, "重复的标点（，， 。。）");

}  // namespace
}  // namespace reportlint::punctuation
