// Shell completions and the man page, generated from the option table at build time:
// bash and fish complete options, their values and rule ids for real; zsh's script
// parses; the man page renders with man(1) and lists every option --help lists.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::kBinary;
using test::kDataDir;
using test::run_process;
using test::run_reportlint;
using test::RunOptions;

const fs::path kCompletions = kDataDir / "completions";

RunOptions with_reportlint_on_path() {
  RunOptions o;
  o.env = {{"PATH", kBinary.parent_path().string() + ":" + std::getenv("PATH")}};
  return o;
}

// The options --help lists, as written there ("--format", "-j").
std::set<std::string> options_in_help() {
  const auto r = run_reportlint({"--help"});
  std::set<std::string> options;
  for (std::size_t at = r.out.find("\n  -"); at != std::string::npos; at = r.out.find("\n  -", at + 1)) {
    const std::size_t begin = at + 3;
    options.insert(r.out.substr(begin, r.out.find_first_of(" \n", begin) - begin));
  }
  return options;
}

// What bash's completion offers for `line` (the cursor at its end).
std::string bash_complete(const std::string& line) {
  const std::string script = "source '" + (kCompletions / "reportlint.bash").string() + "'\n" +
                             "COMP_LINE='" + line + "'; read -r -a COMP_WORDS <<< \"$COMP_LINE\"\n" +
                             "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n" +
                             "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _reportlint; printf '%s\\n' \"${COMPREPLY[@]}\"";
  const auto r = run_process({"/bin/bash", "-c", script}, with_reportlint_on_path());
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

TEST(Completions, BashCompletesOptionsValuesAndRules) {
  EXPECT_EQ(bash_complete("reportlint --form"), "--format\n");
  const std::string formats = bash_complete("reportlint --format ");
  for (const char* f : {"gcc\n", "sarif\n", "gitlab\n", "rdjson\n"}) EXPECT_TRUE(contains(formats, f)) << formats;
  EXPECT_EQ(bash_complete("reportlint --explain phrasing.misu"), "phrasing.misused\n");
  EXPECT_EQ(bash_complete("reportlint completions z"), "zsh\n");
  const std::string all = bash_complete("reportlint -");
  for (const std::string& option : options_in_help()) EXPECT_TRUE(contains(all, option + "\n")) << option;
}

TEST(Completions, FishCompletesOptionsAndValues) {
  if (run_process({"/bin/sh", "-c", "command -v fish"}).status != 0) GTEST_SKIP() << "fish not installed";
  auto complete = [](const std::string& line) {
    const auto r = run_process({"/usr/bin/fish", "--no-config", "-c",
                                "source '" + (kCompletions / "reportlint.fish").string() + "'; complete -C '" + line + "'"},
                               with_reportlint_on_path());
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  };
  EXPECT_TRUE(contains(complete("reportlint --form"), "--format\t输出格式")) << complete("reportlint --form");
  EXPECT_TRUE(contains(complete("reportlint --format "), "rdjson")) << complete("reportlint --format ");
  EXPECT_TRUE(contains(complete("reportlint --explain "), "phrasing.misused")) << complete("reportlint --explain ");
}

TEST(Completions, ZshScriptParses) {
  if (run_process({"/bin/sh", "-c", "command -v zsh"}).status != 0) GTEST_SKIP() << "zsh not installed";
  const auto r = run_process({"/usr/bin/zsh", "-n", (kCompletions / "_reportlint").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string script = test::read_file(kCompletions / "_reportlint");
  for (const std::string& option : options_in_help())
    EXPECT_TRUE(contains(script, "'" + option + "[") || contains(script, "{" + option + ",")) << option;
}

TEST(ManPage, RendersAndListsEveryOption) {
  const fs::path page = kDataDir / "man" / "reportlint.1";
  RunOptions o;
  o.env = {{"MANWIDTH", "100"}, {"LANG", "C.UTF-8"}};
  const auto r = run_process({"/usr/bin/man", "-l", page.string()}, o);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "REPORTLINT(1)")) << r.out;
  for (const std::string& option : options_in_help()) EXPECT_TRUE(contains(r.out, option)) << option;
  EXPECT_TRUE(contains(r.out, "EXIT STATUS"));
}

TEST(Usage, MistypedOptionsAndValuesAreExplained) {
  auto r = run_reportlint({"--formt", "gcc", "a.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "未知选项 --formt，是不是 --format？")) << r.err;
  r = run_reportlint({"--explian", "phrasing.misused"});
  EXPECT_TRUE(contains(r.err, "是不是 --explain？")) << r.err;
  // --colour followed by a file: the file is not taken as a colour, and the user is told.
  test::TempDir dir;
  const auto draft = dir.write("x.txt", "完成xx次。\n");
  r = run_reportlint({"--colour", draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "是一个文件或目录：--color 后面是不是少了值？")) << r.err;
  r = run_reportlint({"--config", "builtin:defualt", draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "未知的内置预设“builtin:defualt”（可用：builtin:default、builtin:strict）")) << r.err;
  r = run_reportlint({"completions", "tcsh"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "reportlint completions bash|zsh|fish")) << r.err;
}

}  // namespace
}  // namespace reportlint
