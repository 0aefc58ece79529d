// The command line as users, editors and CI see it: exit codes, inputs, formats,
// colour, column units, configuration discovery and errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::count;
using test::run_reportlint;
using test::RunOptions;
using test::TempDir;

TEST(Cli, CleanFileExitsZero) {
  TempDir dir;
  const auto file = dir.write("clean.txt", "一、总体情况\n全年完成投资1.5万元，增长3.2%。\n");
  const auto r = run_reportlint({"--config", "builtin:default", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "no problems found in 1 file\n");
}

TEST(Cli, EmptyFileLintsClean) {
  TempDir dir;
  const auto r = run_reportlint({"--config", "builtin:default", dir.write("empty.txt", "").string()});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(Cli, FailOnThreshold) {
  TempDir dir;
  const auto file = dir.write("d.txt", "完成xx项。\n").string();
  const auto warn = dir.write("warn.toml", "[rules]\n\"placeholder.unfilled\" = \"warning\"\n").string();
  EXPECT_EQ(run_reportlint({"--config", "builtin:default", file}).status, 1);
  EXPECT_EQ(run_reportlint({"--config", "builtin:default", "--fail-on", "never", file}).status, 0);
  EXPECT_EQ(run_reportlint({"--config", warn, file}).status, 0);  // a warning is below "error"
  EXPECT_EQ(run_reportlint({"--config", warn, "--fail-on", "warning", file}).status, 1);
  EXPECT_EQ(run_reportlint({"--config", warn, "--fail-on=note", file}).status, 1);
}

TEST(Cli, BadInputIsAnErrorNamingTheFile) {
  TempDir dir;
  const auto bad = dir.write("bad.txt", "第一行\n第二行\xC4\xE3\n").string();
  auto r = run_reportlint({"--config", "builtin:default", bad});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, bad + ":2:4: error: 既不是有效的 UTF-8 文本")) << r.err;

  const auto binary = dir.write("a.txt", std::string("ab\0cd", 5)).string();
  r = run_reportlint({"--config", "builtin:default", binary});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, binary + ":1:3: error:")) << r.err;

  r = run_reportlint({"--config", "builtin:default", (dir.path() / "missing.txt").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "missing.txt: error: 文件或目录不存在")) << r.err;
}

TEST(Cli, OtherFilesAreStillLintedWhenOneFails) {
  TempDir dir;
  const auto good = dir.write("good.txt", "完成xx项。\n").string();
  const auto r = run_reportlint({"--config", "builtin:default", (dir.path() / "missing.txt").string(), good});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.out, "good.txt:1:3: error: 未填写的占位符“xx”")) << r.out;
}

