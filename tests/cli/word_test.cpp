// Word .docx drafts read into the same document model as text: what Word shows (runs
// joined, tables, fields, revisions, automatic list numbers, heading styles), positions as
// the contract says (line = paragraph, column after the automatic number), fixes written
// into the run that holds the text with every other part unchanged, and hostile packages
// refused clearly. Every test document is written here, from a small description.
#include <gtest/gtest.h>

#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/docx_writer.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using json = nlohmann::json;
using test::contains;
using test::DocxParts;
using test::paragraph;
using test::run_reportlint;
using test::TempDir;

json lint_json(const std::string& file, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--config", "builtin:default", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file);
  const auto r = run_reportlint(args);
  EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
  return json::parse(r.out);
}

// "line:column rule" for each diagnostic of one file (of rules starting with `prefix`), for
// compact comparisons.
std::vector<std::string> findings(const json& report, std::string_view prefix = "") {
  std::vector<std::string> out;
  for (const json& d : report["files"][0]["diagnostics"])
    if (d["rule"].get<std::string>().starts_with(prefix))
      out.push_back(fmt::format("{}:{} {}", d["line"].get<int>(), d["column"].get<int>(), d["rule"].get<std::string>()));
  return out;
}

const json* find_rule(const json& report, std::string_view rule) {
  for (const json& d : report["files"][0]["diagnostics"])
    if (d["rule"] == rule) return &d;
  return nullptr;
}

TEST(Word, TextSplitAcrossRunsIsJoinedAndTablesAreRead) {
  TempDir dir;
  DocxParts parts;
  parts.body = paragraph({"关于", "2024年工作总结"}) +                      // line 1
               paragraph({"由", "某", "某单位负责，", "截止", "目前完成，再接", "再励。"}) +  // line 2: 某|某, 截止|目前, 再接|再励
               paragraph({}) +                                                 // line 3: empty
               "<w:tbl><w:tr><w:tc>" + paragraph({"项目"}) + paragraph({"完成xx项"}) +  // lines 4, 5
               "</w:tc><w:tc>" + paragraph({"备注"}) + "</w:tc></w:tr></w:tbl>" +        // line 6
               paragraph({"结尾。"});                                                    // line 7
  const auto file = dir.write("a.docx", test::make_docx(parts)).string();
  const json report = lint_json(file);
  const auto f = findings(report);
  EXPECT_NE(std::find(f.begin(), f.end(), "2:2 placeholder.unfilled"), f.end()) << report.dump(1);
  EXPECT_NE(std::find(f.begin(), f.end(), "2:9 phrasing.misused"), f.end()) << report.dump(1);
  EXPECT_NE(std::find(f.begin(), f.end(), "2:16 phrasing.misused"), f.end()) << report.dump(1);  // 再接再励
  EXPECT_NE(std::find(f.begin(), f.end(), "5:3 placeholder.unfilled"), f.end()) << report.dump(1);
  // 截止目前 spans two runs: shown as a suggestion, with the reason.
  const json* misused = find_rule(report, "phrasing.misused");
  ASSERT_TRUE(misused);
  const auto r = run_reportlint({"--config", "builtin:default", file});
  EXPECT_TRUE(contains(r.out, "不能自动修复：修复跨越了 Word 中分开存放的几段文字")) << r.out;
  EXPECT_TRUE(contains(r.out, "（建议，需人工确认）")) << r.out;
}

TEST(Word, WhatTheReaderSeesFieldsRevisionsHiddenTextTabsAndBreaks) {
  TempDir dir;
  DocxParts parts;
  parts.body =
      // A PAGE field: its instruction is not text, its result is.
      R"(<w:p><w:r><w:t>共完成</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =1+2 xx </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:r><w:t>项任务。</w:t></w:r></w:p>)"
      // Deleted text is gone, inserted text is there.
      R"(<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>xx</w:delText></w:r></w:del>)"
      R"(<w:ins w:id="2" w:author="a"><w:r><w:t>完成xx项</w:t></w:r></w:ins></w:p>)"
      // Hidden text is not shown; a tab and a line break are.
      R"(<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>某某</w:t></w:r><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>)";
  const auto file = dir.write("b.docx", test::make_docx(parts)).string();
  const json report = lint_json(file);
  EXPECT_EQ(findings(report), std::vector<std::string>{"2:3 placeholder.unfilled"}) << report.dump(1);
  const auto r = run_reportlint({"--config", "builtin:strict", "--format", "json", file});
  EXPECT_FALSE(contains(r.out, "某某")) << "hidden text is not linted: " << r.out;
}

