// Runs every fixture document under tests/fixtures/<plugin>/ and compares what the
// built-in plugins report with the expectations written in the fixture itself.
//
// Fixture syntax (see tests/fixtures/README.md):
//   #=> RULE @COL-END     a diagnostic on the nearest content line above, columns in code
//                         points, END exclusive ("$" = end of line)
//   #! text               a comment for the reader
// Both kinds of line are removed before linting. Every other line must produce exactly
// the expected diagnostics of the plugin the folder is named after — a line without
// "#=>" must stay clean of that plugin. In tests/fixtures/clean/ every plugin must stay
// silent (correct documents full of traps). Beside a fixture:
//   NAME.toml             the config to lint it with (default: builtin:default)
//   NAME.fixed.EXT        the text after --fix; fixing that again must change nothing
//                         (REPORTLINT_UPDATE_GOLDEN=1 rewrites it: read the diff)
//   NAME.messages         what each annotated diagnostic says (line:column, rule, message
//                         and notes), required when the fixture expects any: the words a
//                         user reads are asserted too (REPORTLINT_UPDATE_GOLDEN=1 writes it)
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <set>
#include <tuple>

#include "lint/fixes.hpp"
#include "model/position.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::uint32_t line;
  std::uint32_t column;
  std::uint32_t end_column;
  std::string rule;
  auto key() const { return std::tie(line, column, end_column, rule); }
  bool operator<(const Expectation& o) const { return key() < o.key(); }
  bool operator==(const Expectation& o) const { return key() == o.key(); }
};

struct Fixture {
  std::string text;  // with annotation lines removed
  std::set<Expectation> expected;
};

Fixture parse_fixture(const fs::path& path) {
  const std::string raw = test::read_file(path);
  Fixture f;
  std::uint32_t content_lines = 0;
  std::vector<std::string_view> kept;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t nl = raw.find('\n', pos);
    const std::size_t next = nl == std::string::npos ? raw.size() : nl + 1;
    std::string_view line(raw.data() + pos, (nl == std::string::npos ? raw.size() : nl) - pos);
    const std::string_view with_newline(raw.data() + pos, next - pos);
    pos = next;
    if (line.starts_with("#!")) continue;
    if (line.starts_with("#=>")) {
      // "#=> rule @3-5"
      std::string_view rest = line.substr(3);
      while (rest.starts_with(' ')) rest.remove_prefix(1);
      const std::size_t at = rest.find(" @");
      if (at == std::string_view::npos || content_lines == 0) ADD_FAILURE() << path << ": bad annotation: " << line;
      Expectation e{content_lines, 0, 0, std::string(rest.substr(0, at))};
      std::string_view cols = rest.substr(at + 2);
      const std::size_t dash = cols.find('-');
      std::from_chars(cols.data(), cols.data() + dash, e.column);
      const std::string_view end = cols.substr(dash + 1);
      if (end == "$") {
        std::string_view content = kept.back();
        if (content.ends_with('\n')) content.remove_suffix(1);
        if (content.ends_with('\r')) content.remove_suffix(1);
        e.end_column = static_cast<std::uint32_t>(utf8::count_code_points(content)) + 1;
      } else {
        std::from_chars(end.data(), end.data() + end.size(), e.end_column);
      }
      f.expected.insert(e);
      continue;
    }
    ++content_lines;
    kept.push_back(with_newline);
  }
  for (std::string_view k : kept) f.text += k;
  return f;
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  const fs::path root = test::kSourceDir / "tests" / "fixtures";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    if (!entry.is_regular_file() || name.find(".fixed.") != std::string::npos || name == "README.md") continue;
    if (p.extension() == ".txt" || p.extension() == ".md") files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string describe(const Expectation& e, const std::string& path) {
  return fmt::format("{}:{}:{}-{}: [{}]", path, e.line, e.column, e.end_column, e.rule);
}

class FixtureTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(FixtureTest, ReportsExactlyWhatIsAnnotated) {
  const fs::path path = GetParam();
  const std::string shown = fs::relative(path, test::kSourceDir).string();
  const Fixture fixture = parse_fixture(path);
  fs::path config = path;
  config.replace_extension(".toml");
  const auto linter = test::builtin_linter(fs::exists(config) ? config : fs::path());

