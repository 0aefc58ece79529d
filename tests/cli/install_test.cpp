// The README's install recipe, run exactly as written into a temporary $HOME: the installed
// binary lints with its plugins and language data, keeps working when the prefix is moved,
// and the example plugin builds against the installed package (docs/plugins.md's recipe).
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::doc_recipe;
namespace fs = std::filesystem;
using test::kSourceDir;
using test::run_process;
using test::run_shell;
using test::TempDir;

TEST(Install, TheReadmeRecipeInstallsARelocatableTree) {
  TempDir home;
  const std::map<std::string, std::string> env = {{"HOME", home.path().string()}};
  auto r = run_shell(doc_recipe("README.md", "install"), kSourceDir, env);
  // The sample draft has errors: exit status 1, and findings of every plugin.
  ASSERT_EQ(r.status, 1) << r.out << r.err;
  for (const char* rule : {"[placeholder.unfilled]", "[phrasing.misused]", "[structure.broken-paragraph]",
                           "[punctuation.halfwidth]"})
    EXPECT_TRUE(contains(r.out, rule)) << rule << "\n" << r.out;

  const fs::path prefix = home.path() / ".local";
  for (const char* installed : {"lib/reportlint/plugins/phrasing.so", "lib/reportlint/plugins/phrasing/lm.so",
                                "share/reportlint/configs/default.toml", "share/reportlint/data/words.bin",
                                "include/reportlint/plugin.hpp", "lib/cmake/reportlint/reportlintConfig.cmake"})
    EXPECT_TRUE(fs::exists(prefix / installed)) << installed;

  // Moved elsewhere, it still finds everything: nothing recorded the prefix.
  const fs::path moved = home.path() / "elsewhere";
  fs::rename(prefix, moved);
  r = run_process({(moved / "bin" / "reportlint").string(), "--list-rules"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(contains(r.out, "不可用")) << r.out;
  const auto draft = home.write("typo.txt", "这项工作刻不容援，必须抓紧。\n");
  r = run_process({(moved / "bin" / "reportlint").string(), draft.string()});
  EXPECT_TRUE(contains(r.out, "[phrasing.suspected-typo]")) << r.out << r.err;
  fs::rename(moved, prefix);

  // docs/plugins.md: the example plugin, built against the installed package.
  const fs::path plugin = home.path() / "plugin";
  fs::copy(kSourceDir / "docs" / "examples" / "plugin", plugin, fs::copy_options::recursive);
  r = run_shell(doc_recipe("docs/plugins.md", "plugin-against-install"), plugin, env);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "example.no-exclamation")) << r.out;
}

}  // namespace
}  // namespace reportlint
