// punctuation.line-start — a line that begins with a mark that may not begin one: the
// point marks 、，。；：！？ and the closing halves ”’）》】〕〉 (GB/T 15834-2011 5.1.1,
// 5.1.3). In a draft copied from a PDF such a line is the rest of the line above it.
// 破折号 —— and 省略号 …… may begin a line and are left alone.
#include <string>

#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr CharSet kNotAtLineStart(U"、，。；：！？”’）》】〕〉");

class LineStart final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for_each_prose_line(doc, [&](std::uint32_t, std::size_t begin, std::size_t end) {
      const char32_t c = at(text, begin, end);
      if (!kNotAtLineStart.contains(c)) return;
      const TextRange r = range_of(begin, begin + utf8::sequence_length(static_cast<unsigned char>(text[begin])));
      if (doc.is_verbatim(r)) return;
      sink.report(diagnostic(r, "“" + std::string(doc.slice(r)) + "”不能出现在一行的开头（上一行在句子中间断开了）"));
    });
  }
};

REPORTLINT_RULE(LineStart, "punctuation.line-start", warning, none, "一行以顿号、逗号、句号或后引号等开头");

}  // namespace
}  // namespace reportlint::punctuation
