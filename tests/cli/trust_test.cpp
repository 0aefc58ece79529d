// The trust model (docs/security.md): a project's .reportlint.toml runs no code and reads
// nothing outside the project until the user trusts the project — with --trust or
// REPORTLINT_TRUST=1 for one run, or `reportlint trust`, which records the config and its
// SHA-256 in the user's allow list. Each case runs the real binary with a HOME of its own.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::TempDir;

// A project whose config names the sample plugin's directory, in a temporary home.
struct Project {
  TempDir dir;
  test::RunOptions options;
  Project() {
    dir.write("home/.keep", "");
    const std::string plugins = test::fs::relative(test::kTestPluginDir / "good", dir.path() / "repo").string();
    dir.write("repo/.reportlint.toml", "[plugins]\npaths = [\"" + plugins + "\"]\n\n[plugins.sample]\nword = \"样例\"\n");
    dir.write("repo/d.txt", "样例xx\n");
    options.cwd = dir.path() / "repo";
    options.env = {{"HOME", (dir.path() / "home").string()}, {"XDG_CONFIG_HOME", ""}, {"REPORTLINT_TRUST", ""}};
  }
};

TEST(Trust, AnUntrustedProjectLoadsNoPluginAndSaysSo) {
  Project p;
  const auto r = run_reportlint({"--format", "gcc", "d.txt"}, p.options);
  EXPECT_EQ(r.status, 1) << r.err;  // the built-in plugins ran: xx is an error
  EXPECT_TRUE(contains(r.out, "[placeholder.unfilled]")) << r.out;
  EXPECT_FALSE(contains(r.out, "sample.word")) << r.out;
  // On the config line, with what was not loaded and how to allow it; the plugin's options
  // are no error of their own.
  EXPECT_TRUE(contains(r.err, ".reportlint.toml:2:10: warning: 这个项目未被信任，没有加载插件目录")) << r.err;
  EXPECT_TRUE(contains(r.err, "[reportlint.untrusted-config]")) << r.err;
  EXPECT_TRUE(contains(r.err, "reportlint trust")) << r.err;
  EXPECT_FALSE(contains(r.err, "未知的插件")) << r.err;
}

TEST(Trust, TrustFlagAndEnvironmentLoadThePlugin) {
  Project p;
  auto r = run_reportlint({"--trust", "--format", "gcc", "d.txt"}, p.options);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "d.txt:1:1: warning: 发现“样例” [sample.word]")) << r.out;
  EXPECT_EQ(r.err, "");
  p.options.env["REPORTLINT_TRUST"] = "1";
  r = run_reportlint({"--format", "gcc", "d.txt"}, p.options);
  EXPECT_TRUE(contains(r.out, "[sample.word]")) << r.out << r.err;
}

TEST(Trust, TheAllowListHoldsTheConfigUntilItChanges) {
  Project p;
  auto r = run_reportlint({"trust"}, p.options);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "已信任")) << r.out;
  const std::string list = test::read_file(p.dir.path() / "home" / ".config" / "reportlint" / "trusted.toml");
  EXPECT_TRUE(contains(list, "sha256 = ")) << list;
  r = run_reportlint({"--format", "gcc", "d.txt"}, p.options);
  EXPECT_TRUE(contains(r.out, "[sample.word]")) << r.out << r.err;
  EXPECT_EQ(r.err, "");

  // A changed config is a new one: trusted no more.
  p.dir.write("repo/.reportlint.toml", test::read_file(p.dir.path() / "repo" / ".reportlint.toml") + "# changed\n");
  r = run_reportlint({"--format", "gcc", "d.txt"}, p.options);
  EXPECT_FALSE(contains(r.out, "[sample.word]")) << r.out;
  EXPECT_TRUE(contains(r.err, "没有加载插件目录")) << r.err;

  // Trusted again, then revoked.
  EXPECT_EQ(run_reportlint({"trust", "d.txt"}, p.options).status, 0);
  EXPECT_TRUE(contains(run_reportlint({"--format", "gcc", "d.txt"}, p.options).out, "[sample.word]"));
  r = run_reportlint({"untrust"}, p.options);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "已撤销")) << r.out;
  EXPECT_FALSE(contains(run_reportlint({"--format", "gcc", "d.txt"}, p.options).out, "[sample.word]"));
}

