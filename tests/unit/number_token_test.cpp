// Numbering tokens at the start of a line: kinds, values, brackets, separators — and the
// lines that only look like headings.
#include <gtest/gtest.h>

#include <string>

#include "model/number_token.hpp"

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

std::vector<EnumMarker> markers(std::string_view line) {
  std::vector<Clause> clauses;
  std::vector<EnumMarker> out;
  std::vector<GluedToken> glued;
  scan_clauses(line, 0, static_cast<std::uint32_t>(line.size()), 0, clauses, out, glued);
  return out;
}

std::vector<GluedToken> glued(std::string_view line) {
  std::vector<Clause> clauses;
  std::vector<EnumMarker> markers;
  std::vector<GluedToken> out;
  scan_clauses(line, 0, static_cast<std::uint32_t>(line.size()), 0, clauses, markers, out);
  return out;
}

std::vector<std::string_view> clauses(std::string_view line) {
  std::vector<Clause> out;
  std::vector<EnumMarker> markers;
  std::vector<GluedToken> glued;
  scan_clauses(line, 0, static_cast<std::uint32_t>(line.size()), 7, out, markers, glued);
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

TEST(GluedTokens, AfterASentenceEndOnly) {
  auto g = glued("（一）党建工作取得成效。二、存在问题：人员不足；（三）下一步。1.5万元已到位。3.加强学习");
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].token.style, NumberStyle::han);
  EXPECT_EQ(g[0].token.value, 2);
  EXPECT_EQ(g[1].token.style, NumberStyle::han_paren);
  EXPECT_EQ(g[2].token.style, NumberStyle::arabic);  // 1.5万元 is a number, not a heading
  EXPECT_TRUE(glued("包揽一、二、三等奖。投资2023年").empty());
  EXPECT_TRUE(glued("主要问题：（1）学习不够，（2）调研不足").empty());  // after ： and ， it is a list
}

TEST(EnumerationMarkers, ShiFamily) {
  const std::string_view line = "（一）党建引领。一是思想建设持续加强。二是作风建设；三是基层组织建设。";
  auto m = markers(line);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].family, EnumFamily::shi);
  EXPECT_EQ(m[0].value, 1);
  EXPECT_EQ(m[2].value, 3);
  EXPECT_EQ(line.substr(m[1].range.begin, m[1].range.end - m[1].range.begin), "二是");
  EXPECT_EQ(markers("十是加强").front().value, 10);
}

TEST(EnumerationMarkers, DiAndOrderFamilies) {
  auto m = markers("第一，加强学习；第二、完善制度。首先，统一思想；其次，明确责任；最后，狠抓落实。");
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].family, EnumFamily::di);
  EXPECT_EQ(m[1].after, U'、');
  EXPECT_EQ(m[2].family, EnumFamily::order);
  EXPECT_EQ(m[2].value, 1);
  EXPECT_EQ(m[3].value, 2);
  EXPECT_EQ(m[4].value, kOrderLast);
}

TEST(EnumerationMarkers, OrdinaryWordsAreNotMarkers) {
  for (std::string_view line : {"统一是关键", "唯一是", "一是一，二是二", "一是否达标", "第一次会议",
                                "全市排名第六，优生率第三", "打通最后一公里", "存在再次停工的风险",
                                "首先要提高认识", "第一批", "其次要加强", "同一是非标准"}) {
    EXPECT_TRUE(markers(line).empty()) << line;
  }
}

}  // namespace
}  // namespace reportlint
