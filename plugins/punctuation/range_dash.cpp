// punctuation.range-dash — a range of numbers or dates written with a hyphen or a tilde
// of the wrong kind: 1-6月, 2023-2025年度, x-x岁, 25~30人. GB/T 15834-2011 4.13.3: the
// start and end of a time or place take the 一字线 “—” (2023—2025年), a range of values
// the 浪纹线 “～” (25～30岁); the short hyphen is for complete dates (2023-08-01), phone
// and model numbers and addresses (3-2号), which stay clean.
#include <string>

#include "marks.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr CharSet kSeparators(U"-~－");
constexpr std::size_t kMaxDigits = 4;

bool digit_like(char c) { return (c >= '0' && c <= '9') || c == 'x' || c == 'X'; }

// Time words after a range make it a time range: 月, 年度, 日.
constexpr std::u32string_view kTimeUnits = U"年月日时点周";
// Words after which the hyphen is part of an address or a code: 3-2号, 1-201室.
constexpr std::u32string_view kCodeUnits = U"号室栋幢";

class RangeDash final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (const MarkAt& m : marks) {
      if (!kSeparators.contains(m.mark)) continue;
      const std::size_t n = utf8::sequence_length(static_cast<unsigned char>(text[m.offset]));
      const auto [begin, end] = bounds_of(doc, m);
      check_at(doc, text, begin, end, m.offset, n, sink);
    }
  }

 private:
  void check_at(const Document& doc, std::string_view text, std::size_t begin, std::size_t end, std::size_t sep,
                std::size_t sep_length, DiagnosticSink& sink) const {
    // Left: digits, with a time word after them (2023年-2025年) or not.
    std::size_t left_end = sep;
    bool time = false;
    if (const char32_t unit = before(text, left_end, begin); unit == U'年' || unit == U'月' || unit == U'日') {
      left_end -= 3;
      time = true;
    }
    std::size_t left = left_end;
    while (left > begin && left_end - left < kMaxDigits + 1 && digit_like(text[left - 1])) --left;
    if (left == left_end || left_end - left > kMaxDigits) return;
    const char32_t outside_left = before(text, left, begin);
    if (chars::is_ascii_alnum(outside_left) || outside_left == '-' || outside_left == '.' || outside_left == '/' ||
        outside_left == ':' || outside_left == '+')
      return;
    // Right: digits (a decimal allowed), then a word that says what is counted.
    std::size_t right = sep + sep_length, right_end = right;
    while (right_end < end && digit_like(text[right_end])) ++right_end;
    if (right_end == right || right_end - right > kMaxDigits) return;
    if (right_end + 1 < end && text[right_end] == '.' && chars::is_ascii_digit(static_cast<unsigned char>(text[right_end + 1]))) {
      ++right_end;
      while (right_end < end && chars::is_ascii_digit(static_cast<unsigned char>(text[right_end]))) ++right_end;
    }
    const char32_t unit = at(text, right_end, end);
    if (unit == 0 || chars::is_ascii_alnum(unit) || unit == '-' || unit == '.' || unit == '/' || unit == ':') return;
    if (!chars::is_han(unit) && unit != '%' && unit != U'％') return;
    if (kCodeUnits.find(unit) != std::u32string_view::npos) return;
    time = time || kTimeUnits.find(unit) != std::u32string_view::npos;
    const TextRange r = range_of(sep, sep + sep_length);
    if (doc.is_verbatim(range_of(left, right_end))) return;
    const std::string_view wanted = time ? "—" : "～";
    const std::string written(text.substr(sep, sep_length));
    Diagnostic d = diagnostic(r, time ? "表示时间起止应使用一字线“—”，不用“" + written + "”"
                                      : "表示数值范围应使用浪纹线“～”，不用“" + written + "”");
    d.fix = Fix{{Edit{r, std::string(wanted)}}, Applicability::safe, {}};
    sink.report(std::move(d));
  }
};

REPORTLINT_RULE(RangeDash, "punctuation.range-dash", warning, always, "起止范围用了短横线或半角波浪线（1-6月 → 1—6月）");

}  // namespace
}  // namespace reportlint::punctuation
