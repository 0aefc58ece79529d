// punctuation.dash-form — a dash of the wrong length or kind (GB/T 15834-2011 4.9, 4.13):
//
//   ———, ————— : the 破折号 is two 一字线 wide, ——              fix: —— (certain)
//   0713—1234567: a telephone number takes the short hyphen    fix: -  (certain)
//
// Left alone: —— itself, a single — between numbers or places (the 一字线 of a range:
// 2023—2025年, 北京—上海), ———— of four (two dashes, a pause of two 破折号 is rare but
// written so in verse and quotations), and hyphenated telephone numbers.
#include <string>

#include "marks.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr std::size_t kDash = 3;  // bytes of —

// A telephone number: an area code of 3 or 4 digits beginning with 0, then 7 or 8 digits.
bool area_code_before(std::string_view text, std::size_t at, std::size_t begin) {
  std::size_t i = at;
  while (i > begin && chars::is_ascii_digit(static_cast<unsigned char>(text[i - 1]))) --i;
  const std::size_t n = at - i;
  return (n == 3 || n == 4) && text[i] == '0' && !(i > begin && chars::is_ascii_alnum(static_cast<unsigned char>(text[i - 1])));
}
bool subscriber_number_after(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t i = at;
  while (i < end && chars::is_ascii_digit(static_cast<unsigned char>(text[i]))) ++i;
  const std::size_t n = i - at;
  return (n == 7 || n == 8) && !(i < end && chars::is_ascii_alnum(static_cast<unsigned char>(text[i])));
}

class DashForm final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (std::size_t k = 0; k < marks.size();) {
      if (marks[k].mark != U'—') {
        ++k;
        continue;
      }
      std::size_t last = k;
      while (last + 1 < marks.size() && marks[last + 1].mark == U'—' && marks[last + 1].offset == marks[last].offset + kDash)
        ++last;
      const std::size_t count = last - k + 1;
      const TextRange run = range_of(marks[k].offset, marks[last].offset + kDash);
      const auto [begin, end] = bounds_of(doc, marks[k]);
      if (!doc.is_verbatim(run)) {
        if (count == 3 || count == 5) {
          Diagnostic d = diagnostic(run, "破折号应为两个一字线“——”，这里是" + std::to_string(count) + "个");
          d.fix = Fix{{Edit{run, "——"}}, Applicability::safe, "改为“——”"};
          sink.report(std::move(d));
        } else if (count == 1 && area_code_before(text, run.begin, begin) && subscriber_number_after(text, run.end, end)) {
          Diagnostic d = diagnostic(run, "电话号码中的连接号应为短横线“-”，不用一字线");
          d.fix = Fix{{Edit{run, "-"}}, Applicability::safe, "改为“-”"};
          sink.report(std::move(d));
        }
      }
      k = last + 1;
    }
  }
};

REPORTLINT_RULE(DashForm, "punctuation.dash-form", warning, always, "破折号长度不对（———）或电话号码用了一字线");

}  // namespace
}  // namespace reportlint::punctuation
