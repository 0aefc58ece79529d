// Configuration: discovery, extends, merging, severities — and errors at file:line:col.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "config/config.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::TempDir;

std::vector<Failure> failures_loading(const ConfigLoader& loader, const std::filesystem::path& file) {
  try {
    loader.load_file(file);
  } catch (const Error& e) {
    return e.failures();
  }
  return {};
}

ConfigLoader loader() { return ConfigLoader(test::kDataDir / "configs"); }

TEST(Config, ExtendsBuiltinAndOverridesRules) {
  TempDir dir;
  const auto file = dir.write(".reportlint.toml",
                              "extends = [\"builtin:default\"]\nprofile = \"annual-summary\"\n"
                              "[rules]\n\"placeholder.unfilled\" = \"warning\"\nplaceholder.censored-word = \"off\"\n");
  const Config c = loader().load_file(file);
  EXPECT_EQ(c.layers.front(), "builtin:default");
  EXPECT_EQ(c.profile, "annual-summary");
  EXPECT_EQ(effective_severity(c, "placeholder.unfilled", Severity::error), Severity::warning);
  EXPECT_EQ(effective_severity(c, "placeholder.censored-word", Severity::error), std::nullopt);
  EXPECT_EQ(effective_severity(c, "placeholder.template-artifact", Severity::error), Severity::error);
}

TEST(Config, OptInRulesNeedToBeNamed) {
  TempDir dir;
  const auto wildcard = dir.write("wildcard.toml", "[rules]\n\"punctuation.*\" = \"error\"\n");
  const Config w = loader().load_file(wildcard);
  EXPECT_EQ(effective_severity(w, "punctuation.quote-dunhao", Severity::note, true), std::nullopt);
  EXPECT_EQ(effective_severity(w, "punctuation.halfwidth", Severity::warning, false), Severity::error);
  dir.write("named.toml", "[rules]\n\"punctuation.quote-dunhao\" = \"note\"\n");
  const auto child = dir.write("child.toml", "extends = \"named.toml\"\n[rules]\n\"punctuation.*\" = \"warning\"\n");
  const Config n = loader().load_file(child);
  // Named by a base layer, so the later wildcard applies to it as to any rule that is on.
  EXPECT_EQ(effective_severity(n, "punctuation.quote-dunhao", Severity::note, true), Severity::warning);
  EXPECT_EQ(effective_severity(loader().load_builtin("default"), "punctuation.quote-dunhao", Severity::note, true),
            std::nullopt);
  EXPECT_EQ(effective_severity(loader().load_builtin("strict"), "punctuation.quote-dunhao", Severity::note, true),
            Severity::note);
}

TEST(Config, LaterSettingsWinIncludingWildcards) {
  TempDir dir;
  dir.write("base.toml", "[rules]\n\"placeholder.*\" = \"off\"\n[plugins.placeholder]\nallow = [\"A\"]\n");
  const auto file = dir.write("child.toml",
                              "extends = \"base.toml\"\n[rules]\n\"placeholder.unfilled\" = \"note\"\n"
                              "[plugins.placeholder]\nallow = [\"B\", \"C\"]\n");
  const Config c = loader().load_file(file);
  EXPECT_EQ(effective_severity(c, "placeholder.unfilled", Severity::error), Severity::note);
  EXPECT_EQ(effective_severity(c, "placeholder.template-artifact", Severity::error), std::nullopt);
  // Arrays are replaced, not appended, and keep their source for error messages.
  const toml::array* allow = c.plugin_options["placeholder"]["allow"].as_array();
  ASSERT_NE(allow, nullptr);
  EXPECT_EQ(allow->size(), 2u);
  EXPECT_EQ(allow->source().begin.line, 5u);
  EXPECT_NE(allow->source().path->find("child.toml"), std::string::npos);
}

TEST(Config, UnknownKeysAndBadValuesNameLineAndColumn) {
  TempDir dir;
  const auto file = dir.write("c.toml", "extends = []\nseverity = \"x\"\n[rules]\n\"a.b\" = 3\n\"c.d\" = \"fatal\"\n"
                                        "[plugins]\npaths = [1]\nfoo = 2\n");
  const auto f = failures_loading(loader(), file);
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].line, 2u);
  EXPECT_EQ(f[0].column, 1u);
  EXPECT_NE(f[0].message.find("未知的配置项“severity”"), std::string::npos);
  EXPECT_EQ(f[1].line, 4u);
  EXPECT_EQ(f[1].column, 9u);
  EXPECT_EQ(f[2].line, 5u);
  EXPECT_NE(f[2].message.find("fatal"), std::string::npos);
  EXPECT_EQ(f[3].line, 7u);
  EXPECT_EQ(f[4].line, 8u);
  for (const Failure& x : f) EXPECT_NE(x.path.find("c.toml"), std::string::npos);
}

TEST(Config, SyntaxErrorsExplainChineseQuotes) {
  TempDir dir;
  const auto file = dir.write("c.toml", "[rules]\n\"placeholder.unfilled\" = “off”\n");
  const auto f = failures_loading(loader(), file);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 2u);
  EXPECT_EQ(f[0].column, 26u);
  EXPECT_NE(f[0].message.find("英文半角引号"), std::string::npos) << f[0].message;
}