// 一、 （一） 1. （1）: one Word list; the second parent's children restart.
DocxParts numbered_report(bool second_list_restarts) {
  DocxParts parts;
  parts.numbering = test::abstract_num(1, test::gb9704_levels()) + test::abstract_num(2, {{"chineseCounting", "(%1)"}}) +
                    test::num(1, 1) + test::num(2, 2);
  auto item = [](std::string text, int num, int level) { return paragraph({std::move(text)}, test::num_pr(num, level)); };
  // The sub-items as level 2 of the one list, restarting under each parent — or, the
  // mistake, as a list of their own, which never restarts: （三）（四） under 二、.
  auto sub = [&](std::string text) { return second_list_restarts ? item(std::move(text), 1, 1) : item(std::move(text), 2, 0); };
  parts.body = paragraph({"2024年工作总结"}) + item("主要成绩", 1, 0) + sub("党建工作") + sub("业务工作") +
               item("存在问题", 1, 0) + sub("人员不足") + sub("经费紧张");
  parts.body += item("下一步计划", 1, 0) + item("加强学习", 1, 2);  // 1. directly under 三、: a level skipped
  return parts;
}

TEST(Word, AutomaticNumbersAreJudgedAsPrinted) {
  TempDir dir;
  const auto good = dir.write("good.docx", test::make_docx(numbered_report(true))).string();
  const json clean = lint_json(good);
  // Only the level skip (三、 then 1.) is wrong: the lists restart per parent.
  EXPECT_EQ(findings(clean, "numbering."), std::vector<std::string>{"9:1 numbering.level-skip"}) << clean.dump(1);
  const json* skip = find_rule(clean, "numbering.level-skip");
  ASSERT_TRUE(skip);
  EXPECT_EQ((*skip)["end_column"], 1) << "a finding on an automatic number is an empty range at column 1";
  EXPECT_TRUE(contains((*skip)["message"].get<std::string>(), "“三、”下直接使用了“1.”")) << skip->dump();

  const auto bad = dir.write("bad.docx", test::make_docx(numbered_report(false))).string();
  const json report = lint_json(bad);
  const json* start = find_rule(report, "numbering.start");
  ASSERT_TRUE(start) << report.dump(1);
  EXPECT_EQ((*start)["line"], 6);
  EXPECT_TRUE(contains((*start)["message"].get<std::string>(), "(三)")) << start->dump();
  // (三) → （三） is a certain fix in text, but here it would change an automatic number:
  // a suggestion, saying why.
  const json* width = find_rule(report, "numbering.bracket-width");
  ASSERT_TRUE(width) << report.dump(1);
  EXPECT_EQ((*width)["fixes"][0]["applicability"], "unsafe");
  const auto r = run_reportlint({"--config", "builtin:default", bad});
  EXPECT_TRUE(contains(r.out, "不能自动修复：这是 Word 自动生成的编号")) << r.out;
  // The quoted line shows the number Word draws, marked as not typed.
  EXPECT_TRUE(contains(r.out, "⟦(三)⟧人员不足")) << r.out;
}

