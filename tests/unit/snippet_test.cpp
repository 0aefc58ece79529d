// Carets under the exact characters: wide characters take two columns.
#include <gtest/gtest.h>

#include "output/snippet.hpp"

namespace reportlint {
namespace {

std::string caret_line(const Snippet& s) { return std::string(s.caret_column, ' ') + std::string(s.caret_width, '^'); }

TEST(LineLayout, CaretsUnderWideCharacters) {
  const std::string line = "截至目前，组织中心组理论学习xx次";
  const std::size_t at = line.find("xx");
  const Snippet s = LineLayout(line).snippet(at, at + 2, 200);
  EXPECT_EQ(s.text, line);
  EXPECT_EQ(s.caret_column, 28u);  // 14 wide characters
  EXPECT_EQ(s.caret_width, 2u);
  const Snippet wide = LineLayout("四、2024年工作计划").snippet(0, 6, 200);
  EXPECT_EQ(caret_line(wide), "^^^^");
}

TEST(LineLayout, TabsAndControlCharacters) {
  const Snippet s = LineLayout("a\tb\x01" "c").snippet(4, 5, 200);
  EXPECT_EQ(s.text, "a   b\u2401c");
  EXPECT_EQ(s.caret_column, 6u);
}

TEST(LineLayout, EmptyRangeStillGetsOneCaret) {
  const Snippet s = LineLayout("甲乙").snippet(3, 3, 200);
  EXPECT_EQ(s.caret_column, 2u);
  EXPECT_EQ(s.caret_width, 1u);
}

TEST(LineLayout, LongLinesAreWindowedAroundTheRange) {
  std::string line;
  for (int i = 0; i < 200; ++i) line += "字";
  const std::size_t at = line.size() / 2;
  line.insert(at, "xx");
  const Snippet s = LineLayout(line).snippet(at, at + 2, 60);
  EXPECT_TRUE(s.text.starts_with("..."));
  EXPECT_TRUE(s.text.ends_with("..."));
  const std::size_t x = s.text.find("xx");
  ASSERT_NE(x, std::string::npos);
  // Display column of "xx" in the shown text: 3 for "...", 2 per 字 before it.
  const std::size_t before = (x - 3) / 3;
  EXPECT_EQ(s.caret_column, 3 + before * 2);
  EXPECT_EQ(s.caret_width, 2u);
  EXPECT_LE(s.text.size(), 60u * 3);
}

}  // namespace
}  // namespace reportlint
