// What a CI gate needs besides the formats: suppressions (Markdown directives, the
// config's [[ignore]] entries, and notes for the unused ones), baselines, and the
// escaping of GitHub workflow commands.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::count;
using test::run_reportlint;
using test::RunOptions;
using test::TempDir;

TEST(Directives, SuppressInMarkdown) {
  TempDir dir;
  const auto file = dir.write("d.md",
                              "<!-- reportlint-disable-next-line placeholder.unfilled -->\n"  // 1
                              "完成xx次。\n"                                                   // 2: suppressed
                              "<!-- reportlint-disable placeholder.* -->\n"                    // 3
                              "完成xx次，D员带头。\n"                                          // 4: suppressed
                              "<!-- reportlint-enable placeholder.* -->\n"                     // 5
                              "完成xx次。\n"                                                   // 6: reported
                              "<!-- reportlint-disable -->\n"                                  // 7: every rule
                              "截止目前完成xx次。\n"                                           // 8: suppressed
                              "<!-- reportlint-enable -->\n"                                   // 9
                              "<!-- reportlint-disable-next-line placeholder.unfilled -->\n"   // 10: unused
                              "全年完成投资3.5亿元。\n"                                        // 11
                              "<!-- reportlint-disable-next-line phrasing.nosuch -->\n"        // 12: unknown rule
                              "完成任务。\n");
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", file.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_FALSE(contains(r.out, "d.md:2:")) << r.out;
  EXPECT_FALSE(contains(r.out, "d.md:4:")) << r.out;
  EXPECT_FALSE(contains(r.out, "d.md:8:")) << r.out;
  EXPECT_TRUE(contains(r.out, "d.md:6:3: error: 未填写的占位符“xx” [placeholder.unfilled]")) << r.out;
  EXPECT_TRUE(contains(r.out, "d.md:10:1: note: 这条 reportlint 屏蔽注释没有屏蔽任何问题 [reportlint.unused-suppression]")) << r.out;
  EXPECT_TRUE(contains(r.out, "d.md:12:1: note: 屏蔽注释中有未知的规则“phrasing.nosuch” [reportlint.unused-suppression]")) << r.out;
}

