// Golden tests of the output formats (contract: text, gcc, json, github, sarif). One CJK document, each
// format once. Regenerate after an intended change with
//   REPORTLINT_UPDATE_GOLDEN=1 ./build/bin/reportlint_tests --gtest_filter='Golden*'
// and read the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

struct GoldenCase {
  std::string name;                // tests/golden/<name>
  std::vector<std::string> args;   // before the file name
  int status;
};

// SARIF names the working directory as a file URI: the golden file says file:///SRCROOT/.
std::string normalize_root(std::string out, const test::fs::path& dir) {
  const std::string root = "file://" + dir.generic_string() + "/";
  for (std::size_t at = out.find(root); at != std::string::npos; at = out.find(root, at))
    out.replace(at, root.size(), "file:///SRCROOT/");
  return out;
}

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, OutputMatches) {
  const GoldenCase& c = GetParam();
  const test::fs::path dir = test::kSourceDir / "tests" / "golden";
  std::vector<std::string> args = {"--config", "builtin:default"};
  args.insert(args.end(), c.args.begin(), c.args.end());
  args.push_back("draft.txt");
  test::RunOptions options;
  options.cwd = dir;
  const auto result = test::run_reportlint(args, options);
  EXPECT_EQ(result.status, c.status) << result.err;
  EXPECT_EQ(result.err, "");
  const std::string out = normalize_root(result.out, dir);
  const test::fs::path golden = dir / c.name;
  if (const char* update = std::getenv("REPORTLINT_UPDATE_GOLDEN"); update && *update) {
    std::ofstream(golden, std::ios::binary) << out;
    GTEST_SKIP() << "updated " << golden;
  }
  EXPECT_EQ(out, test::read_file(golden)) << "golden file " << golden;
}

INSTANTIATE_TEST_SUITE_P(
    Golden, GoldenTest,
    ::testing::Values(GoldenCase{"draft.text", {"--color", "never"}, 1},
                      GoldenCase{"draft.color.text", {"--color", "always"}, 1},
                      GoldenCase{"draft.gcc", {"--format", "gcc"}, 1},
                      GoldenCase{"draft.display.gcc", {"--format", "gcc", "--column-unit", "display"}, 1},
                      GoldenCase{"draft.json", {"--format", "json"}, 1},
                      GoldenCase{"draft.byte.json", {"--format", "json", "--column-unit", "byte"}, 1},
                      GoldenCase{"draft.github", {"--format", "github"}, 1},
                      GoldenCase{"draft.sarif", {"--format", "sarif"}, 1},
                      GoldenCase{"draft.utf16.sarif", {"--format", "sarif", "--column-unit", "utf16"}, 1},
                      GoldenCase{"draft.gitlab.json", {"--format", "gitlab"}, 1},
                      GoldenCase{"draft.rdjson", {"--format", "rdjson"}, 1}),
    [](const ::testing::TestParamInfo<GoldenCase>& info) {
      std::string n = info.param.name;
      for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

}  // namespace
}  // namespace reportlint
