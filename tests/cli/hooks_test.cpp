// docs/ci.md's Git hooks, run exactly as written: the plain pre-commit hook (Chinese file
// names, spaces, CMakeLists.txt left alone) and the pre-commit framework's hook with
// Debian's pre-commit against a local repository tagged as the docs say.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::doc_recipe;
using test::kBinary;
using test::kSourceDir;
using test::run_shell;
using test::TempDir;

// A Git environment of its own: identity, no global config, reportlint on PATH.
std::map<std::string, std::string> git_env(const TempDir& home) {
  const std::string path = kBinary.parent_path().string() + ":" + std::getenv("PATH");
  return {{"HOME", home.path().string()},         {"PATH", path},
          {"GIT_CONFIG_NOSYSTEM", "1"},            {"GIT_AUTHOR_NAME", "t"},
          {"GIT_AUTHOR_EMAIL", "t@example.org"},   {"GIT_COMMITTER_NAME", "t"},
          {"GIT_COMMITTER_EMAIL", "t@example.org"}, {"PRE_COMMIT_HOME", (home.path() / "pre-commit").string()}};
}

const char* kBadDraft = "截止目前，全年共完成投资1.2亿元。\n";
const char* kGoodDraft = "截至目前，全年共完成投资1.2亿元。\n";
// Not a draft: a hook that linted it would stop the commit.
const char* kCMakeLists = "project(x)  # 截止目前\n";

TEST(Hooks, ThePlainGitHookPassesChineseNamesWithSpaces) {
  TempDir home;
  const auto env = git_env(home);
  const fs::path repo = home.path() / "drafts";
  fs::create_directories(repo);
  ASSERT_EQ(run_shell("git init -q .", repo, env).status, 0);
  const fs::path hook = repo / ".git" / "hooks" / "pre-commit";
  {
    std::ofstream out(hook);
    out << doc_recipe("docs/ci.md", "git-hook");
  }
  ::chmod(hook.c_str(), 0755);
  home.write("drafts/2024年 工作总结.txt", kBadDraft);
  home.write("drafts/CMakeLists.txt", kCMakeLists);
  auto r = run_shell("git add -A && git commit -q -m drafts", repo, env);
  EXPECT_NE(r.status, 0) << "the hook let an error through\n" << r.out << r.err;
  // Git sends a hook's output to standard error.
  EXPECT_TRUE(contains(r.err, "2024年 工作总结.txt:1:1: error:")) << r.out << r.err;
  EXPECT_FALSE(contains(r.out + r.err, "CMakeLists.txt")) << r.out << r.err;

  home.write("drafts/2024年 工作总结.txt", kGoodDraft);
  r = run_shell("git add -A && git commit -q -m drafts", repo, env);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}

TEST(Hooks, ThePreCommitFrameworkHookLintsDraftsOnly) {
  if (run_shell("command -v pre-commit", kSourceDir).status != 0)
    GTEST_SKIP() << "pre-commit not installed (scripts/install-deps installs Debian's)";
  TempDir home;
  const auto env = git_env(home);
  // The hook's repository as a release leaves it: .pre-commit-hooks.yaml, tagged.
  const fs::path hooks_repo = home.path() / "reportlint";
  fs::create_directories(hooks_repo);
  fs::copy_file(kSourceDir / ".pre-commit-hooks.yaml", hooks_repo / ".pre-commit-hooks.yaml");
  auto r = run_shell("git init -q . && git add -A && git commit -q -m release && git tag v0.1.0", hooks_repo, env);
  ASSERT_EQ(r.status, 0) << r.err;

  const fs::path repo = home.path() / "drafts";
  fs::create_directories(repo / "sub");
  std::string config = doc_recipe("docs/ci.md", "pre-commit-config");
  const std::string url = "https://git.example.org/tools/reportlint";
  ASSERT_NE(config.find(url), std::string::npos);
  config.replace(config.find(url), url.size(), hooks_repo.string());
  home.write("drafts/.pre-commit-config.yaml", config);
  home.write("drafts/sub/2024年 工作总结.md", kBadDraft);
  home.write("drafts/CMakeLists.txt", kCMakeLists);
  home.write("drafts/requirements.txt", "截止目前\n");
  home.write("drafts/README.md", "截止目前\n");
  ASSERT_EQ(run_shell("git init -q . && git add -A", repo, env).status, 0);
  r = run_shell("pre-commit run --all-files", repo, env);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "sub/2024年 工作总结.md:1:1: error:")) << r.out << r.err;
  for (const char* other : {"CMakeLists.txt", "requirements.txt", "README.md"})
    EXPECT_FALSE(contains(r.out, other)) << other << "\n" << r.out;

  home.write("drafts/sub/2024年 工作总结.md", kGoodDraft);
  r = run_shell("git add -A && pre-commit run --all-files", repo, env);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}

}  // namespace
}  // namespace reportlint