TEST(Directives, OnlyInMarkdownAndTheUnusedNoteCanBeTurnedOff) {
  TempDir dir;
  // In plain text a comment is text: nothing is suppressed.
  const auto txt = dir.write("d.txt", "<!-- reportlint-disable -->\n完成xx次。\n");
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", txt.string()});
  EXPECT_TRUE(contains(r.out, "d.txt:2:3: error")) << r.out;

  const auto md = dir.write("d.md", "<!-- reportlint-disable-next-line -->\n全年完成。\n");
  const auto config = dir.write("c.toml", "[rules]\n\"reportlint.unused-suppression\" = \"off\"\n");
  r = run_reportlint({"--config", config.string(), "--format", "gcc", md.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(IgnoreEntries, SuppressByPathRuleAndText) {
  TempDir dir;
  dir.write(".reportlint.toml",
            "[[ignore]]\npath = \"archive/**\"\n"
            "[[ignore]]\npath = \"drafts/*.txt\"\nrule = \"placeholder.censored-word\"\n"
            "[[ignore]]\npath = \"drafts/*.txt\"\nrule = \"placeholder.unfilled\"\ntext = \"示例\"\n");
  dir.write("archive/2019/old.txt", "完成xx次。\n");
  dir.write("drafts/a.txt", "完成xx次，D员带头。\n示例：xx次。\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--format", "gcc", "archive", "drafts"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "drafts/a.txt:1:3: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
  EXPECT_EQ(r.err, "");  // every entry was used
}

TEST(IgnoreEntries, StaleEntriesAreNotedAndBadOnesAreErrors) {
  TempDir dir;
  dir.write(".reportlint.toml", "[[ignore]]\npath = \"*.txt\"\nrule = \"numbering.*\"\n"
                                "[[ignore]]\npath = \"other/**\"\n");
  dir.write("a.txt", "完成xx次。\n");
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--format", "gcc", "a.txt"}, o);
  EXPECT_EQ(r.status, 1);
  // The first entry saw a.txt and suppressed nothing; the second saw no file of its path.
  // It is a diagnostic of the config file, after the drafts', in the output itself.
  EXPECT_EQ(r.out, "a.txt:1:3: error: 未填写的占位符“xx” [placeholder.unfilled]\n"
                   ".reportlint.toml:1:1: note: [[ignore]] 条目（path = \"*.txt\"）没有屏蔽任何问题 [reportlint.unused-suppression]\n");
  EXPECT_EQ(r.err, "");

  // In every format, counted in the summary, and subject to --fail-on.
  r = run_reportlint({"--format", "json", "a.txt"}, o);
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["files"].size(), 2u) << r.out;
  EXPECT_EQ(json["files"][1]["path"], ".reportlint.toml");
  EXPECT_EQ(json["files"][1]["diagnostics"][0]["rule"], "reportlint.unused-suppression");
  EXPECT_EQ(json["files"][1]["diagnostics"][0]["line"], 1);
  EXPECT_EQ(json["summary"]["notes"], 1);
  EXPECT_EQ(json["summary"]["files"], 1) << "the config file is not one of the files checked";
  r = run_reportlint({"--format", "sarif", "a.txt"}, o);
  EXPECT_TRUE(contains(r.out, "reportlint.unused-suppression")) << r.out;
  r = run_reportlint({"a.txt"}, o);
  EXPECT_TRUE(contains(r.out, "1 error, 1 note in 1 file")) << r.out;

  // A stale entry for a draft that is clean now is reported too, and --fail-on note fails.
  dir.write("a.txt", "全年完成投资3.5亿元。\n");
  r = run_reportlint({"--format", "gcc", "--fail-on", "note", "a.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_EQ(r.out, ".reportlint.toml:1:1: note: [[ignore]] 条目（path = \"*.txt\"）没有屏蔽任何问题 [reportlint.unused-suppression]\n");
  r = run_reportlint({"--format", "gcc", "a.txt"}, o);
  EXPECT_EQ(r.status, 0) << "a note does not fail the default gate";
  dir.write("a.txt", "完成xx次。\n");

  dir.write("bad.toml", "[[ignore]]\nrule = \"placeholder.*\"\n[[ignore]]\npath = \"x\"\nfile = \"y\"\n");
  r = run_reportlint({"--config", "bad.toml", "a.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bad.toml:1:1: error: [[ignore]] 需要“path”")) << r.err;
  EXPECT_TRUE(contains(r.err, "bad.toml:5:1: error: [[ignore]] 中未知的键“file”")) << r.err;
}

TEST(Baseline, ReportsOnlyNewFindings) {
  TempDir dir;
  dir.write("drafts/a.txt", "完成xx次，D员带头。\n完成xx次，D员带头。\n");
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--write-baseline", "ci/baseline.json", "drafts"}, o);
  EXPECT_EQ(r.status, 0) << "writing a baseline accepts today's findings: " << r.err;
  EXPECT_TRUE(contains(r.err, "已把 4 个问题写入基线 ci/baseline.json")) << r.err;
  const std::string baseline = test::read_file(dir.path() / "ci" / "baseline.json");
  EXPECT_TRUE(contains(baseline, "\"file\": \"../drafts/a.txt\"")) << "paths relative to the baseline file: " << baseline;
  EXPECT_TRUE(contains(baseline, "\"count\": 2")) << baseline;

  // A line inserted above, an old finding repeated once more, and a new one.
  dir.write("drafts/a.txt", "新的一段。\n完成xx次，D员带头。\n完成xx次，D员带头。\n完成xx次，D员带头。\n还有xx项。\n");
  r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--baseline", "ci/baseline.json", "drafts"}, o);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count(r.out, "drafts/a.txt:4:"), 2u) << "the third copy is new: " << r.out;
  EXPECT_TRUE(contains(r.out, "drafts/a.txt:5:3: error: 未填写的占位符“xx”")) << r.out;
  EXPECT_EQ(count(r.out, "\n"), 3u) << r.out;

  // From another directory the same baseline matches the same files.
  RunOptions inner;
  inner.cwd = dir.path() / "drafts";
  r = run_reportlint({"--config", "builtin:default", "--format", "json", "--baseline", "../ci/baseline.json", "a.txt"}, inner);
  EXPECT_TRUE(contains(r.out, "\"baselined\": 4")) << r.out;
}

// In these drafts a line is a paragraph: a finding is known by its text and a little
// context, so fixing one finding of a baselined paragraph, editing it far from the others,
// or moving it, keeps the others baselined; the same mistake in a new paragraph is new.
TEST(Baseline, FindingsOfAParagraphAreMatchedOneByOne) {
  TempDir dir;
  const std::string first = "今年以来，街道组织学习xx次，开展志愿服务活动二十余场，惠及辖区居民三千余人，截止目前共办理群众诉求一千二百件。\n";
  dir.write("a.txt", "2023年工作总结\n\n" + first);
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--write-baseline", "base.json", "a.txt"}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string baseline = test::read_file(dir.path() / "base.json");
  EXPECT_TRUE(contains(baseline, "\"version\": 2")) << baseline;
  EXPECT_TRUE(contains(baseline, "\"text\": \"截止目前\"")) << baseline;

  // 截止目前 fixed; the paragraph edited between the findings; moved two lines down.
  dir.write("a.txt", "2023年工作总结\n\n一段新的文字。\n\n今年以来，街道组织学习xx次，开展志愿服务活动三十余场，惠及辖区居民五千余人，截至目前共办理群众诉求一千二百件。\n");
  r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--baseline", "base.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 0) << "the paragraph's other finding came back: " << r.out;
  EXPECT_FALSE(contains(r.out, "xx")) << r.out;

  // The same placeholder in a new paragraph is a new finding.
  dir.write("a.txt", "2023年工作总结\n\n" + first + "全年新建公园xx个。\n");
  r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--baseline", "base.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.out, "a.txt:4:7: error: 未填写的占位符“xx”")) << r.out;
  EXPECT_EQ(count(r.out, "\n"), 1u) << r.out;
}

TEST(Baseline, VersionOneFilesAreStillRead) {
  TempDir dir;
  dir.write("a.txt", "完成xx次。\n还有xx项。\n");
  dir.write("old.json", R"({"version": 1, "findings": [{"file": "a.txt", "rule": "placeholder.unfilled", "line": "完成xx次。", "count": 1}]})");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--baseline", "old.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "a.txt:2:3: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
}

// GitHub refuses a SARIF run of more than 25,000 results: beyond the limit the most severe
// are kept, and the log and standard error say so and how to see the rest.
TEST(SarifFormat, ALimitKeepsTheMostSevereAndSaysSo) {
  TempDir dir;
  dir.write("a.txt", "完成得挺好。\n完成xx次。\n完成得挺好。\n还有xx项。\n");  // warnings around errors
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--format", "sarif", "--sarif-max-results", "2", "a.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "warning: SARIF 中只有 2 个结果（共 ")) << r.err;
  EXPECT_TRUE(contains(r.out, "\"toolExecutionNotifications\"")) << r.out;
  EXPECT_EQ(count(r.out, "\"ruleId\":\"placeholder.unfilled\""), 2u) << "the errors are kept: " << r.out;
  EXPECT_EQ(count(r.out, "\"ruleId\":\"phrasing.colloquial\""), 0u);
  r = run_reportlint({"--config", "builtin:default", "--format", "sarif", "--sarif-max-results", "0", "a.txt"}, o);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(count(r.out, "\"ruleId\":\"phrasing.colloquial\""), 2u) << r.out;
}