TEST(Word, HeadingsByStyleOnlyAreSections) {
  TempDir dir;
  DocxParts parts;
  parts.styles = R"(<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
                 R"(<w:style w:type="paragraph" w:styleId="BiaoTi2"><w:name w:val="标题 2"/></w:style>)";
  auto heading = [](std::string text, std::string style) { return paragraph({std::move(text)}, test::style_ref(style)); };
  // A 总结 whose parts are headings by style, no numbers: the problems part is missing.
  parts.body = paragraph({"某某县2024年工作总结"}) + paragraph({"今年以来，全县上下团结一心。"}) +
               heading("主要成绩", "1") + paragraph({"完成了各项任务。"}) + heading("经济发展", "BiaoTi2") +
               paragraph({"经济平稳增长。"}) + heading("2025年工作计划", "1") + paragraph({"继续努力。"});
  const auto file = dir.write("c.docx", test::make_docx(parts)).string();
  const json report = lint_json(file, {"--profile", "annual-summary"});
  const json* missing = find_rule(report, "structure.missing-section");
  ASSERT_TRUE(missing) << report.dump(1);
  EXPECT_TRUE(contains((*missing)["message"].get<std::string>(), "问题")) << missing->dump();
  for (const json& d : report["files"][0]["diagnostics"])
    EXPECT_NE(d["rule"].get<std::string>().rfind("numbering.", 0), 0u) << "no number, no numbering finding: " << d.dump();
}

// A document made from the template Word itself ships (python-docx's default.docx: Word's
// styles, a numbering part with its list styles), not from our own writer.
TEST(Word, ADocumentFromWordsOwnTemplate) {
  TempDir dir;
  const auto file = (dir.path() / "word.docx").string();
  const std::string script = R"(
import sys, docx
d = docx.Document()
d.add_heading('某某县2024年工作总结', level=0)
d.add_heading('主要成绩', level=1)
d.add_paragraph('截止目前，全县完成重点工作。')
d.add_paragraph('第一项工作', style='List Number')
d.add_paragraph('第二项工作xx', style='List Number')
d.add_heading('存在问题', level=1)
t = d.add_table(rows=1, cols=2)
t.cell(0, 0).text = '指标'
t.cell(0, 1).text = '完成xx%'
p = d.add_paragraph('由')
p.add_run('某').bold = True
p.add_run('某单位负责。')
d.add_heading('下一步打算', level=1)
d.add_paragraph('继续努力。')
d.save(sys.argv[1])
)";
  const auto made = test::run_process({"/usr/bin/python3", "-c", script, file});
  ASSERT_EQ(made.status, 0) << "python3-docx (Debian package) is needed; scripts/test installs it\n" << made.err;
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", file});
  EXPECT_EQ(r.out,
            file + ":1:1: error: 未填写的占位符“某某” [placeholder.unfilled]\n" +
            file + ":3:1: error: “截止目前”应为“截至目前” [phrasing.misused]\n" +
            file + ":5:6: error: 未填写的占位符“xx” [placeholder.unfilled]\n" +  // after Word's “2.”
            file + ":8:3: error: 未填写的占位符“xx%” [placeholder.unfilled]\n" +  // the table's second cell
            file + ":9:2: error: 未填写的占位符“某某” [placeholder.unfilled]\n");   // across a bold run
  // The list numbers come from Word's List Number style.
  const auto text = run_reportlint({"--config", "builtin:default", file});
  EXPECT_TRUE(contains(text.out, "⟦2.⟧第二项工作xx")) << text.out;
  // --fix writes 截至 into its run; Word's parts are kept.
  const std::string before = test::read_file(file);
  EXPECT_EQ(run_reportlint({"--config", "builtin:default", "--fix", file}).status, 1);
  const auto parts_before = test::zip_entries(before), parts_after = test::zip_entries(test::read_file(file));
  for (const auto& [name, content] : parts_before) {
    if (name != "word/document.xml") {
      EXPECT_EQ(parts_after.at(name), content) << name;
    }
  }
  EXPECT_TRUE(contains(parts_after.at("word/document.xml"), "截至目前，全县完成重点工作。"));
}

