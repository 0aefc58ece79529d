// The outline: line kinds, the section tree, sub-documents of a compilation, paragraphs
// and clauses — the one parse every checker reads.
#include <gtest/gtest.h>

#include "model/outline_builder.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::make_document;

TEST(Outline, LineKinds) {
  const Document doc = make_document(
      "xx街道2023年工作总结\n\n　　一、总体情况\n正文。\n（一）党建\n1.学习\n```\n");
  const auto& lines = doc.outline().lines;
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].kind, LineKind::title);
  EXPECT_EQ(lines[1].kind, LineKind::blank);
  EXPECT_EQ(lines[2].kind, LineKind::heading);  // ideographic-space indentation skipped
  EXPECT_EQ(lines[2].number.style, NumberStyle::han);
  EXPECT_EQ(lines[3].kind, LineKind::text);
  EXPECT_EQ(lines[4].kind, LineKind::heading);
  EXPECT_EQ(lines[5].kind, LineKind::heading);
  EXPECT_EQ(lines[6].kind, LineKind::text);  // fences mean nothing in plain text
}

TEST(Outline, SectionTreeFollowsLevels) {
  const Document doc = make_document(
      "一、总结\n（一）党建\n1.学习\n2.调研\n（二）治理\n二、问题\n1.直接跳到第三层\n");
  const Outline& o = doc.outline();
  ASSERT_EQ(o.sections.size(), 7u);
  EXPECT_EQ(o.sections[0].parent, -1);
  EXPECT_EQ(o.sections[1].parent, 0);
  EXPECT_EQ(o.sections[2].parent, 1);
  EXPECT_EQ(o.sections[3].parent, 1);
  EXPECT_EQ(o.sections[4].parent, 0);
  EXPECT_EQ(o.sections[5].parent, -1);
  EXPECT_EQ(o.sections[6].parent, 5);  // a skipped level still nests under the nearest higher one
  EXPECT_EQ(o.sections[0].end_line, 5u);
  EXPECT_EQ(o.sections[1].end_line, 4u);
  EXPECT_EQ(o.sections[2].end_line, 3u);
  EXPECT_EQ(o.sections[5].end_line, 7u);
  EXPECT_EQ(o.sections[0].children, (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(o.lines[3].section, 3);
  ASSERT_EQ(o.documents.size(), 1u);
  EXPECT_EQ(o.documents[0].sections, (std::vector<std::uint32_t>{0, 5}));
}

TEST(Outline, DocumentStartingAtSecondLevel) {
  const Document doc = make_document("（一）思想\n（二）就业\n");
  EXPECT_EQ(doc.outline().sections[0].parent, -1);
  EXPECT_EQ(doc.outline().sections[1].parent, -1);
  EXPECT_EQ(doc.outline().documents[0].sections.size(), 2u);
}

TEST(Outline, CompilationSplitsAtTitles) {
  const Document doc = make_document(
      "\n2023年工作总结汇编（3篇）\n\n甲局2023年工作总结\n\n一、重点工作\n二、问题\n\n"
      "乙局2022年工作总结\n（一）思想\n（二）就业\n特此报告\n");
  const Outline& o = doc.outline();
  ASSERT_EQ(o.documents.size(), 3u);
  EXPECT_EQ(o.documents[0].title_line, 1);
  EXPECT_EQ(o.documents[0].begin_line, 0u);  // leading blank line belongs to the first document
  EXPECT_EQ(o.documents[1].title_line, 3);
  EXPECT_EQ(o.documents[2].title_line, 8);
  EXPECT_EQ(o.documents[2].end_line, 12u);
  // （一） of the third report is a top-level section of its own document, not a child of 二、.
  EXPECT_EQ(o.sections[2].document, 2u);
  EXPECT_EQ(o.sections[2].parent, -1);
  EXPECT_EQ(o.lines[11].kind, LineKind::text);  // 特此报告 closes a report, it is no title
}

TEST(Outline, TitleHeuristics) {
  EXPECT_TRUE(looks_like_title("关于开展安全生产大检查的通知"));
  EXPECT_TRUE(looks_like_title("2023年度工作总结暨2024年工作计划（街道）"));
  EXPECT_TRUE(looks_like_title("教育体育局2022年工作总结及2023年工作计划"));
  EXPECT_TRUE(looks_like_title("个人述职报告"));
  EXPECT_FALSE(looks_like_title("特此通知"));
  EXPECT_FALSE(looks_like_title("现将有关事项通知如下："));
  EXPECT_FALSE(looks_like_title("全面完成了年度工作计划。"));
  EXPECT_FALSE(looks_like_title("总结"));
  EXPECT_FALSE(looks_like_title("县交通部门多措并举，切实落实好全县道路运输市场监管服务工作"));
}

TEST(Outline, SubtitleStaysWithItsTitle) {
  const Document doc = make_document("凝心聚力谱新篇的工作总结\n——xx街道2023年工作总结\n\n一、成绩\n");
  EXPECT_EQ(doc.outline().documents.size(), 1u);
}

TEST(Outline, MarkdownHeadingsCodeAndParagraphs) {
  const Document doc = make_document(
      "# xx街道工作总结\n\n## 一、成绩\n第一行\n接着写\n\n```\n一、不是标题\n```\n", "a.md");
  const Outline& o = doc.outline();
  EXPECT_EQ(o.lines[0].kind, LineKind::title);
  EXPECT_EQ(o.lines[2].kind, LineKind::heading);
  EXPECT_EQ(o.lines[7].kind, LineKind::code);
  ASSERT_EQ(o.paragraphs.size(), 3u);  // title, heading, and the joined two lines
  EXPECT_EQ(o.paragraphs[2].first_line, 3u);
  EXPECT_EQ(o.paragraphs[2].last_line, 4u);
}

TEST(Verbatim, UrlsEmailsAndMarkdownCode) {
  const Document doc = make_document(
      "见 https://www.xx.gov.cn/a?b=1。邮箱 xxx@xx.com，www.example.com。\n代码 `xx = 1` 和 <!-- 注释 xx -->\n",
      "a.md");
  std::vector<std::string_view> spans;
  for (TextRange r : doc.verbatim()) spans.push_back(doc.slice(r));
  EXPECT_EQ(spans, (std::vector<std::string_view>{"https://www.xx.gov.cn/a?b=1", "xxx@xx.com", "www.example.com",
                                                   "`xx = 1`", "<!-- 注释 xx -->"}));
  const Document plain = make_document("代码 `xx` 照常检查\n");
  EXPECT_TRUE(plain.verbatim().empty());
}

TEST(Verbatim, IsVerbatimFindsOverlaps) {
  const Document doc = make_document("甲 http://a.b/c 乙\n");
  const auto at = static_cast<std::uint32_t>(doc.text().find("a.b"));
  EXPECT_TRUE(doc.is_verbatim({at, at + 1}));
  EXPECT_FALSE(doc.is_verbatim({0, 3}));
}

TEST(Outline, AttachmentsAreDocumentsOfTheirOwn) {
  // GB/T 9704-2012: the 附件说明 lists the attachments (附件：1.…… ⏎ 2.……, one list, not
  // headings); each attachment after the 成文日期 starts with 附件N and its own title, and
  // numbers its headings from 一、 again.
  const Document doc = make_document(
      "江城县人民政府关于印发两个方案的通知\n各乡镇：\n现将两个方案印发给你们。\n"
      "附件：1.江城县安全生产方案\n2.江城县防汛方案\n江城县人民政府\n2024年3月1日\n"
      "附件1\n江城县安全生产方案\n一、目标\n正文。\n附件2\n\n江城县防汛工作安排表\n一、目标\n正文。\n");
  const Outline& o = doc.outline();
  EXPECT_EQ(o.lines[3].kind, LineKind::text);
  EXPECT_EQ(o.lines[4].kind, LineKind::text);  // 2.江城县防汛方案: an item of the note
  EXPECT_EQ(o.lines[4].number.style, NumberStyle::none);
  ASSERT_EQ(o.documents.size(), 3u);
  EXPECT_EQ(o.documents[0].end_line, 7u);
  EXPECT_EQ(o.documents[1].begin_line, 7u);
  EXPECT_EQ(o.documents[1].title_line, 8);
  EXPECT_EQ(o.documents[2].title_line, 13);  // a title not ending in a 文种 word is still the title
  EXPECT_EQ(o.lines[13].kind, LineKind::title);
  EXPECT_EQ(o.documents[2].sections.size(), 1u);
}

TEST(Outline, ARepeatedTitleIsOneDocument) {
  // 2023年……政府工作报告 ⏎ (an invisible character) ⏎ 政府工作报告: one report, not an
  // empty one and a second.
  const Document doc = make_document(
      "2023年中华人民共和国国务院政府工作报告\n\u200b\n政府工作报告\n——2023年3月5日在大会上\n各位代表：\n正文。\n");
  const Outline& o = doc.outline();
  EXPECT_EQ(o.lines[1].kind, LineKind::blank);
  ASSERT_EQ(o.documents.size(), 1u);
  EXPECT_EQ(o.documents[0].title_line, 0);
}

TEST(Outline, ASentenceIsNoTitleWhateverWordItEndsOn) {
  const Document doc = make_document(
      "2012年政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请各位代表审议，并请全国政协委员提出意见\n");
  EXPECT_EQ(doc.outline().lines[2].kind, LineKind::text);
  EXPECT_EQ(doc.outline().documents.size(), 1u);
}

}  // namespace
}  // namespace reportlint
