// The one TOML table reader behind configs, phrase packs, document types and plugins'
// own files: types checked, unknown keys listed with the allowed ones, positions kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reportlint/toml_schema.hpp"

namespace reportlint {
namespace {

struct Reported {
  std::uint32_t line, column;
  std::string message;
};

TEST(TableReader, ReadsDeclaredKeysAndReportsTheRestOnce) {
  const toml::table table = toml::parse("id = \"a\"\ncertain = \"yes\"\nlevel = 99\nwords = [\"x\", \"\", 3]\nmach = 1\n");
  std::vector<Reported> reported;
  TableReader entry(table, "entry", [&](const toml::source_region& where, std::string message) {
    reported.push_back({where.begin.line, where.begin.column, std::move(message)});
  });
  EXPECT_EQ(entry.string("id", true), "a");
  EXPECT_EQ(entry.boolean("certain"), std::nullopt);
  EXPECT_EQ(entry.integer("level", 0, 10), std::nullopt);
  EXPECT_EQ(entry.strings("words", true), std::vector<std::string>{"x"});
  EXPECT_EQ(entry.string("absent"), std::nullopt);
  EXPECT_TRUE(entry.strings("absent_too").empty());
  entry.finish();
  EXPECT_FALSE(entry.ok());
  ASSERT_EQ(reported.size(), 5u);
  EXPECT_EQ(reported[0].message, "“certain”应为布尔值（true 或 false）");
  EXPECT_EQ(reported[0].line, 2u);
  EXPECT_EQ(reported[1].message, "“level”应为 0 到 10 之间的整数");
  EXPECT_EQ(reported[2].message, "“words”的元素应为非空字符串");
  EXPECT_EQ(reported[3].message, "“words”的元素应为非空字符串");
  EXPECT_EQ(reported[4].message, "entry 中未知的键“mach”（可用：id、certain、level、words、absent、absent_too）");
  EXPECT_EQ(reported[4].line, 5u);
  EXPECT_EQ(reported[4].column, 1u);
}

TEST(TableReader, AChineseNameTakesNoSpaceAndAGoodTableIsOk) {
  const toml::table table = toml::parse("name = \"x\"\n[sources]\na = \"b\"\n");
  std::vector<std::string> reported;
  TableReader pack(table, "短语包", [&](const toml::source_region&, std::string m) { reported.push_back(std::move(m)); });
  EXPECT_EQ(pack.string("name"), "x");
  ASSERT_NE(pack.table("sources"), nullptr);
  pack.finish();
  EXPECT_TRUE(pack.ok());
  EXPECT_TRUE(reported.empty());

  const toml::table other = toml::parse("nmae = 1\n");
  TableReader again(other, "短语包", [&](const toml::source_region&, std::string m) { reported.push_back(std::move(m)); });
  again.string("name");
  again.finish();
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0], "短语包中未知的键“nmae”（可用：name）");
}

TEST(TableReader, NamedKeysAndAStringOrStrings) {
  const toml::table table = toml::parse("one = \"a\"\nmany = [\"b\", 2, \"c\"]\nbad = 3\nstlye = 1\n");
  std::vector<std::string> reported;
  TableReader options(table, "", [&](const toml::source_region&, std::string m) { reported.push_back(std::move(m)); });
  options.keys_called("选项");
  ASSERT_EQ(options.string_or_strings("one").size(), 1u);
  EXPECT_EQ(options.problems(), 0u);
  const auto many = options.string_or_strings("many");
  ASSERT_EQ(many.size(), 2u);
  EXPECT_EQ(many[1].value, "c");
  EXPECT_EQ(many[1].source.begin.line, 2u);
  EXPECT_EQ(options.problems(), 1u);  // the 2, reported and skipped
  EXPECT_TRUE(options.string_or_strings("bad").empty());
  options.finish();
  ASSERT_EQ(reported.size(), 3u);
  EXPECT_EQ(reported[0], "选项“many”的元素应为字符串");
  EXPECT_EQ(reported[1], "选项“bad”应为字符串或字符串数组");
  EXPECT_EQ(reported[2], "未知的选项“stlye”（可用：one、many、bad）");  // no table named: no 中
}

}  // namespace
}  // namespace reportlint
