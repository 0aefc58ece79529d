// punctuation.numeral-dunhao — a 顿号 between two Arabic numerals that make a rough
// number or a decimal: 3、5天, 1、5万元. GB/T 15834-2011 4.5.3.4 and GB/T 15835-2011
// 4.2.2: adjacent numbers giving an approximate value are written in Chinese numerals
// with no 顿号 (三五天); a decimal takes the point (1.5万元). A list of numbers (1、2、3号楼,
// 第1、2名) is left alone; there is no certain fix.
#include <string>

#include "marks.hpp"
#include "reportlint/plugin.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

constexpr std::u32string_view kCountedUnits = U"天个次人家件项元万亿倍岁户所条处座台辆位周米吨亩";

std::size_t digits_before(std::string_view text, std::size_t i, std::size_t begin) {
  std::size_t j = i;
  while (j > begin && chars::is_ascii_digit(static_cast<unsigned char>(text[j - 1]))) --j;
  return i - j;
}

class NumeralDunhao final : public MarkRule {
 protected:
  void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& /*analyses*/,
                   DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    for (const MarkAt& m : marks) {
      if (m.mark != U'、') continue;
      const auto [begin, end] = bounds_of(doc, m);
      const std::size_t i = m.offset;
      const std::size_t left = digits_before(text, i, begin);
      if (left == 0 || left > 2) continue;
      const std::size_t start = i - left;
      const char32_t outside = before(text, start, begin);
      if (outside == U'、' || outside == U'第' || chars::is_ascii_alnum(outside) || outside == '.') continue;
      std::size_t right = i + 3;
      while (right < end && chars::is_ascii_digit(static_cast<unsigned char>(text[right]))) ++right;
      if (right == i + 3 || right - (i + 3) > 2) continue;
      const char32_t unit = at(text, right, end);
      if (unit == U'、' || kCountedUnits.find(unit) == std::u32string_view::npos) continue;
      const TextRange r = range_of(i, i + 3);
      if (doc.is_verbatim(r)) continue;
      sink.report(diagnostic(r, "阿拉伯数字“" + std::string(text.substr(start, right - start)) +
                                    "”之间不用顿号：概数写作汉字且不加顿号（如“三五天”），小数用小数点"));
    }
  }
};

REPORTLINT_RULE(NumeralDunhao, "punctuation.numeral-dunhao", warning, none, "阿拉伯数字之间的顿号（3、5天）");

}  // namespace
}  // namespace reportlint::punctuation