TEST(Config, ExtendsErrors) {
  TempDir dir;
  auto f = failures_loading(loader(), dir.write("a.toml", "extends = \"builtin:nope\"\n"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("builtin:default"), std::string::npos);  // lists what exists
  EXPECT_EQ(f[0].column, 11u);
  f = failures_loading(loader(), dir.write("b.toml", "extends = \"missing.toml\"\n"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 1u);
  EXPECT_NE(f[0].message.find("missing.toml"), std::string::npos);
  dir.write("x.toml", "extends = \"y.toml\"\n");
  dir.write("y.toml", "extends = \"x.toml\"\n");
  f = failures_loading(loader(), dir.path() / "x.toml");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("循环"), std::string::npos);
}

TEST(Config, PluginPathsAreRelativeToTheirFile) {
  TempDir dir;
  const auto file = dir.write("sub/c.toml", "[plugins]\npaths = [\"../extra\"]\n");
  TrustPolicy trust;
  trust.trust_all = true;
  const Config c = ConfigLoader(test::kDataDir / "configs", trust).load_file(file);
  ASSERT_EQ(c.plugin_paths.size(), 1u);
  EXPECT_EQ(c.plugin_paths[0].directory.lexically_normal(), (dir.path() / "extra").lexically_normal());
  EXPECT_TRUE(c.refused.empty());
}

TEST(Config, AnUntrustedConfigGetsNoPluginPathsAndNothingOutside) {
  TempDir dir;
  dir.write("outside.toml", "[rules]\n\"placeholder.unfilled\" = \"off\"\n");
  dir.write("sub/inside.toml", "[rules]\n\"placeholder.unfilled\" = \"note\"\n");
  const auto file = dir.write("sub/c.toml", "extends = [\"inside.toml\", \"../outside.toml\"]\n[plugins]\npaths = [\"plugins\"]\n");
  const Config c = loader().load_file(file);  // no allow list, no --trust
  EXPECT_FALSE(c.trusted);
  EXPECT_TRUE(c.plugin_paths.empty());
  EXPECT_TRUE(c.plugins_refused);
  ASSERT_EQ(c.refused.size(), 2u);
  EXPECT_NE(c.refused[0].what.find("outside.toml"), std::string::npos);
  EXPECT_EQ(c.refused[0].where.begin.line, 1u);
  EXPECT_NE(c.refused[1].what.find("plugins"), std::string::npos);
  EXPECT_EQ(c.refused[1].where.begin.line, 3u);
  EXPECT_EQ(effective_severity(c, "placeholder.unfilled", Severity::error), Severity::note);  // inside.toml was read
  EXPECT_TRUE(inside(dir.path() / "sub" / "x" / ".." / "y.toml", dir.path() / "sub"));
  EXPECT_FALSE(inside(dir.path() / "sub" / ".." / "y.toml", dir.path() / "sub"));
}

TEST(Config, FindUpwardStopsAtTheNearest) {
  TempDir dir;
  dir.write(".reportlint.toml", "");
  dir.write("a/b/.reportlint.toml", "");
  std::filesystem::create_directories(dir.path() / "a/b/c");
  EXPECT_EQ(find_config_upward(dir.path() / "a/b/c"), dir.path() / "a/b/.reportlint.toml");
  EXPECT_EQ(find_config_upward(dir.path() / "a"), dir.path() / ".reportlint.toml");
}

TEST(Config, BuiltinPresetsLoad) {
  for (const std::string& name : loader().builtin_names()) {
    EXPECT_NO_THROW(loader().load_builtin(name)) << name;
  }
  EXPECT_THROW(loader().load_builtin("nope"), Error);
}

TEST(Config, HostileFilesAreRefusedNotCrashedOn) {
  TempDir dir;
  // A key of 100,000 dotted parts crashes toml++ (its recursion follows the key): refused
  // with a position before parsing, in key/value lines and in table headers alike.
  std::string dotted = "a";
  for (int i = 0; i < 100000; ++i) dotted += ".a";
  auto f = failures_loading(loader(), dir.write("d.toml", dotted + " = 1\n"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 1u);
  EXPECT_NE(f[0].message.find("键的层级太多"), std::string::npos);
  f = failures_loading(loader(), dir.write("h.toml", "[" + dotted + "]\n"));
  ASSERT_EQ(f.size(), 1u);
  // Dots in strings, comments, numbers and times are no key.
  EXPECT_NO_THROW(loader().load_file(
      dir.write("ok.toml", "# " + dotted + "\n[plugins.placeholder]\nallow = [\"" + dotted + "\", '" + dotted + "']\n")));

  // An extends chain of thousands of files: refused at the depth limit, not a stack overflow.
  for (int i = 0; i < 100; ++i) dir.write(fmt::format("c{}.toml", i), fmt::format("extends = \"c{}.toml\"\n", i + 1));
  dir.write("c100.toml", "");
  f = failures_loading(loader(), dir.path() / "c0.toml");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("嵌套超过 32 层"), std::string::npos);

  // Fan-out: every file extends the next two; each is merged once, not 2^30 times.
  for (int i = 0; i < 30; ++i) {
    const std::string extends = fmt::format("extends = [\"f{0}.toml\", \"g{0}.toml\"]\n", i + 1);
    dir.write(fmt::format("f{}.toml", i), extends);
    dir.write(fmt::format("g{}.toml", i), extends);
  }
  dir.write("f30.toml", "[rules]\n\"placeholder.unfilled\" = \"note\"\n");
  dir.write("g30.toml", "");
  const Config c = loader().load_file(dir.path() / "f0.toml");
  EXPECT_EQ(c.layers.size(), 61u);
  EXPECT_EQ(effective_severity(c, "placeholder.unfilled", Severity::error), Severity::note);
}

}  // namespace
}  // namespace reportlint
