// The sample corpus beside the project (../shared/corpus) with its ground truth: for
// every built-in plugin, each required row's line is reported and no line without a
// row of that plugin is. Rows marked [note] are judgement calls: they may be reported.
// A user's clone has no ../shared; the test skips there.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/position.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;

struct Truth {
  std::set<std::uint32_t> required, optional;
};

TEST(SeedCorpus, BuiltinPluginsMatchTheGroundTruth) {
  const fs::path corpus = test::kSharedDir / "corpus";
  const fs::path document = corpus / "000_cdfd43f75199d920.txt";
  const fs::path tsv = corpus / "seed-defects.tsv";
  if (!fs::exists(document) || !fs::exists(tsv))
    GTEST_SKIP() << "the shared corpus is not beside this clone (" << corpus << "); CI has it";

  std::map<std::string, Truth> truth;
  std::istringstream rows(test::read_file(tsv));
  for (std::string row; std::getline(rows, row);) {
    const std::size_t t1 = row.find('\t'), t2 = row.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos || row.empty() || !std::isdigit(static_cast<unsigned char>(row[0])))
      continue;
    const auto line = static_cast<std::uint32_t>(std::stoul(row.substr(0, t1)));
    Truth& t = truth[row.substr(t1 + 1, t2 - t1 - 1)];
    (row.find("[note]", t2) != std::string::npos ? t.optional : t.required).insert(line);
  }
  for (auto& [plugin, t] : truth)
    for (std::uint32_t line : t.required) t.optional.erase(line);

  const auto linter = test::builtin_linter();
  const Document doc = test::make_document(test::read_file(document), document.filename().string());
  std::map<std::string, std::set<std::uint32_t>> found;
  PositionMapper positions(doc, ColumnUnit::codepoint);
  for (const Diagnostic& d : linter->lint(doc))
    found[std::string(d.rule.substr(0, d.rule.find('.')))].insert(positions.at(d.range.begin).line);

  for (const auto& plugin : linter->plugins().plugins()) {
    const std::string name(plugin->name());
    const Truth& t = truth[name];
    const std::set<std::uint32_t>& lines = found[name];
    for (std::uint32_t line : t.required)
      EXPECT_TRUE(lines.count(line)) << name << ": ground-truth row on line " << line << " is not reported";
    for (std::uint32_t line : lines)
      EXPECT_TRUE(t.required.count(line) || t.optional.count(line))
          << name << ": line " << line << " is reported but has no ground-truth row";
  }
}

}  // namespace
}  // namespace reportlint
