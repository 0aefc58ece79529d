// Encodings through the command line and the config (README, "Word documents and
// encodings"): detection, --encoding, `encoding =` for every file or by path, fixes
// written back in the file's own encoding.
#include <gtest/gtest.h>

#include "io/encoding.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::TempDir;

std::string in(std::string_view text, Encoding e) {
  const Conversion c = encode_text(text, e);
  EXPECT_FALSE(c.failed_at);
  return c.bytes;
}

const std::string kDraft = "截止目前完成xx项。\n";

TEST(EncodingCli, DetectedAndFixedInTheFilesOwnEncoding) {
  TempDir dir;
  const auto gbk = dir.write("gbk.txt", in(kDraft, Encoding::gbk)).string();
  const auto utf16 = dir.write("utf16.txt", "\xFF\xFE" + in(kDraft, Encoding::utf16le)).string();
  auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", gbk, utf16});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, gbk + ":1:7: error: 未填写的占位符“xx”")) << r.out;
  EXPECT_TRUE(contains(r.out, utf16 + ":1:1: error: “截止目前”应为“截至目前”")) << r.out;
  r = run_reportlint({"--config", "builtin:default", "--fix", gbk, utf16});
  EXPECT_EQ(test::read_file(gbk), in("截至目前完成xx项。\n", Encoding::gbk));
  EXPECT_EQ(test::read_file(utf16), "\xFF\xFE" + in("截至目前完成xx项。\n", Encoding::utf16le));
}

TEST(EncodingCli, AFixTheEncodingCannotHoldIsASuggestionWithANote) {
  TempDir dir;
  const std::string bytes = in("截止目前完成任务。\n", Encoding::gbk);
  const auto file = dir.write("a.txt", bytes).string();
  // A user's pack whose replacement is outside GBK (U+20000, CJK extension B).
  dir.write("pack.toml", "[pack]\nrule = \"misused\"\n\n[[entry]]\nid = \"t\"\nmatch = \"完成任务\"\nreplace = [\"完成\U00020000\"]\ncertain = true\n");
  dir.write(".reportlint.toml", "encoding = \"gbk\"\n[plugins.phrasing]\nextra_packs = [\"pack.toml\"]\n");
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--fix", "a.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "不能自动修复：“完成\U00020000”无法用文件的 GBK 编码写出")) << r.out;
  // 截止 → 截至 was written; the other fix was not.
  EXPECT_EQ(test::read_file(file), in("截至目前完成任务。\n", Encoding::gbk));
}

TEST(EncodingCli, TheOptionOverridesDetectionAndNamesBadBytes) {
  TempDir dir;
  // UTF-8 text read as GBK where it is none: an error with the position.
  const auto file = dir.write("a.txt", "正文\n第二行\xFF\n").string();
  auto r = run_reportlint({"--config", "builtin:default", "--encoding", "gbk", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "不是有效的 GBK 文本")) << r.err;
  r = run_reportlint({"--config", "builtin:default", "--encoding", "latin1", file});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "--encoding 的值“latin1”无效")) << r.err;
}

TEST(EncodingCli, TheConfigSetsItForEveryFileOrByPath) {
  TempDir dir;
  dir.write("legacy/a.txt", in("截止目前完成xx项。\n", Encoding::gbk));
  dir.write("new/b.txt", kDraft);
  // Exactly the README's example.
  dir.write(".reportlint.toml", "[encoding]\n\"legacy/**\" = \"gbk\"\n\"**/*.md\" = \"utf-8\"\n");
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--format", "gcc", "."}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "./legacy/a.txt:1:7: error: 未填写的占位符“xx”")) << r.out;
  EXPECT_TRUE(contains(r.out, "./new/b.txt:1:7: error:")) << r.out;
  // A UTF-8 file under legacy/ is read as GBK, as configured: a clear error.
  dir.write("legacy/c.txt", "正文\xE2\x80\x94\xFF\n");
  r = run_reportlint({"--format", "gcc", "legacy/c.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "legacy/c.txt:1:")) << r.err;
  EXPECT_TRUE(contains(r.err, "GBK")) << r.err;

  r = run_reportlint({"--print-config", "."}, o);
  EXPECT_TRUE(contains(r.out, "[encoding]\n'**/*.md' = 'utf-8'\n'legacy/**' = 'gbk'\n")) << r.out;

  dir.write("all/.reportlint.toml", "encoding = \"gb18030\"\n");
  dir.write("all/d.txt", in(kDraft, Encoding::gb18030));
  r = run_reportlint({"--format", "gcc", "all/d.txt"}, o);
  EXPECT_TRUE(contains(r.out, "all/d.txt:1:7: error:")) << r.out;

  dir.write("bad/.reportlint.toml", "encoding = \"ebcdic\"\n");
  dir.write("bad/e.txt", kDraft);
  r = run_reportlint({"bad/e.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bad/.reportlint.toml:1:12: error: 编码应为")) << r.err;
}

}  // namespace
}  // namespace reportlint
