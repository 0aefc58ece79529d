#include "io/docx/number_format.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "reportlint/text.hpp"

namespace reportlint::docx {
namespace {

constexpr std::array<std::string_view, 10> kHanDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kLegalDigits = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

// 1–9999 in Chinese counting: 十一, 二十, 一百零五, 一千二百. `legal`: 壹拾壹, 贰佰零伍.
std::string chinese_counting(int value, bool legal) {
  if (value <= 0) return std::string(legal ? kLegalDigits[0] : kHanDigits[0]);
  if (value > 9999) return std::to_string(value);
  const auto& digits = legal ? kLegalDigits : kHanDigits;
  const std::array<std::string_view, 4> units = legal ? std::array<std::string_view, 4>{"", "拾", "佰", "仟"}
                                                      : std::array<std::string_view, 4>{"", "十", "百", "千"};
  const int parts[4] = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
  std::string out;
  bool pending_zero = false;
  for (int i = 0; i < 4; ++i) {
    const int d = parts[i];
    const std::string_view unit = units[3 - i];
    if (d == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += "零";
    pending_zero = false;
    // 十一, not 一十一, when the number starts at the tens.
    if (!(d == 1 && i == 2 && out.empty() && !legal)) out += digits[static_cast<std::size_t>(d)];
    out += unit;
  }
  return out;
}

std::string cycle(int value, std::string_view alphabet) {  // 甲乙丙丁…, wrapping
  std::vector<char32_t> symbols;
  for (std::size_t i = 0; i < alphabet.size();) symbols.push_back(utf8::next(alphabet, i));
  std::string out;
  utf8::append(out, symbols[static_cast<std::size_t>((value - 1) % static_cast<int>(symbols.size()))]);
  return out;
}

std::string letters(int value, char base) {  // A … Z, AA … ZZ, as Word does
  const int repeat = (value - 1) / 26 + 1;
  return std::string(static_cast<std::size_t>(repeat), static_cast<char>(base + (value - 1) % 26));
}

std::string roman(int value, bool upper) {
  if (value <= 0 || value >= 4000) return std::to_string(value);
  static constexpr std::pair<int, std::string_view> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                                {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                                {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                                {1, "i"}};
  std::string out;
  for (const auto& [n, s] : kTable)
    for (; value >= n; value -= n) out += s;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// One code point from a run of consecutive ones, or decimal past its end.
std::string enclosed(int value, char32_t first, int count, char32_t second_first = 0, int second_count = 0) {
  std::string out;
  if (value >= 1 && value <= count) {
    utf8::append(out, first + static_cast<char32_t>(value - 1));
  } else if (value > count && value <= count + second_count) {
    utf8::append(out, second_first + static_cast<char32_t>(value - count - 1));
  } else {
    out = std::to_string(value);
  }
  return out;
}

}  // namespace

std::string format_number(int value, std::string_view format) {
  if (format == "none" || format == "bullet") return {};
  if (value < 0) value = 0;
  if (format == "chineseCounting" || format == "chineseCountingThousand" || format == "japaneseCounting" ||
      format == "taiwaneseCounting" || format == "taiwaneseCountingThousand" || format == "ideographDigital" ||
      format == "koreanCounting")
    return chinese_counting(value, false);
  if (format == "chineseLegalSimplified" || format == "ideographLegalTraditional") return chinese_counting(value, true);
  if (format == "ideographTraditional") return value >= 1 ? cycle(value, "甲乙丙丁戊己庚辛壬癸") : "0";
  if (format == "ideographZodiac") return value >= 1 ? cycle(value, "子丑寅卯辰巳午未申酉戌亥") : "0";
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese" || format == "ideographEnclosedCircle")
    return enclosed(value, U'①', 20, U'㉑', 15);
  if (format == "decimalEnclosedParen") return enclosed(value, U'⑴', 20);
  if (format == "decimalEnclosedFullstop") return enclosed(value, U'⒈', 20);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (const char c : std::to_string(value)) utf8::append(out, U'０' + static_cast<char32_t>(c - '0'));
    return out;
  }
  if (format == "decimalZero") return (value < 10 ? std::string("0") : std::string()).append(std::to_string(value));
  if (format == "upperLetter") return value >= 1 ? letters(value, 'A') : "0";
  if (format == "lowerLetter") return value >= 1 ? letters(value, 'a') : "0";
  if (format == "upperRoman") return roman(value, true);
  if (format == "lowerRoman") return roman(value, false);
  return std::to_string(value);  // decimal, and what Word would also fall back to
}

}  // namespace reportlint::docx
