// Time and memory stay linear in the input. These inputs made the old renderers and
// position mapping quadratic (a 2 MB line took 29 s in text format and 8 s in JSON, a 4 MB
// one minutes); now each runs in about a second, and CTest's time limit fails the test if
// that ever regresses. (The figures themselves are the benchmark's: bench/run.py.)
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::TempDir;

// One line of 4 MB with a finding every 8 characters: about 170,000 findings, all on it.
std::string long_line() {
  std::string line;
  line.reserve(4'200'000);
  while (line.size() < 4'000'000) line += "完成xx项，截止目前。";
  return line + "\n";
}

class LongLine : public ::testing::TestWithParam<std::string> {};

TEST_P(LongLine, EveryFormatRendersInLinearTime) {
  TempDir dir;
  const auto file = dir.write("long.txt", long_line());
  const auto r = run_reportlint({"--config", "builtin:default", "--format", GetParam(), "--color", "never", file.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_GT(r.out.size(), 1'000'000u);
  if (GetParam() == "text") {
    // Snippets are windows around each finding, not the 4 MB line.
    EXPECT_LT(r.out.size() / test::count(r.out, "[placeholder.unfilled]"), 2'000u);
    EXPECT_TRUE(contains(r.out, "...")) << r.out.substr(0, 500);
  }
}

INSTANTIATE_TEST_SUITE_P(Scale, LongLine, ::testing::Values("text", "json", "gcc", "sarif", "github"),
                         [](const auto& info) { return info.param; });

TEST(Scale, AHugeMatchIsShortenedInMessages) {
  TempDir dir;
  const auto file = dir.write("x.txt", "完成" + std::string(1'000'000, 'x') + "项。\n");
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", file.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_LT(r.out.size(), 2'000u) << r.out.size();
  EXPECT_TRUE(contains(r.out, "……")) << r.out;
}

}  // namespace
}  // namespace reportlint