  const Document doc = test::make_document(fixture.text, path.filename().string());
  const std::vector<Diagnostic> diagnostics = linter->lint(doc);
  const std::string plugin = path.parent_path().filename().string();
  std::set<Expectation> actual;
  PositionMapper begins(doc, ColumnUnit::codepoint), ends(doc, ColumnUnit::codepoint);
  std::map<Expectation, std::string> messages;
  for (const Diagnostic& d : diagnostics) {
    if (plugin != "clean" && d.rule.substr(0, d.rule.find('.')) != plugin) continue;
    const Position b = begins.at(d.range.begin), e = ends.at(d.range.end);
    const Expectation x{b.line, b.column, e.line == b.line ? e.column : 0, std::string(d.rule)};
    actual.insert(x);
    messages[x] = d.message;
  }
  std::string report;
  for (const Expectation& e : fixture.expected)
    if (!actual.count(e)) report += "  missing:    " + describe(e, shown) + "\n";
  for (const Expectation& a : actual)
    if (!fixture.expected.count(a)) report += "  unexpected: " + describe(a, shown) + " " + messages[a] + "\n";
  EXPECT_TRUE(report.empty()) << "diagnostics differ from the annotations:\n" << report;

  // The messages, as a snapshot beside the fixture.
  std::string said;
  for (const Diagnostic& d : diagnostics) {
    if (plugin != "clean" && d.rule.substr(0, d.rule.find('.')) != plugin) continue;
    const Position b = begins.at(d.range.begin);
    said += fmt::format("{}:{}: [{}] {}\n", b.line, b.column, d.rule, d.message);
    for (const Note& n : d.notes) said += fmt::format("  note: {}\n", n.message);
    if (d.fix) said += fmt::format("  fix: {}\n", describe_fix(doc.text(), *d.fix));
  }
  fs::path messages_path = path;
  messages_path.replace_extension(".messages");
  if (const char* update = std::getenv("REPORTLINT_UPDATE_GOLDEN"); update && *update && !said.empty())
    std::ofstream(messages_path, std::ios::binary) << said;
  if (!said.empty() || fs::exists(messages_path)) {
    ASSERT_TRUE(fs::exists(messages_path)) << shown << " has no message snapshot " << messages_path.filename()
                                           << ": write it with REPORTLINT_UPDATE_GOLDEN=1 and read it";
    EXPECT_EQ(said, test::read_file(messages_path)) << "messages differ from " << messages_path.filename();
  }

  fs::path fixed_path = path;
  fixed_path.replace_extension();
  fixed_path += ".fixed" + path.extension().string();
  if (!fs::exists(fixed_path)) return;
  // Only this plugin's fixes: the expected text is about its rules.
  auto own = [&](std::vector<Diagnostic> all) {
    std::erase_if(all, [&](const Diagnostic& d) { return plugin != "clean" && d.rule.substr(0, d.rule.find('.')) != plugin; });
    return all;
  };
  std::string text = fixture.text;
  for (int pass = 0; pass < 10; ++pass) {
    const Document current = test::make_document(text, path.filename().string());
    FixResult r = apply_fixes(current.text(), own(linter->lint(current)));
    if (r.applied == 0) break;
    text = std::move(r.text);
  }
  // After an intended change: REPORTLINT_UPDATE_GOLDEN=1, then read the diff of the .fixed files.
  if (const char* update = std::getenv("REPORTLINT_UPDATE_GOLDEN"); update && *update)
    std::ofstream(fixed_path, std::ios::binary) << text;
  EXPECT_EQ(text, test::read_file(fixed_path)) << "after --fix: " << shown;
  const Document again = test::make_document(text, path.filename().string());
  EXPECT_EQ(apply_fixes(again.text(), own(linter->lint(again))).applied, 0u) << "a second --fix changed something";
}

// Every rule of a built-in plugin is exercised by an annotation of a fixture in its
// plugin's folder. (The core's own rules come from --fix, the trust check and
// suppression comments: tests/cli covers them.)
TEST(Fixtures, EveryPluginRuleHasOne) {
  std::set<std::string> annotated;
  for (const fs::path& path : fixture_files())
    for (const Expectation& e : parse_fixture(path).expected)
      if (e.rule.substr(0, e.rule.find('.')) == path.parent_path().filename().string()) annotated.insert(e.rule);
  const auto linter = test::builtin_linter();
  std::size_t rules = 0;
  for (const auto& plugin : linter->plugins().plugins())
    for (const RuleInfo& rule : plugin->rules()) {
      ++rules;
      EXPECT_TRUE(annotated.count(std::string(rule.id)))
          << rule.id << " has no fixture: annotate a case in tests/fixtures/" << plugin->name() << "/";
    }
  EXPECT_GT(rules, 40u);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(fixture_files()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = fs::relative(info.param, test::kSourceDir / "tests" / "fixtures").string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace reportlint