TEST(Word, AFixInOneRunIsWrittenThereAndEveryOtherPartStays) {
  TempDir dir;
  DocxParts parts;
  parts.body = paragraph({"截止目前，完成任务。"}) + paragraph({"某", "某单位"}) +
               R"(<w:p><w:r><w:t xml:space="preserve">D员干部带头</w:t></w:r></w:p>)";
  parts.styles = R"(<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)";
  parts.extra["word/media/image1.png"] = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  parts.extra["word/comments.xml"] = "<w:comments xmlns:w=\"x\"><w:comment w:id=\"0\"/></w:comments>";
  const std::string original = test::make_docx(parts);
  const auto file = dir.write("d.docx", original).string();
  auto r = run_reportlint({"--config", "builtin:default", "--fix", file});
  EXPECT_EQ(r.status, 1) << r.err;  // 某某 remains: no fix for a blank
  EXPECT_TRUE(contains(r.out, "fixed 2 problems in 1 file")) << r.out;
  const auto before = test::zip_entries(original);
  const auto after = test::zip_entries(test::read_file(file));
  ASSERT_EQ(before.size(), after.size());
  for (const auto& [name, content] : before) {
    ASSERT_TRUE(after.count(name)) << name;
    if (name != "word/document.xml") {
      EXPECT_EQ(after.at(name), content) << name;
    }
  }
  // In the main part only the two w:t elements changed.
  std::string expected = before.at("word/document.xml");
  expected.replace(expected.find("截止目前"), std::string("截止目前").size(), "截至目前");
  expected.replace(expected.find("D员干部"), std::string("D员干部").size(), "党员干部");
  EXPECT_EQ(after.at("word/document.xml"), expected);
  // And it reads back as a Word document with those findings gone.
  r = run_reportlint({"--config", "builtin:default", "--format", "gcc", file});
  EXPECT_FALSE(contains(r.out, "phrasing.misused")) << r.out;
  EXPECT_TRUE(contains(r.out, ":2:1: error: 未填写的占位符“某某”")) << r.out;
}

TEST(Word, BaselinesAndIgnoreEntriesWorkAsOnText) {
  TempDir dir;
  DocxParts parts;
  parts.body = paragraph({"完成xx项。"}) + paragraph({"截止", "目前。"});
  dir.write("a.docx", test::make_docx(parts));
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--write-baseline", "base.json", "a.docx"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  r = run_reportlint({"--config", "builtin:default", "--baseline", "base.json", "a.docx"}, o);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "(2 problems in the baseline, not shown)")) << r.out;
  dir.write(".reportlint.toml", "[[ignore]]\npath = \"*.docx\"\nrule = \"placeholder.unfilled\"\ntext = \"完成\"\n");
  r = run_reportlint({"--format", "gcc", "a.docx"}, o);
  EXPECT_EQ(r.out, "a.docx:2:1: error: “截止目前”应为“截至目前” [phrasing.misused]\n") << r.out;
}

TEST(Word, FormatsItCannotReadSayWhatToDoAndTheRestIsLinted) {
  TempDir dir;
  dir.write("old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  dir.write("scan.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  dir.write("x.docx", "not a zip");
  dir.write("ok.txt", "完成xx项。\n");
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "old.doc", "scan.pdf", "x.docx", "ok.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "old.doc: error: 是旧版 Office 文档（.doc、.wps 或 .xls），无法检查：请在 Word 或 WPS 中打开，另存为 .docx")) << r.err;
  EXPECT_TRUE(contains(r.err, "scan.pdf: error: 是 PDF 文档")) << r.err;
  EXPECT_TRUE(contains(r.err, "x.docx: error: 不是有效的 .docx 文件")) << r.err;
  EXPECT_TRUE(contains(r.out, "ok.txt:1:3: error:")) << r.out;
}

TEST(Word, DirectoriesAreWalkedForDocxAndStandardInputReadsOne) {
  TempDir dir;
  DocxParts parts;
  parts.body = paragraph({"截止目前完成xx项。"});
  const std::string docx = test::make_docx(parts);
  dir.write("drafts/a.docx", docx);
  dir.write("drafts/~$a.docx", std::string("\x06user  ", 8));  // the lock file Word keeps while a.docx is open
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "drafts"}, o);
  EXPECT_EQ(r.status, 1) << r.err;  // the lock file is no draft: not read
  EXPECT_TRUE(contains(r.out, "drafts/a.docx:1:7: error: 未填写的占位符“xx”")) << r.out;
  o.input = docx;
  r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "--stdin-filename", "in.docx", "-"}, o);
  EXPECT_TRUE(contains(r.out, "in.docx:1:7: error: 未填写的占位符“xx”")) << r.out;
  // --fix as a filter: a .docx in, the fixed .docx out.
  r = run_reportlint({"--config", "builtin:default", "--fix", "--stdin-filename", "in.docx", "-"}, o);
  ASSERT_TRUE(r.out.starts_with("PK")) << r.err;
  const std::string fixed = test::zip_entries(r.out).at("word/document.xml");
  EXPECT_TRUE(contains(fixed, "截至目前完成xx项。")) << fixed;
}

