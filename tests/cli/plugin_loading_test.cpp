// Loading plugins, through the real binary: every failure is exit status 2 with a
// message naming the file, never a crash.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::kTestPluginDir;
using test::run_reportlint;
using test::TempDir;

std::string plugin_dir(const std::string& name) { return (kTestPluginDir / name).string(); }

TEST(PluginLoading, OutOfTreeDirectoryAddsRules) {
  auto r = run_reportlint({"--plugin-dir", plugin_dir("good"), "--list-rules"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "sample.word")) << r.out;
  EXPECT_TRUE(contains(r.out, "placeholder.unfilled")) << r.out;  // built-ins stay
  TempDir dir;
  const auto file = dir.write("d.txt", "这是样例文本。\n").string();
  r = run_reportlint({"--plugin-dir", plugin_dir("good"), "--config", "builtin:default", "--format", "gcc", file});
  EXPECT_EQ(r.status, 0);  // a warning
  EXPECT_EQ(r.out, file + ":1:3: warning: 发现“样例” [sample.word]\n");
}

TEST(PluginLoading, PluginOptionsAndTheirErrors) {
  TempDir dir;
  const auto file = dir.write("d.txt", "这是测试文本。\n").string();
  dir.write("ok.toml", "[plugins.sample]\nword = \"测试\"\nreplacement = \"检验\"\n");
  dir.write("bad.toml", "[plugins.sample]\nwrod = \"测试\"\n");
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--plugin-dir", plugin_dir("good"), "--config", "ok.toml", "--fix", "d.txt"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test::read_file(file), "这是检验文本。\n");
  r = run_reportlint({"--plugin-dir", plugin_dir("good"), "--config", "bad.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bad.toml:2:1: error: 未知的选项“wrod”")) << r.err;
}

TEST(PluginLoading, ConfigPluginPathsAreRelativeToTheConfig) {
  TempDir dir;
  dir.write("d.txt", "样例\n");
  const std::string relative = test::fs::relative(kTestPluginDir / "good", dir.path()).string();
  dir.write(".reportlint.toml", "[plugins]\npaths = [\"" + relative + "\"]\n");
  dir.write("bad/.reportlint.toml", "[plugins]\npaths = [\"nowhere\"]\n");
  dir.write("bad/d.txt", "样例\n");
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--trust", "--format", "gcc", "d.txt"}, o);
  EXPECT_EQ(r.out, "d.txt:1:1: warning: 发现“样例” [sample.word]\n") << r.err;
  r = run_reportlint({"--trust", "bad/d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bad/.reportlint.toml:2:10: error: 插件目录不存在")) << r.err;
}

struct BrokenCase {
  std::string dir;
  std::string file;
  std::string message;
};

void PrintTo(const BrokenCase& c, std::ostream* os) { *os << c.dir; }

class BrokenPluginTest : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenPluginTest, FailsWithExitTwoNamingTheFile) {
  const BrokenCase& c = GetParam();
  const auto r = run_reportlint({"--plugin-dir", plugin_dir(c.dir), "--list-rules"});
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(contains(r.err, c.file + ": error: ")) << r.err;
  EXPECT_TRUE(contains(r.err, c.message)) << r.err;
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Loader, BrokenPluginTest,
    ::testing::Values(BrokenCase{"not_a_library", "bogus.so", "不是共享库"},
                      BrokenCase{"executable", "exe.so", "无法加载插件"},
                      BrokenCase{"no_symbol", "nosymbol.so", "缺少导出符号 reportlint_plugin_info"},
                      BrokenCase{"wrong_abi", "sample.so", "插件 API 版本不匹配：插件为 999"},
                      BrokenCase{"wrong_build", "sample.so",
                                 "插件的构建环境与本程序不同：插件用 clang 99, libc++ 990000, toml++ 9.9 构建，本程序用 "},
                      BrokenCase{"bad_rule_id", "badid.so", "规则名“other.Wrong_Id”无效"},
                      BrokenCase{"missing", "missing", "插件目录不存在"}),
    [](const auto& info) { return info.param.dir; });

TEST(PluginLoading, PluginFailingDuringCheckIsReportedNotFatal) {
  TempDir dir;
  const auto file = dir.write("d.txt", "正文\n").string();
  auto r = run_reportlint({"--plugin-dir", plugin_dir("throwing"), "--config", "builtin:default", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, file + ": error: 插件“throwing”检查时出错：boom")) << r.err;
  r = run_reportlint({"--plugin-dir", plugin_dir("bad_range"), "--config", "builtin:default", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "插件“badrange”")) << r.err;
  EXPECT_TRUE(contains(r.err, "无效的文本范围")) << r.err;
}

TEST(PluginLoading, DuplicateNamesWarnAndTheFirstWins) {
  const auto r = run_reportlint({"--plugin-dir", plugin_dir("good"), "--plugin-dir", plugin_dir("duplicate"), "--list-rules"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(contains(r.err, "warning: 插件“sample”重复")) << r.err;
  EXPECT_TRUE(contains(r.err, "good/sample.so")) << r.err;
}

}  // namespace
}  // namespace reportlint
