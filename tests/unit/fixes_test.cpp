// Applying fixes: never two overlapping fixes, multi-edit fixes all or nothing.
#include <gtest/gtest.h>

#include "lint/fixes.hpp"
#include "lint/linter.hpp"

namespace reportlint {
namespace {

Diagnostic with_fix(std::vector<Edit> edits, Applicability a = Applicability::safe) {
  Diagnostic d;
  d.rule = "t.r";
  d.range = edits.front().range;
  d.fix = Fix{std::move(edits), a, {}};
  return d;
}

TEST(ApplyFixes, ReplacesAndKeepsTheRest) {
  const std::string text = "D建引领，D员干部";
  const auto r = apply_fixes(text, {with_fix({{{0, 1}, "党"}}), with_fix({{{13, 14}, "党"}})});
  EXPECT_EQ(r.text, "党建引领，党员干部");
  EXPECT_EQ(r.applied, 2u);
}

TEST(ApplyFixes, SkipsUnsafeFixes) {
  const auto r = apply_fixes("abc", {with_fix({{{0, 1}, "x"}}, Applicability::unsafe)});
  EXPECT_EQ(r.text, "abc");
  EXPECT_EQ(r.applied, 0u);
}

TEST(ApplyFixes, OverlappingFixesAreNeverBothApplied) {
  const auto r = apply_fixes("abcdef", {with_fix({{{1, 4}, "X"}}), with_fix({{{3, 5}, "Y"}})});
  EXPECT_EQ(r.text, "aXef");
  EXPECT_EQ(r.applied, 1u);
}

TEST(ApplyFixes, AdjacentEditsAreFine) {
  const auto r = apply_fixes("abcdef", {with_fix({{{1, 3}, "X"}}), with_fix({{{3, 5}, "Y"}})});
  EXPECT_EQ(r.text, "aXYf");
}

TEST(ApplyFixes, InsertionsConflictAtTheSameOffset) {
  auto r = apply_fixes("ab", {with_fix({{{1, 1}, "X"}}), with_fix({{{1, 1}, "Y"}})});
  EXPECT_EQ(r.text, "aXb");
  r = apply_fixes("abc", {with_fix({{{1, 2}, "X"}}), with_fix({{{1, 1}, "Y"}})});
  EXPECT_EQ(r.text, "aXc");
  r = apply_fixes("abc", {with_fix({{{1, 2}, "X"}}), with_fix({{{2, 2}, "Y"}})});
  EXPECT_EQ(r.text, "aXYc");  // inserting right after a replaced range is unambiguous
}

TEST(ApplyFixes, MultiEditFixIsAllOrNothing) {
  const auto r = apply_fixes("一二三四", {with_fix({{{0, 3}, "1"}}), with_fix({{{3, 6}, "2"}, {{0, 3}, "一"}})});
  EXPECT_EQ(r.text, "1二三四");
  EXPECT_EQ(r.applied, 1u);
}

TEST(DescribeFix, SaysWhatChanges) {
  EXPECT_EQ(describe_fix("D建", Fix{{{{0, 1}, "党"}}, Applicability::safe, {}}), "改为“党”");
  EXPECT_EQ(describe_fix("##x##", Fix{{{{0, 5}, ""}}, Applicability::safe, {}}), "删除“##x##”");
  EXPECT_EQ(describe_fix("ab", Fix{{{{1, 1}, "、"}}, Applicability::safe, {}}), "插入“、”");
  EXPECT_EQ(describe_fix("ab", Fix{{{{0, 1}, "x"}}, Applicability::safe, "自定义"}), "自定义");
}

}  // namespace
}  // namespace reportlint

namespace reportlint {
namespace {

// The core's merge of per-rule runs must equal a stable sort, with few runs and many.
TEST(SortDiagnostics, EqualsAStableSort) {
  for (std::size_t runs : {1u, 2u, 3u, 7u, 100u}) {
    std::vector<Diagnostic> diagnostics;
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u; };
    for (std::size_t r = 0; r < runs; ++r) {
      std::uint32_t at = 0;
      for (int k = 0; k < 50; ++k) {  // an ascending run, with ties
        at += next() % 4;
        Diagnostic d;
        d.rule = r % 2 ? "a.x" : "a.y";
        d.range = {at, at + next() % 3};
        d.message = std::to_string(r) + "/" + std::to_string(k);  // identifies the original order
        diagnostics.push_back(std::move(d));
      }
    }
    std::vector<Diagnostic> expected = diagnostics;
    std::stable_sort(expected.begin(), expected.end(), diagnostic_before);
    sort_diagnostics(diagnostics);
    ASSERT_EQ(diagnostics.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      EXPECT_EQ(diagnostics[i].message, expected[i].message) << runs << " runs, position " << i;
  }
}

}  // namespace
}  // namespace reportlint
