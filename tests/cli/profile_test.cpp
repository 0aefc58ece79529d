// Document-type profiles from the command line and the config: which profile a report is
// checked against and why (a note on every finding that depends on it), and the errors
// a wrong profile name or a broken profile file gives.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::RunOptions;
using test::TempDir;

constexpr const char* kSummaryWithoutPlan =
    "江城县林业局2023年工作总结\n\n一、主要成绩\n全年完成植树造林1.2万亩。\n二、存在问题\n护林员队伍年龄偏大。\n";

TEST(Profiles, DetectedProfileIsNamedInANote) {
  TempDir dir;
  const auto file = dir.write("s.txt", kSummaryWithoutPlan);
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "json", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;  // warnings only
  EXPECT_TRUE(contains(r.out, "\"rule\": \"structure.missing-section\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "缺少“下一步打算”部分")) << r.out;
  EXPECT_TRUE(contains(r.out, "按“年度工作总结”（annual-summary）的要求检查：标题含“总结”")) << r.out;
}

TEST(Profiles, CommandLineProfileOverridesDetection) {
  TempDir dir;
  const auto file = dir.write("s.txt", kSummaryWithoutPlan);
  const auto r = run_reportlint({"--config", "builtin:default", "--profile", "notice", "--format", "gcc", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "s.txt:3:1: warning: 缺少主送机关")) << r.out;
  EXPECT_FALSE(contains(r.out, "structure.missing-section")) << r.out;  // a notice has no required parts
}

TEST(Profiles, ConfigProfileSelectsTheChecksAndRequiresATitle) {
  TempDir dir;
  dir.write(".reportlint.toml", "extends = [\"builtin:default\"]\nprofile = \"work-plan\"\n");
  dir.write("p.txt", "一、加快推进灌区改造\n确保6月底前完成主体工程。\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--format", "json", "p.txt"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\"rule\": \"structure.title-missing\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "按“工作计划”（work-plan）的要求检查：按配置指定")) << r.out;
}

TEST(Profiles, UnknownProfileIsAnError) {
  TempDir dir;
  const auto file = dir.write("s.txt", kSummaryWithoutPlan);
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--profile", "nosuch", "s.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "error: 未知的文档类型“nosuch”（可用：")) << r.err;
  EXPECT_TRUE(contains(r.err, "annual-summary")) << r.err;

  dir.write("c.toml", "profile = \"anual-summary\"\n");
  r = run_reportlint({"--config", "c.toml", "s.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c.toml:1:11: error: 未知的文档类型“anual-summary”")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Profiles, BrokenProfileFilesNameFileLineAndColumn) {
  TempDir dir;
  dir.write("s.txt", kSummaryWithoutPlan);
  dir.write("c.toml", "[plugins.structure]\nprofiles = [\"p.toml\"]\n");
  RunOptions o;
  o.cwd = dir.path();
  auto lint = [&] { return run_reportlint({"--config", "c.toml", "s.txt"}, o); };

  dir.write("p.toml", "extends = \"builtin:annual-summary\"\nnmae = \"x\"\n");
  auto r = lint();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:2:1: error: 文档类型配置中未知的键“nmae”")) << r.err;

  dir.write("p.toml", "[[section]]\nid = \"plan\"\nrequired = 1\n");
  r = lint();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:3:12: error: “required”应为布尔值（true 或 false）")) << r.err;

  dir.write("p.toml", "[[section]]\nname = \"计划\"\n");
  r = lint();
  EXPECT_TRUE(contains(r.err, "p.toml:1:1: error: 每个 [[section]] 都需要字符串键“id”")) << r.err;

  dir.write("p.toml", "extends = \"q.toml\"\n");
  dir.write("q.toml", "extends = \"p.toml\"\n");
  r = lint();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "q.toml:1:11: error: 文档类型配置循环继承")) << r.err;

  dir.write("p.toml", "extends = \"builtin:nosuch\"\n");
  r = lint();
  EXPECT_TRUE(contains(r.err, "p.toml:1:11: error: 找不到文档类型配置文件")) << r.err;

  dir.write("p.toml", "name = \n");
  r = lint();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "p.toml:1:")) << r.err;
  EXPECT_TRUE(contains(r.err, "文档类型配置语法错误")) << r.err;

  dir.write("c.toml", "[plugins.structure]\nprofiles = [\"missing.toml\"]\n");
  r = lint();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c.toml:2:13: error: 找不到文档类型配置文件 missing.toml")) << r.err;
}

TEST(Profiles, ListedInPrintConfig) {
  TempDir dir;
  dir.write(".reportlint.toml", "profile = \"duty-report\"\n[plugins.structure]\nmin_chars = 30\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--print-config"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "profile = 'duty-report'")) << r.out;
  EXPECT_TRUE(contains(r.out, "min_chars = 30")) << r.out;
}

}  // namespace
}  // namespace reportlint