TEST(Baseline, ABrokenBaselineIsAnError) {
  TempDir dir;
  dir.write("a.txt", "完成xx次。\n");
  dir.write("b.json", "{\"version\": 1, \"findings\": [{\"file\": 3}]}");
  RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--baseline", "b.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "b.json: error: 不是有效的基线文件")) << r.err;
  r = run_reportlint({"--config", "builtin:default", "--baseline", "missing.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "missing.json: error: 无法读取基线文件")) << r.err;
}

TEST(UnsavedBuffers, StandardInputTakesTheConfigAndFormatOfItsName) {
  TempDir dir;
  dir.write("drafts/.reportlint.toml", "[rules]\n\"placeholder.censored-word\" = \"off\"\n");
  RunOptions o;
  o.cwd = dir.path();
  // Markdown (so the directive counts), and the config of drafts/.
  o.input = "<!-- reportlint-disable-next-line placeholder.unfilled -->\n完成xx次，D员带头。\n还有xx项。\n";
  const auto r = run_reportlint({"--format", "gcc", "-", "--stdin-filename", "drafts/buffer.md"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "drafts/buffer.md:3:3: error: 未填写的占位符“xx” [placeholder.unfilled]\n");
}

TEST(GithubFormat, EscapesPropertiesAndMessages) {
  TempDir dir;
  dir.write("a,b:c.txt", "完成xx次。\n");
  RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "github", "a,b:c.txt"}, o);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "::error file=a%2Cb%3Ac.txt,line=1,col=3,endLine=1,endColumn=5,title=placeholder.unfilled::未填写的占位符“xx”\n");
}

}  // namespace
}  // namespace reportlint
