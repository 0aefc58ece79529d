// The README's install recipe, run exactly as written into a temporary $HOME: the installed
// binary lints with its plugins and language data, keeps working when the prefix is moved,
// and the example plugin builds against the installed package (docs/plugins.md's recipe).
// Then docs/releasing.md's Debian package: built as written, its dependencies checked by
// dpkg, installed with dpkg into a scratch root, and used. One test, so that the recipes'
// builds of the release tree never run at the same time.
#include <gtest/gtest.h>

#include <unistd.h>

#include "reportlint_version.hpp"
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

void check_debian_package();

TEST(Packaging, InstallAndDebianPackageAsTheDocsSay) {
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

  check_debian_package();
}

void check_debian_package() {
  auto r = run_shell(doc_recipe("docs/releasing.md", "deb"), kSourceDir);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const fs::path deb = kSourceDir / "build" / ("reportlint_" + std::string(REPORTLINT_VERSION) + "_amd64.deb");
  ASSERT_TRUE(fs::exists(deb)) << deb;
  r = run_process({"/usr/bin/dpkg-deb", "--field", deb.string(), "Depends"});
  EXPECT_TRUE(contains(r.out, "libimecore0") && contains(r.out, "libzip4")) << "Depends: " << r.out;
  r = run_process({"/usr/bin/dpkg-deb", "--contents", deb.string()});
  for (const char* file : {"./usr/bin/reportlint", "./usr/lib/reportlint/plugins/phrasing.so",
                           "./usr/lib/reportlint/plugins/phrasing/lm.so", "./usr/share/reportlint/data/words.bin",
                           "./usr/share/reportlint/configs/default.toml", "./usr/share/man/man1/reportlint.1",
                           "./usr/share/bash-completion/completions/reportlint", "./usr/share/doc/reportlint/copyright"})
    EXPECT_TRUE(contains(r.out, file)) << file;
  if (::geteuid() == 0) {
    // Whether this system could install it: every dependency is satisfied.
    r = run_process({"/usr/bin/dpkg", "--dry-run", "-i", deb.string()});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
  }
  // Installed for real, into a scratch root with a database of its own.
  TempDir root;
  fs::create_directories(root.path() / "var/lib/dpkg/info");
  fs::create_directories(root.path() / "var/lib/dpkg/updates");
  root.write("var/lib/dpkg/status", "");
  r = run_process({"/usr/bin/dpkg", "--root=" + root.path().string(), "--force-depends", "--force-not-root",
                   "--log=/dev/null", "-i", deb.string()});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const auto draft = root.write("draft.txt", "全年完成投资xx亿元，这项工作刻不容援。\n");
  r = run_process({(root.path() / "usr/bin/reportlint").string(), "--format", "gcc", draft.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "[placeholder.unfilled]")) << r.out;
  EXPECT_TRUE(contains(r.out, "[phrasing.suspected-typo]")) << r.out;
}

}  // namespace
}  // namespace reportlint
