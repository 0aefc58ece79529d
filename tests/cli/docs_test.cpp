// Every rule has a doc page beside its plugin, plugins/NAME/docs/ (the core's own rules: docs/rules/) (what, what it leaves alone, why, examples, options), the plugin
// (or the core, for its own rules) carries exactly that page, and `reportlint --explain RULE` prints it.
#include <gtest/gtest.h>

#include <set>

#include "lint/core_rules.hpp"
#include "reportlint_version.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;

// Where a rule's page lives: beside its plugin, as an out-of-tree plugin's does.
fs::path page_of(std::string_view rule) {
  const std::string id(rule);
  const std::string plugin = id.substr(0, id.find('.'));
  if (plugin == "reportlint") return test::kSourceDir / "docs" / "rules" / (id + ".md");
  return test::kSourceDir / "plugins" / plugin / "docs" / (id + ".md");
}

std::vector<const RuleInfo*> builtin_rules(const Linter& linter) {
  std::vector<const RuleInfo*> rules;
  for (const RuleInfo& rule : core_rules()) rules.push_back(&rule);
  for (const auto& plugin : linter.plugins().plugins())
    for (const RuleInfo& rule : plugin->rules()) rules.push_back(&rule);
  return rules;
}

TEST(Docs, EveryRuleHasACompletePage) {
  const auto linter = test::builtin_linter();
  const auto rules = builtin_rules(*linter);
  ASSERT_FALSE(rules.empty());
  for (const RuleInfo* rule : rules) {
    const fs::path page = page_of(rule->id);
    ASSERT_TRUE(fs::exists(page)) << "no doc page for " << rule->id << " at " << page;
    const std::string text = test::read_file(page);
    EXPECT_TRUE(text.starts_with("# " + std::string(rule->id) + "\n")) << page;
    // "Left alone": what the rule deliberately does not report, so a user can tell a miss
    // from a choice.
    for (const char* section : {"\n## What it does\n", "\n## Left alone\n", "\n## Why\n", "\n## Examples\n", "\n## Options\n"})
      EXPECT_NE(text.find(section), std::string::npos) << page << " lacks " << section;
    EXPECT_NE(text.find("Bad"), std::string::npos) << page << " has no bad example";
    EXPECT_NE(text.find("Good"), std::string::npos) << page << " has no good example";
    EXPECT_EQ(rule->doc, text) << "the plugin carries a stale copy of " << page;
    EXPECT_FALSE(rule->summary.empty()) << rule->id;
  }
}

TEST(Docs, NoPageWithoutARule) {
  const auto linter = test::builtin_linter();
  std::set<std::string> ids;
  for (const RuleInfo* rule : builtin_rules(*linter)) ids.insert(std::string(rule->id));
  std::vector<fs::path> dirs{test::kSourceDir / "docs" / "rules"};
  for (const auto& plugin : fs::directory_iterator(test::kSourceDir / "plugins"))
    if (fs::is_directory(plugin.path() / "docs")) dirs.push_back(plugin.path() / "docs");
  std::size_t pages = 0;
  for (const fs::path& dir : dirs)
    for (const auto& entry : fs::directory_iterator(dir)) {
      ++pages;
      EXPECT_TRUE(ids.count(entry.path().stem().string())) << "orphan doc page " << entry.path();
      EXPECT_EQ(page_of(entry.path().stem().string()), entry.path()) << "a page in another plugin's folder";
    }
  EXPECT_EQ(pages, ids.size());
}

TEST(Docs, ExplainPrintsThePage) {
  const auto linter = test::builtin_linter();
  for (const RuleInfo* rule : builtin_rules(*linter)) {
    const auto r = test::run_reportlint({"--explain", std::string(rule->id)});
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string page = test::read_file(page_of(rule->id));
    // The page, then the options its plugin declares, if any.
    EXPECT_EQ(r.out.substr(0, page.size()), page);
    const std::string rest = r.out.substr(std::min(page.size(), r.out.size()));
    EXPECT_TRUE(rest.empty() || rest.starts_with("\n## 插件 ")) << rest;
  }
}

// The docs read the options' declarations: each declared option is described on a page
// of its plugin's rules, and --explain lists it.
TEST(Docs, EveryDeclaredOptionIsDocumented) {
  const auto linter = test::builtin_linter();
  std::size_t declared = 0;
  for (const auto& plugin : linter->plugins().plugins()) {
    std::string pages;
    for (const RuleInfo& rule : plugin->rules()) pages += rule.doc;
    for (const OptionSpec& option : plugin->options()) {
      ++declared;
      EXPECT_NE(pages.find(std::string(option.name) + " ="), std::string::npos)
          << plugin->name() << "'s option " << option.name << " is on none of its rule pages";
      EXPECT_FALSE(option.doc.empty()) << option.name;
    }
  }
  EXPECT_GE(declared, 10u) << "the built-in plugins declare their options";
}

// The version is set once (CMakeLists.txt); the changelog's newest entry and the tags the
// docs tell users to pin (pre-commit's rev, the GitHub Action's @ref) must name it.
TEST(Docs, TheReleaseVersionIsTheSameEverywhere) {
  const std::string version = REPORTLINT_VERSION;
  const std::string changelog = test::read_file(test::kSourceDir / "CHANGELOG.md");
  const std::size_t heading = changelog.find("\n## ");
  ASSERT_NE(heading, std::string::npos);
  EXPECT_EQ(changelog.substr(heading + 4, version.size() + 1), version + " ") << "CHANGELOG.md's newest entry";
  const std::string ci = test::read_file(test::kSourceDir / "docs" / "ci.md");
  EXPECT_NE(ci.find("rev: v" + version + "\n"), std::string::npos) << "pre-commit's rev in docs/ci.md";
  EXPECT_NE(ci.find("/reportlint@v" + version + "\n"), std::string::npos) << "the Action's ref in docs/ci.md";
  EXPECT_EQ(test::run_reportlint({"--version"}).out, "reportlint " + version + "\n");
}

}  // namespace
}  // namespace reportlint
