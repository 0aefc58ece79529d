// Numbering tokens at the start of a line: kinds, values, brackets, separators — and the
// lines that only look like headings.
#include <gtest/gtest.h>

#include <string>

#include "model/clauses.hpp"
#include "reportlint/number_token.hpp"

namespace reportlint {
namespace {

NumberToken token(std::string_view line) {
  return parse_number_token(line, 0, static_cast<std::uint32_t>(line.size()));
}

std::string_view body(std::string_view line) {
  const NumberToken t = token(line);
  return line.substr(t.body.begin, t.body.end - t.body.begin);
}

TEST(NumberToken, FirstLevelHan) {
  const NumberToken t = token("一、总体情况");
  EXPECT_EQ(t.style, NumberStyle::han);
  EXPECT_EQ(t.value, 1);
  EXPECT_EQ(t.separator, U'、');
  EXPECT_EQ(t.brackets, BracketWidth::none);
  EXPECT_EQ(body("一、总体情况"), "总体情况");
  EXPECT_EQ(token("十一、其他").value, 11);
  EXPECT_EQ(token("二十、其他").value, 20);
  EXPECT_EQ(token("二十三、其他").value, 23);
  EXPECT_EQ(token("十、其他").value, 10);
  EXPECT_EQ(token("三.工作计划").separator, U'.');
  EXPECT_EQ(token("三，工作计划").separator, U'，');
  EXPECT_EQ(token("三．工作计划").separator, U'．');
}

TEST(NumberToken, BracketedHanAndArabic) {
  NumberToken t = token("（一）党建引领");
  EXPECT_EQ(t.style, NumberStyle::han_paren);
  EXPECT_EQ(t.brackets, BracketWidth::full);
  EXPECT_EQ(t.separator, 0u);
  t = token("(二)党建引领");
  EXPECT_EQ(t.style, NumberStyle::han_paren);
  EXPECT_EQ(t.value, 2);
  EXPECT_EQ(t.brackets, BracketWidth::half);
  EXPECT_EQ(token("（三)x").brackets, BracketWidth::mixed);
  t = token("（12）加强培训");
  EXPECT_EQ(t.style, NumberStyle::arabic_paren);
  EXPECT_EQ(t.value, 12);
  EXPECT_EQ(token("(1)加强").style, NumberStyle::arabic_paren);
  // GB/T 15834 B.3.4 says no mark after a bracket; the outline records it for the checker.
  t = token("（一）、工作目标");
  EXPECT_EQ(t.separator, U'、');
  EXPECT_EQ(body("（一）、工作目标"), "工作目标");
}

TEST(NumberToken, ArabicWithPointOrDunhao) {
  NumberToken t = token("1.经济指标完成情况");
  EXPECT_EQ(t.style, NumberStyle::arabic);
  EXPECT_EQ(t.value, 1);
  EXPECT_EQ(t.separator, U'.');
  EXPECT_EQ(token("1、街道获得").separator, U'、');
  EXPECT_EQ(token("12．全面推进").value, 12);
  EXPECT_EQ(token("１．全角数字").value, 1);
  t = token("2. 带空格");
  EXPECT_TRUE(t.space_after);
  EXPECT_EQ(body("2. 带空格"), "带空格");
  // 2.xx职业高级中学: an ordinal followed by a placeholder is still an ordinal.
  EXPECT_EQ(token("2.xx职业高级中学改扩建项目").style, NumberStyle::arabic);
  // Longer numbers are no list numbers, and counting their digits must not overflow
  // (UBSan found signed overflow here).
  EXPECT_EQ(token("123、标题").style, NumberStyle::none);
  EXPECT_EQ(token("12345678901234、标题").style, NumberStyle::none);
  EXPECT_EQ(token("（99999999999999999999）标题").style, NumberStyle::none);
  EXPECT_EQ(token(std::string(100000, '9') + "、标题").style, NumberStyle::none);
}

TEST(NumberToken, EnclosedDigitsAndOrdinals) {
  NumberToken t = token("①加强领导");
  EXPECT_EQ(t.style, NumberStyle::circled);
  EXPECT_EQ(t.value, 1);
  EXPECT_EQ(t.brackets, BracketWidth::enclosed);
  EXPECT_EQ(token("⑳x").value, 20);
  EXPECT_EQ(token("⑴加强").style, NumberStyle::arabic_paren);
  t = token("第一，加强学习");
  EXPECT_EQ(t.style, NumberStyle::ordinal);
  EXPECT_EQ(t.value, 1);
  EXPECT_EQ(t.separator, U'，');
  EXPECT_EQ(token("第三、").separator, U'、');
}

TEST(NumberToken, TrapsAreNotHeadings) {
  for (std::string_view line : {"2023年拟实施通村硬化路", "1.5万元", "3.2%的增长", "2023.12", "8:30开会",
                                "12月底前完成", "一是完善协商体系", "一方面，积极服务", "一岗双责",
                                "一、二、三等奖均由本队获得", "1、2、3号楼", "第一次全国普查",
                                "第一批劳务移民", "（2023年）工作", "（注）", "十分重要", "一百、", "(a)",
                                "一", "（一", "总体情况", "二二、", "第六次"}) {
    EXPECT_EQ(token(line).style, NumberStyle::none) << line;
  }
}

TEST(NumberToken, RangesPointIntoTheLine) {
  const std::string_view line = "（十二）、 内容";
  const NumberToken t = token(line);
  EXPECT_EQ(line.substr(t.numeral.begin, t.numeral.end - t.numeral.begin), "十二");
  EXPECT_EQ(line.substr(t.range.begin, t.range.end - t.range.begin), "（十二）、 ");
  EXPECT_TRUE(t.space_after);
}

std::vector<std::string_view> clauses(std::string_view line) {
  std::vector<Clause> out;
  scan_clauses(line, 0, static_cast<std::uint32_t>(line.size()), 7, out);
  std::vector<std::string_view> texts;
  for (const Clause& c : out) {
    EXPECT_EQ(c.line, 7u);
    texts.push_back(line.substr(c.range.begin, c.range.size()));
  }
  return texts;
}

TEST(Clauses, SplitAtClauseBreaksAndSpaces) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(clauses("一是加强学习，全年组织24次；二是完善制度。"), (V{"一是加强学习", "全年组织24次", "二是完善制度"}));
  EXPECT_EQ(clauses("完成投资1.5万元， 增长3.2%：好"), (V{"完成投资1.5万元", "增长3.2%", "好"}));
  EXPECT_EQ(clauses("“两个确立”、“四个意识”"), (V{"“两个确立”、“四个意识”"}));  // 、 joins items of a clause
  EXPECT_EQ(clauses("。，；"), V{});
  EXPECT_EQ(clauses(""), V{});
}

}  // namespace
}  // namespace reportlint
