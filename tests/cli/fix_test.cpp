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
  EXPECT_NE(r.err.find("<stdin>:1:5: error: 不是有效的 UTF-8 文本"), std::string::npos) << r.err;
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
  if (::geteuid() == 0) GTEST_SKIP() << "root can write anywhere";
  TempDir dir;
  const auto file = dir.write("ro/d.txt", "D员干部带头。\n");
  test::fs::permissions(dir.path() / "ro", test::fs::perms::owner_read | test::fs::perms::owner_exec);
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("原文件未改动"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(file), "D员干部带头。\n");
}

}  // namespace
}  // namespace reportlint
