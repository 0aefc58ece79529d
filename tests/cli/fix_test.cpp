// --fix: certain fixes only, in place and atomically; BOM, line endings and permissions
// kept; a second run changes nothing; nothing is lost.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::run_reportlint;
using test::TempDir;

constexpr const char* kDraft =
    "\xEF\xBB\xBF" "深入学习贯彻D的二十大精神。\r\n"
    "##paidbegin##\r\n"
    "通过AAA群发布xx条信息。\r\n"
    "【文秘素材库】——每天更新材料1000多篇，会员群+网盘群同步更新，一键极速下载，有意加入请联系客服\r\n";

constexpr const char* kFixed =
    "\xEF\xBB\xBF" "深入学习贯彻党的二十大精神。\r\n"
    "通过微信群发布xx条信息。\r\n"
    "【文秘素材库】——每天更新材料1000多篇，会员群+网盘群同步更新，一键极速下载，有意加入请联系客服\r\n";

TEST(Fix, AppliesCertainFixesAndKeepsBomLineEndingsAndPermissions) {
  TempDir dir;
  const auto file = dir.write("d.txt", kDraft);
  ::chmod(file.c_str(), 0640);
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", "--format", "gcc", file.string()});
  EXPECT_EQ(r.status, 1) << r.err;  // xx and the advertisement remain
  EXPECT_EQ(test::read_file(file), kFixed);
  struct stat st {};
  ::stat(file.c_str(), &st);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  // What remains is reported against the fixed text.
  EXPECT_EQ(r.out, file.string() + ":2:8: error: 未填写的占位符“xx” [placeholder.unfilled]\n" + file.string() +
                       ":3:1: error: 模板网站的广告未删除 [placeholder.template-artifact]\n");
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(test::fs::directory_iterator(dir.path()), test::fs::directory_iterator()), 1);
}

TEST(Fix, SecondRunChangesNothing) {
  TempDir dir;
  const auto file = dir.write("d.txt", kDraft);
  run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  const std::string once = test::read_file(file);
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_EQ(test::read_file(file), once);
  EXPECT_FALSE(r.out.find("fixed") != std::string::npos) << r.out;
}

TEST(Fix, SummaryCountsFixes) {
  TempDir dir;
  const auto file = dir.write("d.txt", kDraft);
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_NE(r.out.find("fixed 3 problems in 1 file\n2 errors in 1 file\n"), std::string::npos) << r.out;
}

TEST(Fix, FollowsSymbolicLinksAndKeepsThem) {
  TempDir dir;
  const auto target = dir.write("real.txt", "D员干部带头。\n");
  const auto link = dir.path() / "link.txt";
  test::fs::create_symlink(target, link);
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", link.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(test::fs::is_symlink(link));
  EXPECT_EQ(test::read_file(target), "党员干部带头。\n");
}

TEST(Fix, StandardInputWritesTheFixedTextToStandardOutput) {
  test::RunOptions o;
  o.input = "D员干部带头，完成xx项。\n";
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", "--format", "gcc", "-"}, o);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "党员干部带头，完成xx项。\n");
  EXPECT_EQ(r.err, "<stdin>:1:10: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
}

TEST(Fix, StandardInputThatCannotBeLintedPassesThroughUnchanged) {
  test::RunOptions o;
  o.input = "D员干部\xFF带头。\n";  // invalid UTF-8
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", "-"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, o.input);  // an editor piping through reportlint keeps the text
  EXPECT_NE(r.err.find("<stdin>:1:5: error: 既不是有效的 UTF-8 文本"), std::string::npos) << r.err;
}

TEST(Fix, StandardInputMustBeTheOnlyInput) {
  TempDir dir;
  const auto file = dir.write("d.txt", "D员\n");
  test::RunOptions o;
  o.input = "D员\n";
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string(), "-"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(test::read_file(file), "D员\n");
}

TEST(Fix, UnwritableDirectoryLeavesTheFileIntact) {
  // As an unprivileged user (permissions do not bind root): the draft is writable, its
  // directory is not, so no temporary file can be made beside it.
  if (!test::can_run_as_nobody()) GTEST_SKIP() << "needs root, setpriv, and a checkout other users can reach, to act as another user";
  TempDir dir;
  test::fs::permissions(dir.path(), test::fs::perms::all);
  const auto file = dir.write("ro/d.txt", "D员干部带头。\n");
  test::fs::permissions(file, test::fs::perms::all);
  test::fs::permissions(dir.path() / "ro", test::fs::perms::owner_all | test::fs::perms::group_read | test::fs::perms::group_exec |
                                               test::fs::perms::others_read | test::fs::perms::others_exec);
  const auto r = test::run_reportlint_as_nobody({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("无法在同一目录创建临时文件"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("原文件未改动"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(file), "D员干部带头。\n");
}

TEST(Fix, ManyRepeatedNumbersAreRenumberedInOnePass) {
  // 50 headings all numbered 一、: one fix renumbers the whole list, so one --fix run
  // settles it and a second changes nothing.
  std::string draft = "测试报告\n";
  std::string expected = draft;
  static constexpr std::string_view kHan[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int i = 1; i <= 50; ++i) {
    draft += "一、标题\n正文。\n";
    std::string numeral = std::string(i >= 20 ? kHan[i / 10] : "") + (i >= 10 ? "十" : "") + std::string(kHan[i % 10]);
    expected += numeral + "、标题\n正文。\n";
  }
  TempDir dir;
  const auto file = dir.write("d.txt", draft);
  auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(test::read_file(file), expected);
  r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_EQ(test::read_file(file), expected);

  // 150 of them: 一百、 is no numbering token, so no renumbering is offered, and nothing
  // like 100、 is written.
  std::string long_list = "测试报告\n";
  for (int i = 0; i < 150; ++i) long_list += "一、标题\n";
  const auto other = dir.write("e.txt", long_list);
  r = run_reportlint({"--config", "builtin:default", "--fix", other.string()});
  EXPECT_EQ(test::read_file(other), long_list);
  EXPECT_TRUE(test::contains(r.out, "[numbering.duplicate]")) << r.out;
}

TEST(Fix, AFixThatRecreatesItsFindingStopsAtOnce) {
  // The sample plugin replaces its word with the option's replacement; one that holds the
  // word again would grow the text on every pass. --fix stops after the first and says so.
  TempDir dir;
  const auto file = dir.write("d.txt", "这是测试文本。\n");
  dir.write("c.toml", "[plugins.sample]\nword = \"测试\"\nreplacement = \"测试测试\"\n");
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--plugin-dir", (test::kTestPluginDir / "good").string(), "--config", "c.toml", "--fix",
                                 "--format", "gcc", "d.txt"},
                                o);
  EXPECT_EQ(test::read_file(file), "这是测试测试文本。\n");  // one pass, not ten
  EXPECT_TRUE(test::contains(r.out, "warning: 规则“sample.word”的修复没有收敛")) << r.out;
  EXPECT_TRUE(test::contains(r.out, "[reportlint.unstable-fix]")) << r.out;
}

}  // namespace
}  // namespace reportlint
