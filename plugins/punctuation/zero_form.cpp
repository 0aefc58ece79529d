// punctuation.zero-form — the zero of a year written in Chinese numerals: 二〇〇九年.
// GB/T 15835-2011 5.2.5: in years and numbering the zero is 〇; 零 is for quantities
// (三千零五十二). A Latin O or an Arabic 0 among Chinese numerals (二OO九年, 二0一一年)
// is a wrong character that looks right, and mixes forms (5.3): one finding per year,
// whose fix — 〇 for each wrong zero — is certain.
//
// Left alone: ○ (U+25CB) and the full-width ０, which print and transcriptions use for 〇
// and which take its full width (二○○三年 in the report to the 19th Congress); Arabic years
// (2009年); years not made of four numeral characters; quantities (三千零五十二).
#include <string>

#include "reportlint/plugin.hpp"

namespace reportlint::punctuation {
namespace {

constexpr std::size_t kYearDigits = 4;
constexpr std::string_view kYear = "年";

// A character that can stand for a digit of a year written in Chinese numerals.
bool year_digit(char32_t c) {
  return (chars::han_digit(c) >= 0 && c != U'两') || c == U'○' || c == U'０' || c == 'O' || c == '0' || c == U'Ｏ';
}
// The ones that are wrong there: narrow Latin and Arabic characters, and 零.
bool wrong_zero(char32_t c) { return c == 'O' || c == '0' || c == U'Ｏ' || c == U'零'; }

class ZeroForm final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for_each_prose_line(doc, [&](std::uint32_t, std::uint32_t begin, std::uint32_t end) {
      const std::string_view line = text.substr(0, end);
      for (std::size_t at = line.find(kYear, begin); at != std::string_view::npos; at = line.find(kYear, at + kYear.size()))
        check_year(doc, begin, at, sink);
    });
  }

 private:
  // The four characters before 年 at `year_at`, if they are a Chinese-numeral year.
  void check_year(const Document& doc, std::size_t begin, std::size_t year_at, DiagnosticSink& sink) const {
    const std::string_view text = doc.text();
    std::size_t i = year_at, han = 0;
    char32_t digits[kYearDigits];
    std::size_t starts[kYearDigits];
    for (std::size_t k = kYearDigits; k-- > 0;) {
      if (i <= begin) return;
      const char32_t c = utf8::prev(text, i);
      if (!year_digit(c)) return;
      digits[k] = c;
      starts[k] = i;
      han += chars::han_digit(c) >= 1;
    }
    // Exactly four: a fifth numeral before them makes something else (a quantity).
    if (i > begin && year_digit(utf8::before(text, i))) return;
    // A Chinese-numeral year: its first digit is 一 or 二 and some digit is written in Chinese.
    if (han == 0 || (digits[0] != U'一' && digits[0] != U'二')) return;
    Fix fix;
    std::string what;
    for (std::size_t k = 0; k < kYearDigits; ++k) {
      if (!wrong_zero(digits[k])) continue;
      const std::size_t length = utf8::sequence_length(static_cast<unsigned char>(text[starts[k]]));
      fix.edits.push_back({{static_cast<std::uint32_t>(starts[k]), static_cast<std::uint32_t>(starts[k] + length)}, "〇"});
      if (what.empty()) {
        switch (digits[k]) {
          case 'O': case U'Ｏ': what = "拉丁字母“O”"; break;
          case '0': what = "阿拉伯数字“0”"; break;
          default: what = "“零”"; break;
        }
      }
    }
    if (fix.edits.empty()) return;
    const TextRange r{static_cast<std::uint32_t>(starts[0]), static_cast<std::uint32_t>(year_at)};
    if (doc.is_verbatim(r)) return;
    const std::string year(text.substr(starts[0], year_at + kYear.size() - starts[0]));
    Diagnostic d = diagnostic(r, "汉字年份“" + year + "”中的零写成了" + what + "，应为“〇”");
    d.notes.push_back({"依据：GB/T 15835-2011 5.2.5：年份中的零写作“〇”", std::nullopt});
    fix.message = "改为“〇”";
    d.fix = std::move(fix);
    sink.report(std::move(d));
  }
};

REPORTLINT_RULE(ZeroForm, "punctuation.zero-form", warning, always, "汉字年份中的零写成了 O、0 或“零”（二O一九年 → 二〇一九年）");

}  // namespace
}  // namespace reportlint::punctuation
