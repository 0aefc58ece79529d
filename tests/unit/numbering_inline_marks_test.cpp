// The numbering plugin's analysis of the outline's clauses: enumeration words where a
// clause starts, numbering tokens glued after a sentence end, and their grouping per
// section body.
#include <gtest/gtest.h>

#include <string>

#include "numbering/inline_marks.hpp"
#include "support/helpers.hpp"

namespace reportlint::numbering {
namespace {

InlineMarks marks_of(std::string_view line) { return find_inline_marks(test::make_document(std::string(line))); }

std::vector<EnumMarker> markers(std::string_view line) { return marks_of(line).markers; }

std::vector<GluedToken> glued(std::string_view line) { return marks_of(line).glued; }

// Offsets are into the document's text, which is the line itself here.
std::string_view text_of(std::string_view line, TextRange r) { return line.substr(r.begin, r.size()); }

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
  EXPECT_EQ(text_of(line, m[1].range), "二是");
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

TEST(GluedTokens, NotAtTheStartOfALineOrAfterASpace) {
  EXPECT_TRUE(glued("二、存在问题").empty());      // a heading, not glued
  EXPECT_TRUE(glued("取得成效。 二、存在问题").empty());  // a space after the full stop: not right after it
  ASSERT_EQ(glued("取得成效。。二、存在问题").size(), 1u);
}

TEST(EnumerationMarkers, OnlyWhereAClauseStarts) {
  const std::string_view line = "工作中一是学习，二是调研";  // the first 一是 is inside a clause
  auto m = markers(line);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text_of(line, m[0].range), "二是");
}

TEST(InlineMarks, EnumerationsGroupPerSectionBody) {
  const Document doc = test::make_document(
      "（一）党建。一是学习；二是调研。\n续行：三是整改。\n（二）治理。一是排查；第一，甲；第二，乙。\n");
  const InlineMarks o = find_inline_marks(doc);
  ASSERT_EQ(o.markers.size(), 6u);
  ASSERT_EQ(o.enumerations.size(), 3u);
  EXPECT_EQ(o.enumerations[0].family, EnumFamily::shi);
  EXPECT_EQ(o.enumerations[0].markers.size(), 3u);  // across the broken line, same section
  EXPECT_EQ(o.enumerations[1].markers.size(), 1u);
  EXPECT_EQ(o.enumerations[2].family, EnumFamily::di);
}

}  // namespace
}  // namespace reportlint::numbering
