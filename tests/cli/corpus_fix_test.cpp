// --fix on the sample corpus document changes exactly what the certain fixes say and
// nothing else. The expected text is worked out here, independently of the core's fix
// code: lint to JSON, apply every safe fix that does not overlap an earlier one, repeat
// until none is left; `--fix` must produce the same text, leave no certain finding, and
// change nothing when run again. A user's clone has no ../shared; the test skips there.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run_reportlint;

struct Edit {
  std::size_t begin, end;
  std::string replacement;
  std::string rule;
};

// Byte offsets of the start of each line (line n starts at starts[n - 1]).
std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

// The safe fixes reported for `file`, as byte ranges of `text`.
std::vector<Edit> safe_edits(const fs::path& file, const std::string& text) {
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "json", "--column-unit", "byte", file.string()});
  EXPECT_LE(r.status, 1) << r.err;
  const json report = json::parse(r.out);
  const std::vector<std::size_t> starts = line_starts(text);
  auto offset = [&](std::size_t line, std::size_t column) {
    return line - 1 < starts.size() ? starts[line - 1] + column - 1 : text.size();
  };
  std::vector<Edit> edits;
  for (const json& d : report["files"][0]["diagnostics"])
    for (const json& f : d["fixes"])
      if (f["applicability"] == "safe")
        edits.push_back({offset(f["line"], f["column"]), offset(f["end_line"], f["end_column"]),
                         f["replacement"].get<std::string>(), d["rule"].get<std::string>()});
  return edits;
}

// Applies the edits that do not overlap an earlier one, in order of position.
std::string apply_edits(const std::string& text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t at = 0;
  for (const Edit& e : edits) {
    if (e.begin < at) continue;  // overlaps the previous edit
    out.append(text, at, e.begin - at).append(e.replacement);
    at = e.end;
  }
  return out.append(text, at);
}

TEST(CorpusFix, AppliesExactlyTheCertainFixes) {
  const fs::path document = test::kSharedDir / "corpus" / "000_cdfd43f75199d920.txt";
  if (!fs::exists(document)) GTEST_SKIP() << "the shared corpus is not beside this clone; CI has it";
  test::TempDir dir;
  const std::string original = test::read_file(document);

  // The expected result, fix round by fix round.
  const fs::path scratch = dir.write("scratch.txt", original);
  std::string expected = original;
  std::map<std::string, std::size_t> applied_by_plugin;
  for (int round = 0; round < 10; ++round) {
    const std::vector<Edit> edits = safe_edits(scratch, expected);
    if (edits.empty()) break;
    for (const Edit& e : edits) ++applied_by_plugin[e.rule.substr(0, e.rule.find('.'))];
    expected = apply_edits(expected, edits);
    dir.write("scratch.txt", expected);
  }
  // Certain punctuation and phrasing findings are among them (report 1's half-width
  // marks, 截止目前).
  EXPECT_GE(applied_by_plugin["punctuation"], 350u);
  EXPECT_GE(applied_by_plugin["phrasing"], 3u);

  const fs::path file = dir.write("draft.txt", original);
  auto r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_LE(r.status, 1) << r.err;
  const std::string fixed = test::read_file(file);
  EXPECT_TRUE(fixed == expected) << "--fix changed something no certain fix asked for";
  EXPECT_TRUE(safe_edits(file, fixed).empty()) << "a certain finding is left after --fix";

  r = run_reportlint({"--config", "builtin:default", "--fix", file.string()});
  EXPECT_LE(r.status, 1) << r.err;
  EXPECT_EQ(test::read_file(file), fixed) << "a second --fix changed the text";
}

}  // namespace
}  // namespace reportlint
