// Phrase packs from the command line: a broken pack, a bad option or an unknown entry is
// an error naming the file, line and column (exit status 2), never a silent skip.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::RunOptions;
using test::TempDir;

class PackErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("d.txt", "截止目前完成。\n");
    dir_.write("c.toml", "[plugins.phrasing]\nextra_packs = [\"p.toml\"]\n");
    options_.cwd = dir_.path();
  }
  // Lints d.txt with the pack p.toml holding `pack`.
  test::ProcessResult lint_with(const std::string& pack) {
    dir_.write("p.toml", pack);
    return run_reportlint({"--config", "c.toml", "d.txt"}, options_);
  }
  TempDir dir_;
  RunOptions options_;
};

TEST_F(PackErrors, AReplacementThatHoldsItsMatchIsRefused) {
  // It would be found again after the fix: --fix would double the text on every pass.
  auto r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"gz\"\nmatch = \"工作\"\nreplace = [\"工作工作\"]\ncertain = true\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:3:1: error: 条目“gz”的替换文字“工作工作”包含了要替换的“工作”")) << r.err;
  // Unless the entry's exceptions rule the new text out: the match is correct after 全面.
  r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"gz\"\nmatch = \"工作\"\nreplace = [\"全面工作\"]\n"
                "not_after = [\"全面\"]\ncertain = true\n");
  EXPECT_NE(r.status, 2) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(PackErrors, AHostilePackIsRefusedWithItsPosition) {
  std::string dotted = "x";
  for (int i = 0; i < 100000; ++i) dotted += ".x";
  const auto r = lint_with("[pack]\nrule = \"misused\"\n" + dotted + " = 1\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:3:")) << r.err;
  EXPECT_TRUE(contains(r.err, "键的层级太多")) << r.err;
}

TEST_F(PackErrors, UnknownKeysAndWrongTypes) {
  auto r = lint_with("[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\nreplce = [\"乙\"]\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:4:1: error: entry 中未知的键“replce”")) << r.err;
  EXPECT_EQ(r.out, "");

  r = lint_with("[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\nrule = \"misused\"\ncertain = \"yes\"\nreplace = [\"乙\"]\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:5:11: error: “certain”应为布尔值（true 或 false）")) << r.err;

  r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\nexcept = \"甲乙丙\"\n");
  EXPECT_TRUE(contains(r.err, "p.toml:6:10: error: “except”应为字符串数组")) << r.err;
}

TEST_F(PackErrors, BadEntries) {
  auto r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"a\"\nmatch = \"截止{date}\"\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:5:9: error: “match”中未知的占位“{date}”")) << r.err;

  r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"a\"\nmatch = \"{num}年\"\n");
  EXPECT_TRUE(contains(r.err, "“match”应以文字开头")) << r.err;

  r = lint_with("[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\nrule = \"wrong\"\n");
  EXPECT_TRUE(contains(r.err, "p.toml:4:8: error: “rule”应为以下之一：misused、variant")) << r.err;

  r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\ncertain = true\n");
  EXPECT_TRUE(contains(r.err, "标明 certain = true，但没有 replace")) << r.err;

  // An id the built-in packs already use.
  r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"截止目前\"\nmatch = \"甲乙\"\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:4:6: error: 短语条目 id“截止目前”重复")) << r.err;

  r = lint_with("[[entry]]\nid = \"a\"\nmatch = \"甲乙\"\n");
  EXPECT_TRUE(contains(r.err, "条目“a”没有“rule”")) << r.err;

  r = lint_with("[[entry\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:1:")) << r.err;
  EXPECT_TRUE(contains(r.err, "短语包语法错误")) << r.err;
}

TEST_F(PackErrors, OptionsNameTheConfig) {
  dir_.write("c2.toml", "[plugins.phrasing]\nextra_packs = [\"missing.toml\"]\ndisable = [\"no-such-entry\"]\n");
  const auto r = run_reportlint({"--config", "c2.toml", "d.txt"}, options_);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c2.toml:2:16: error: 找不到短语包文件 missing.toml")) << r.err;
  EXPECT_TRUE(contains(r.err, "c2.toml:3:12: error: 没有 id 为“no-such-entry”的短语条目")) << r.err;

  dir_.write("c3.toml", "[plugins.phrasing]\npacks = [\"builtin:nosuch\"]\n");
  const auto r3 = run_reportlint({"--config", "c3.toml", "d.txt"}, options_);
  EXPECT_EQ(r3.status, 2);
  EXPECT_TRUE(contains(r3.err, "c3.toml:2:10: error: 找不到短语包文件")) << r3.err;
}

TEST_F(PackErrors, AGoodPackIsUsed) {
  const auto r = lint_with("[pack]\nrule = \"misused\"\n[[entry]]\nid = \"wancheng\"\nmatch = \"完成\"\n"
                           "replace = [\"做完\"]\nsource = \"测试\"\n");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "“完成”应为“做完” [phrasing.misused]")) << r.out;
  EXPECT_TRUE(contains(r.out, "= note: 依据：测试")) << r.out;
  EXPECT_TRUE(contains(r.out, "“截止目前”应为“截至目前”")) << r.out;  // the built-in packs are still there
}

}  // namespace
}  // namespace reportlint