TEST(Cli, UsageErrors) {
  EXPECT_EQ(run_reportlint({}).status, 2);
  auto r = run_reportlint({"--bogus", "x.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "reportlint: error: 未知选项 --bogus")) << r.err;
  r = run_reportlint({"--format", "xml", "x.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "text、gcc、json")) << r.err;
  EXPECT_EQ(run_reportlint({"-j", "0", "x.txt"}).status, 2);
  EXPECT_EQ(run_reportlint({"--color"}).status, 2);
}

TEST(Cli, VersionAndHelp) {
  auto r = run_reportlint({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out.starts_with("reportlint 0.")) << r.out;
  r = run_reportlint({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(contains(r.out, "--column-unit"));
}

TEST(Cli, DirectoriesAreWalkedForTextAndMarkdown) {
  TempDir dir;
  dir.write("drafts/b.txt", "b完成xx项\n");
  dir.write("drafts/a.md", "a完成xx项\n");
  dir.write("drafts/sub/c.txt", "c完成xx项\n");
  dir.write("drafts/notes.docx.bak", "完成xx项\n");
  dir.write("drafts/.hidden/d.txt", "完成xx项\n");
  dir.write("drafts/.e.txt", "完成xx项\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "drafts"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out,
            "drafts/a.md:1:4: error: 未填写的占位符“xx” [placeholder.unfilled]\n"
            "drafts/b.txt:1:4: error: 未填写的占位符“xx” [placeholder.unfilled]\n"
            "drafts/sub/c.txt:1:4: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
}

TEST(Cli, ParallelOutputKeepsInputOrder) {
  TempDir dir;
  for (int i = 0; i < 24; ++i)
    dir.write("d/" + std::to_string(100 + i) + ".txt", std::string(static_cast<std::size_t>(i + 1), 'a') + "完成xx项\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto one = run_reportlint({"--config", "builtin:default", "-j", "1", "--format", "json", "d"}, o);
  const auto many = run_reportlint({"--config", "builtin:default", "-j4", "--format", "json", "d"}, o);
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(one.out, many.out);
  EXPECT_EQ(count(one.out, "\"rule\": \"placeholder.unfilled\""), 24u);
}

TEST(Cli, StandardInputWithAName) {
  RunOptions o;
  o.input = "完成xx项\n";
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "-", "--stdin-filename", "草稿/报告.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "草稿/报告.txt:1:3: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
  // The name decides the format: Markdown code spans are not prose.
  o.input = "`xx` 是代码\n";
  r = run_reportlint({"--config", "builtin:default", "-", "--stdin-filename", "a.md"}, o);
  EXPECT_EQ(r.status, 0) << r.out;
  r = run_reportlint({"--config", "builtin:default", "-", "--stdin-filename", "a.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.out;
}

TEST(Cli, ColourFollowsTheFlagAndNoColor) {
  TempDir dir;
  const auto file = dir.write("d.txt", "完成xx项\n").string();
  RunOptions plain;
  EXPECT_FALSE(contains(run_reportlint({"--config", "builtin:default", file}, plain).out, "\x1b["));  // not a TTY
  EXPECT_TRUE(contains(run_reportlint({"--config", "builtin:default", "--color", "always", file}).out, "\x1b[1;31merror"));
  RunOptions no_color;
  no_color.env["NO_COLOR"] = "1";
  EXPECT_TRUE(contains(run_reportlint({"--config", "builtin:default", "--color=always", file}, no_color).out, "\x1b["));
  EXPECT_FALSE(contains(run_reportlint({"--config", "builtin:default", "--color", "never", file}).out, "\x1b["));
}

TEST(Cli, ColumnUnits) {
  TempDir dir;
  const auto file = dir.write("d.txt", "𠀀截至2024年，完成XXX亿元\n").string();
  auto column = [&](std::string unit) {
    const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--column-unit", unit, file});
    const std::string after = r.out.substr(file.size() + 3);  // "PATH:1:"
    return after.substr(0, after.find(':'));
  };
  // Before XXX: 𠀀 截至 2024 年 ， 完成 — 11 code points, 18 display columns (𠀀 and the
  // Chinese characters are wide), 26 bytes (𠀀 takes 4), 12 UTF-16 units (𠀀 takes 2).
  EXPECT_EQ(column("codepoint"), "12");
  EXPECT_EQ(column("display"), "19");
  EXPECT_EQ(column("byte"), "27");
  EXPECT_EQ(column("utf16"), "13");
}

TEST(Cli, ListRules) {
  const auto r = run_reportlint({"--list-rules"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "placeholder.unfilled")) << r.out;
  EXPECT_TRUE(contains(r.out, "placeholder.censored-word")) << r.out;
  EXPECT_TRUE(contains(r.out, "placeholder.template-artifact")) << r.out;
  EXPECT_TRUE(r.out.starts_with("rule "));
}

TEST(Cli, ConfigDiscoveryUsesTheNearestFile) {
  TempDir dir;
  dir.write(".reportlint.toml", "[rules]\n\"placeholder.unfilled\" = \"off\"\n");
  dir.write("inner/.reportlint.toml", "[rules]\n\"placeholder.unfilled\" = \"warning\"\n");
  dir.write("outer.txt", "完成xx项\n");
  dir.write("inner/deeper/d.txt", "完成xx项\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--format", "gcc", "outer.txt", "inner/deeper/d.txt"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "inner/deeper/d.txt:1:3: warning: 未填写的占位符“xx” [placeholder.unfilled]\n");
  // --config wins over discovery.
  const auto forced = run_reportlint({"--config", "builtin:default", "--format", "gcc", "outer.txt"}, o);
  EXPECT_EQ(forced.status, 1);
}

TEST(Cli, ConfigErrorsNameFileLineAndColumn) {
  TempDir dir;
  dir.write("d.txt", "完成xx项\n");
  RunOptions o;
  o.cwd = dir.path();
  dir.write("c1.toml", "[rules]\n\"placeholder.unfiled\" = \"off\"\n");
  auto r = run_reportlint({"--config", "c1.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c1.toml:2:25: error: 未知的规则“placeholder.unfiled”")) << r.err;
  EXPECT_EQ(r.out, "");

  dir.write("c2.toml", "[plugins.placeholder]\nallow = [\"X\"]\nalow = 1\n");
  r = run_reportlint({"--config", "c2.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c2.toml:3:1: error: 未知的选项“alow”")) << r.err;

  dir.write("c3.toml", "[plugins.placeholder]\nallow = 3\n");
  r = run_reportlint({"--config", "c3.toml", "d.txt"}, o);
  EXPECT_TRUE(contains(r.err, "c3.toml:2:9: error: 选项“allow”应为字符串或字符串数组")) << r.err;

  // A wrong value is reported once, however many of the plugin's rules read it.
  EXPECT_EQ(test::count(r.err, "选项“allow”"), 1u) << r.err;
  dir.write("c6.toml", "[plugins.numbering]\nstyle = \"bogus\"\ntop_level = 9\nallow_level_skip = \"yes\"\nstlye = 1\n");
  r = run_reportlint({"--config", "c6.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c6.toml:2:9: error: 选项“style”应为 \"gb9704\" 或 \"consistent\"")) << r.err;
  EXPECT_TRUE(contains(r.err, "c6.toml:3:13: error: 选项“top_level”应为 0 到 5 之间的整数")) << r.err;
  EXPECT_TRUE(contains(r.err, "c6.toml:4:20: error: 选项“allow_level_skip”应为布尔值")) << r.err;
  EXPECT_TRUE(contains(r.err, "c6.toml:5:1: error: 未知的选项“stlye”（可用：allow_level_skip、style、top_level）")) << r.err;
  EXPECT_EQ(test::count(r.err, "error:"), 4u) << r.err;

  dir.write("c4.toml", "[plugins.nosuch]\nx = 1\n");
  r = run_reportlint({"--config", "c4.toml", "d.txt"}, o);
  EXPECT_TRUE(contains(r.err, "c4.toml:1:10: error: 未知的插件“nosuch”")) << r.err;

  dir.write("c5.toml", "[rules\n");
  r = run_reportlint({"--config", "c5.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "c5.toml:1:")) << r.err;

  r = run_reportlint({"--config", "nope.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "nope.toml: error: 找不到配置文件")) << r.err;
}

TEST(Cli, RuleOffAndWildcards) {
  TempDir dir;
  const auto file = dir.write("d.txt", "完成xx项，D员带头。\n").string();
  const auto off = dir.write("off.toml", "[rules]\n\"placeholder.*\" = \"off\"\n\"placeholder.censored-word\" = \"note\"\n");
  const auto r = run_reportlint({"--config", off.string(), "--format", "gcc", file});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, file + ":1:7: note: 疑似模板网站为躲避过滤替换的“D”，原文应为“党” [placeholder.censored-word]\n");
}

TEST(Cli, PrintConfigShowsTheMergedResult) {
  TempDir dir;
  dir.write(".reportlint.toml",
            "extends = [\"builtin:strict\"]\nprofile = \"annual-summary\"\n[rules]\n\"placeholder.unfilled\" = \"warning\"\n"
            "[plugins.placeholder]\nallow = [\"XX3型\"]\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--print-config"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "builtin:default，builtin:strict，.reportlint.toml")) << r.out;
  EXPECT_TRUE(contains(r.out, "profile = 'annual-summary'")) << r.out;
  EXPECT_TRUE(contains(r.out, "'placeholder.unfilled' = 'warning'")) << r.out;
  EXPECT_TRUE(contains(r.out, "'placeholder.censored-word' = 'error'")) << r.out;
  EXPECT_TRUE(contains(r.out, "allow = [ 'XX3型' ]")) << r.out;
  // Every declared option, with its default when the configuration leaves it out.
  EXPECT_TRUE(contains(r.out, "[plugins.numbering]\nallow_level_skip = false\nstyle = 'gb9704'\ntop_level = 0\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "min_chars = 20")) << r.out;
}

// A rule's own options ([rules."ID"]) hold for that rule only, over its plugin's, as
// clang-tidy's Check.Option does; `severity` in the same table sets its level.
TEST(Cli, RuleOptionsHoldForTheirRuleOnly) {
  TempDir dir;
  RunOptions o;
  o.cwd = dir.path();
  // 五、 straight to 1. skips （一）; 1. after 1. is a duplicate.
  dir.write("d.txt", "一、主要成绩\n1.完成投资\n1.完成任务\n");
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "d.txt"}, o);
  EXPECT_TRUE(contains(r.out, "[numbering.level-skip]")) << r.out;
  EXPECT_TRUE(contains(r.out, "[numbering.duplicate]")) << r.out;

  dir.write("c.toml", "extends = [\"builtin:default\"]\n[rules.\"numbering.level-skip\"]\nallow_level_skip = true\n"
                      "[rules.\"numbering.duplicate\"]\nseverity = \"error\"\n");
  r = run_reportlint({"--config", "c.toml", "--format", "gcc", "d.txt"}, o);
  EXPECT_FALSE(contains(r.out, "[numbering.level-skip]")) << r.out;
  EXPECT_TRUE(contains(r.out, "error: 序号“1.”与上一项重复")) << r.out;
  r = run_reportlint({"--config", "c.toml", "--print-config", "d.txt"}, o);
  EXPECT_TRUE(contains(r.out, "[rules.'numbering.level-skip']\n    allow_level_skip = true\n    severity = 'warning'")) << r.out;

  // Errors: a wrong value once, at its place; an unknown option; a wildcard; no such rule.
  dir.write("bad.toml", "[rules.\"numbering.level-skip\"]\nallow_level_skip = 1\nstlye = 1\n");
  r = run_reportlint({"--config", "bad.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bad.toml:2:20: error: 选项“allow_level_skip”应为布尔值")) << r.err;
  EXPECT_EQ(test::count(r.err, "allow_level_skip”应为"), 1u) << r.err;
  EXPECT_TRUE(contains(r.err, "bad.toml:3:1: error: 未知的选项“stlye”")) << r.err;
  dir.write("wild.toml", "[rules.\"numbering.*\"]\nstyle = \"gb9704\"\n");
  r = run_reportlint({"--config", "wild.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "只有具体的规则才能有自己的选项表，“numbering.*”不是规则 id")) << r.err;
  dir.write("nosuch.toml", "[rules.\"numbering.nosuch\"]\nstyle = \"gb9704\"\n");
  r = run_reportlint({"--config", "nosuch.toml", "d.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "nosuch.toml:1:1: error: 未知的规则“numbering.nosuch”")) << r.err;
}

TEST(Cli, ExplainListsThePluginsDeclaredOptions) {
  const auto r = run_reportlint({"--explain", "numbering.gap"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "## 插件 numbering 的全部选项")) << r.out;
  EXPECT_TRUE(contains(r.out, "- `top_level`（整数，默认 `0`，0–5）：")) << r.out;
  EXPECT_TRUE(contains(r.out, "- `style`（字符串，默认 `\"gb9704\"`，可选 gb9704、consistent）：")) << r.out;
}

TEST(Cli, ExplainUnknownRuleSuggestsNearNames) {
  const auto r = run_reportlint({"--explain", "placeholder.unfiled"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "是否指：placeholder.unfilled")) << r.err;
}

}  // namespace
}  // namespace reportlint
