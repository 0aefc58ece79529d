// Positions: byte offset ↔ (line, column) in code points, display columns, bytes, UTF-16.
#include <gtest/gtest.h>

#include "model/position.hpp"
#include "support/helpers.hpp"
#include "unicode/width.hpp"

namespace reportlint {
namespace {

using test::make_document;

std::uint32_t offset_of(std::string_view text, std::string_view needle) {
  return static_cast<std::uint32_t>(text.find(needle));
}

TEST(DisplayWidth, FollowsEastAsianWidth) {
  EXPECT_EQ(display_width(U'a'), 1);
  EXPECT_EQ(display_width(U'中'), 2);
  EXPECT_EQ(display_width(U'，'), 2);       // full-width comma: F
  EXPECT_EQ(display_width(U'、'), 2);
  EXPECT_EQ(display_width(U'“'), 1);        // ambiguous: one column, as the contract says
  EXPECT_EQ(display_width(U'…'), 1);
  EXPECT_EQ(display_width(U'—'), 1);
  EXPECT_EQ(display_width(char32_t{0x0301}), 0);  // combining acute accent
  EXPECT_EQ(display_width(char32_t{0x200B}), 0);  // zero width space
  EXPECT_EQ(display_width(char32_t{0x20000}), 2); // 𠀀, CJK Extension B
  EXPECT_EQ(display_width(char32_t{0x1F600}), 2); // 😀
  EXPECT_EQ(display_width(U'한'), 2);
  EXPECT_EQ(display_width(U'Ａ'), 2);       // full-width Latin
  EXPECT_EQ(display_width("截至2024年"), 10u);
}

TEST(PositionMapper, CountsCodePointsOnMixedLines) {
  const Document doc = make_document("一、总体情况\n截至2024年，完成投资XXX亿元。\n");
  PositionMapper cp(doc, ColumnUnit::codepoint);
  const auto at = offset_of(doc.text(), "XXX");
  EXPECT_EQ(cp.at(at), (Position{2, 13}));
  EXPECT_EQ(cp.at(at + 3), (Position{2, 16}));
  EXPECT_EQ(cp.at(0), (Position{1, 1}));
}

TEST(PositionMapper, OtherUnitsOnTheSameOffset) {
  const Document doc = make_document("截至2024年，完成投资XXX亿元。");
  const auto at = offset_of(doc.text(), "XXX");
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::codepoint).at(at).column, 13u);
  // 截至(4) 2024(4) 年(2) ，(2) 完成投资(8) = 20 columns before
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::display).at(at).column, 21u);
  // 8 Chinese characters × 3 bytes + 4 digits = 28 bytes before
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::byte).at(at).column, 29u);
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::utf16).at(at).column, 13u);
}

TEST(PositionMapper, Utf16CountsSurrogatePairs) {
  const Document doc = make_document("𠀀𠀁是xx");
  const auto at = offset_of(doc.text(), "xx");
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::codepoint).at(at).column, 4u);
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::utf16).at(at).column, 6u);
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::display).at(at).column, 7u);
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::byte).at(at).column, 12u);
}

TEST(PositionMapper, HandlesEveryLineEnding) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const Document doc = make_document("第一行" + eol + "第二行xx" + eol + "三");
    ASSERT_EQ(doc.lines().size(), 3u) << "eol size " << eol.size();
    PositionMapper m(doc, ColumnUnit::codepoint);
    EXPECT_EQ(m.at(offset_of(doc.text(), "xx")), (Position{2, 4}));
    EXPECT_EQ(m.at(offset_of(doc.text(), "三")), (Position{3, 1}));
  }
}

TEST(PositionMapper, EndOfTextAfterFinalNewlineIsTheNextLine) {
  const Document doc = make_document("ab\n");
  PositionMapper m(doc, ColumnUnit::codepoint);
  EXPECT_EQ(m.at(2), (Position{1, 3}));  // end of line 1's content
  EXPECT_EQ(m.at(3), (Position{2, 1}));  // after its terminator
}

TEST(PositionMapper, GoingBackwardsOnALineStillWorks) {
  const Document doc = make_document("甲乙丙丁戊");
  PositionMapper m(doc, ColumnUnit::codepoint);
  EXPECT_EQ(m.at(12).column, 5u);
  EXPECT_EQ(m.at(3).column, 2u);
  EXPECT_EQ(m.at(9).column, 4u);
}

TEST(PositionMapper, OffsetOfInvertsAt) {
  const Document doc = make_document("一、总体\n截至2024年，完成XXX亿元\n");
  for (ColumnUnit unit : {ColumnUnit::codepoint, ColumnUnit::display, ColumnUnit::byte, ColumnUnit::utf16}) {
    PositionMapper m(doc, unit);
    for (std::uint32_t off : {0u, 6u, offset_of(doc.text(), "2024"), offset_of(doc.text(), "XXX")}) {
      EXPECT_EQ(m.offset_of(m.at(off)), off) << to_string(unit) << " offset " << off;
    }
  }
}

TEST(PositionMapper, EmptyDocument) {
  const Document doc = make_document("");
  EXPECT_TRUE(doc.lines().empty());
  EXPECT_EQ(PositionMapper(doc, ColumnUnit::codepoint).at(0), (Position{1, 1}));
}

}  // namespace
}  // namespace reportlint

namespace reportlint {
namespace {

TEST(Utf8, CountCodePointsAgreesWithDecodingAtEveryLength) {
  // Lengths around the eight-byte blocks, with 1-, 2-, 3- and 4-byte characters.
  const std::string sample = "a中é𠀀b，2023年ü文x😀字";
  for (std::size_t n = 0; n <= sample.size(); ++n) {
    const std::string_view s(sample.data(), n);
    std::size_t decoded = 0;
    for (unsigned char b : s) decoded += (b & 0xC0) != 0x80;
    EXPECT_EQ(utf8::count_code_points(s), decoded) << "length " << n;
  }
}

}  // namespace
}  // namespace reportlint