TEST(Trust, NothingOutsideAnUntrustedProjectIsRead) {
  TempDir dir;
  dir.write("home/.keep", "");
  dir.write("outside/base.toml", "[rules]\n\"placeholder.unfilled\" = \"off\"\n");
  dir.write("outside/pack.toml",
            "[pack]\nname = \"outside\"\nrule = \"misused\"\n[[entry]]\nid = \"w\"\nmatch = \"正文\"\nreplace = [\"文本\"]\n");
  dir.write("repo/inside.toml", "[rules]\n\"punctuation.halfwidth\" = \"off\"\n");
  dir.write("repo/.reportlint.toml",
            "extends = [\"builtin:default\", \"inside.toml\", \"../outside/base.toml\", \"" +
                (dir.path() / "outside" / "base.toml").string() +
                "\"]\n[plugins.phrasing]\nextra_packs = [\"../outside/pack.toml\"]\n");
  dir.write("repo/d.txt", "正文xx,再来。\n");
  test::RunOptions o;
  o.cwd = dir.path() / "repo";
  o.env = {{"HOME", (dir.path() / "home").string()}, {"XDG_CONFIG_HOME", ""}, {"REPORTLINT_TRUST", ""}};
  auto r = run_reportlint({"--format", "gcc", "d.txt"}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "[placeholder.unfilled]")) << r.out;      // the outside base.toml was not read
  EXPECT_FALSE(contains(r.out, "[punctuation.halfwidth]")) << r.out;    // inside.toml was
  EXPECT_FALSE(contains(r.out, "[phrasing.misused]")) << r.out;         // nor the outside pack
  EXPECT_TRUE(contains(r.err, ".reportlint.toml:1:46: warning: 这个项目未被信任，没有加载项目外的配置文件")) << r.err;
  EXPECT_TRUE(contains(r.err, "项目外的文件")) << r.err;
  EXPECT_EQ(test::count(r.err, "[reportlint.untrusted-config]"), 3u) << r.err;

  r = run_reportlint({"--trust", "--format", "gcc", "d.txt"}, o);
  EXPECT_FALSE(contains(r.out, "[placeholder.unfilled]")) << r.out;
  EXPECT_TRUE(contains(r.out, "[phrasing.misused]")) << r.out;
}

TEST(Trust, ASymbolicLinkOutOfTheProjectIsOutside) {
  TempDir dir;
  dir.write("outside/base.toml", "[rules]\n\"placeholder.unfilled\" = \"off\"\n");
  test::fs::create_directories(dir.path() / "repo");
  test::fs::create_symlink(dir.path() / "outside" / "base.toml", dir.path() / "repo" / "linked.toml");
  dir.write("repo/.reportlint.toml", "extends = \"linked.toml\"\n");
  dir.write("repo/d.txt", "xx\n");
  test::RunOptions o;
  o.cwd = dir.path() / "repo";
  o.env = {{"HOME", dir.path().string()}, {"XDG_CONFIG_HOME", ""}, {"REPORTLINT_TRUST", ""}};
  const auto r = run_reportlint({"--format", "gcc", "d.txt"}, o);
  EXPECT_TRUE(contains(r.out, "[placeholder.unfilled]")) << r.out;
  EXPECT_TRUE(contains(r.err, "项目外的配置文件")) << r.err;
}

TEST(Trust, TrustNeedsAConfig) {
  TempDir dir;
  test::RunOptions o;
  o.cwd = dir.path();
  o.env = {{"HOME", dir.path().string()}, {"XDG_CONFIG_HOME", ""}};
  const auto r = run_reportlint({"trust", "nowhere"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "nowhere")) << r.err;
}

}  // namespace
}  // namespace reportlint