TEST(Word, HostilePackagesAreRefusedClearly) {
  TempDir dir;
  auto error_of = [&](const std::string& name, const std::string& bytes) {
    const auto file = dir.write(name, bytes).string();
    const auto r = run_reportlint({"--config", "builtin:default", file});
    EXPECT_EQ(r.status, 2) << name;
    EXPECT_FALSE(contains(r.err, "内部错误")) << r.err;
    return r.err;
  };
  DocxParts parts;
  parts.body = paragraph({"正文。"});
  const std::string good = test::make_docx(parts);
  EXPECT_TRUE(contains(error_of("cut.docx", good.substr(0, good.size() / 2)), "ZIP 压缩包已损坏或不完整")) << "truncated";
  // A ZIP without a main document: another kind of package, named.
  EXPECT_TRUE(contains(error_of("sheet.docx", test::make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}})),
                       "是Excel 工作簿（.xlsx），不是 Word 文档"));
  EXPECT_TRUE(contains(error_of("data.docx", test::make_zip({{"a.txt", "x"}})), "不是 Word 文档（其中没有 word/document.xml）"));
  // Not XML where the document should be.
  DocxParts broken;
  broken.extra["word/document.xml"] = "<w:document><w:body><w:p>";
  EXPECT_TRUE(contains(error_of("broken.docx", test::make_docx(broken)), "word/document.xml 不是有效的 XML")) << "unparsable";
  // A zip bomb: 200 MB of one repeated byte, compressed to a fraction of a megabyte.
  const std::string err = error_of("bomb.docx", test::make_zip({{"word/document.xml", std::string(200u << 20, ' ')}}));
  EXPECT_TRUE(contains(err, "压缩比超过") || contains(err, "超过上限")) << err;
  // Entity expansion (billion laughs): not expanded; a clear error or plain text, quickly.
  std::string doctype = "<!DOCTYPE w:document [<!ENTITY a \"xxxxxxxxxx\">";
  for (char c = 'b'; c <= 'j'; ++c) doctype += fmt::format("<!ENTITY {} \"&{};&{};&{};&{};&{};&{};&{};&{};&{};&{};\">", c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
  doctype += "]>";
  std::string xml = R"(<?xml version="1.0"?>)" + doctype +
                    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>)";
  const auto file = dir.write("laughs.docx", test::make_zip({{"word/document.xml", xml}})).string();
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "json", file});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2) << r.err;
  EXPECT_LT(r.out.size(), 100'000u) << "entities are not expanded";
}

TEST(Word, AHundredThousandParagraphs) {
  TempDir dir;
  DocxParts parts;
  parts.body.reserve(100'000 * 60);
  for (int i = 0; i < 100'000; ++i) parts.body += paragraph({i == 99'999 ? "最后完成xx项。" : "正文。"});
  const auto file = dir.write("long.docx", test::make_docx(parts)).string();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", file});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "long.docx:100000:5: error: 未填写的占位符“xx”")) << r.out.substr(0, 500);
}

}  // namespace
}  // namespace reportlint
