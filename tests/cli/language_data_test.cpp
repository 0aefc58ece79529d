// The phrasing plugin's language data, through the real binary: the language model is
// loaded only when a document needs it, and a missing table turns its rules off with a
// note instead of failing.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::kBinary;
using test::kBuildDir;
using test::kDataDir;
using test::run_process;
using test::run_reportlint;
using test::TempDir;

// The dynamic loader's account of every library it maps (glibc's LD_DEBUG=files).
bool loads(const std::string& ld_debug, const std::string& library) {
  return contains(ld_debug, "file=" + library) || contains(ld_debug, "/" + library);
}

TEST(LanguageData, TheLanguageModelLoadsOnlyWhenADocumentNeedsIt) {
  TempDir dir;
  test::RunOptions traced;
  traced.env = {{"LD_DEBUG", "files"}};
  const auto plain = dir.write("plain.txt", "本单位认真贯彻落实各项工作部署。\n");
  auto r = run_reportlint({plain.string()}, traced);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(loads(r.err, "libIMECore")) << "linting a draft with no suspect loaded libime";
  EXPECT_FALSE(loads(r.err, "phrasing/lm.so"));

  const auto typo = dir.write("typo.txt", "这项工作刻不容援，必须抓紧。\n");
  r = run_reportlint({typo.string()}, traced);
  EXPECT_TRUE(loads(r.err, "phrasing/lm.so"));
  EXPECT_TRUE(contains(r.out, "[phrasing.suspected-typo]")) << r.out;
}

// An installation without the generated tables: the binary copied into a tree whose
// plugins and configs are the build's, and whose share/reportlint has no data/.
TEST(LanguageData, MissingTablesTurnTheirRulesOffWithANote) {
  TempDir tree;
  namespace fs = test::fs;
  fs::create_directories(tree.path() / "bin");
  fs::create_directories(tree.path() / "share" / "reportlint");
  fs::copy_file(kBinary, tree.path() / "bin" / "reportlint");
  fs::create_directory_symlink(kBuildDir / "lib", tree.path() / "lib");
  fs::create_directory_symlink(kDataDir / "configs", tree.path() / "share" / "reportlint" / "configs");
  const std::string binary = (tree.path() / "bin" / "reportlint").string();

  auto r = run_process({binary, "--list-rules"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "phrasing.suspected-typo")) << r.out;
  EXPECT_TRUE(contains(r.out, "不可用：没有安装词表 words.bin")) << r.out;
  EXPECT_TRUE(contains(r.out, "不可用：没有安装繁体字表 traditional.bin")) << r.out;

  // The other rules still run; the ones without data say nothing.
  const auto draft = tree.write("draft.txt", "这项工作刻不容援，截止目前已完成發展任务。\n");
  r = run_process({binary, draft.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "[phrasing.misused]")) << r.out;
  EXPECT_FALSE(contains(r.out, "[phrasing.suspected-typo]")) << r.out;
  EXPECT_FALSE(contains(r.out, "[phrasing.traditional-char]")) << r.out;
}

}  // namespace
}  // namespace reportlint
