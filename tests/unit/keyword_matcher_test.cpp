#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "reportlint/keyword_matcher.hpp"

namespace reportlint {
namespace {

using Match = std::tuple<std::uint32_t, std::size_t, std::size_t>;

std::vector<Match> all(const KeywordMatcher& m, std::string_view text) {
  std::vector<Match> out;
  m.scan(text, [&](std::uint32_t k, std::size_t b, std::size_t e) { out.emplace_back(k, b, e); });
  return out;
}

TEST(KeywordMatcher, FindsOverlappingKeywordsInUtf8) {
  KeywordMatcher m;
  m.add("截止");
  m.add("截止目前");
  m.add("目前");
  m.build();
  const std::string text = "据悉截止目前";
  EXPECT_EQ(all(m, text), (std::vector<Match>{{0, 6, 12}, {1, 6, 18}, {2, 12, 18}}));
}

TEST(KeywordMatcher, ClassicAhoCorasickCase) {
  KeywordMatcher m;
  for (auto w : {"he", "she", "his", "hers"}) m.add(w);
  m.build();
  EXPECT_EQ(all(m, "ushers"), (std::vector<Match>{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}));
}

TEST(KeywordMatcher, EmptyAndUnbuilt) {
  KeywordMatcher m;
  EXPECT_TRUE(all(m, "abc").empty());
  m.add("");
  m.build();
  EXPECT_TRUE(all(m, "abc").empty());
}

class KeywordMatcherPaths : public ::testing::TestWithParam<KeywordMatcher::Limits> {};

}  // namespace

// Found by argument-dependent lookup, so it lives in the namespace of Limits.
void PrintTo(const KeywordMatcher::Limits& l, std::ostream* os) {
  *os << "table " << l.max_table_cells << ", alphabet " << l.max_alphabet;
}

namespace {

// Each path of the matcher — sparse walk, table, table skipping non-keyword characters —
// must find exactly what a naive search finds, also in text with other characters.
TEST_P(KeywordMatcherPaths, AgreesWithNaiveSearchOnRandomText) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"党", "建", "引", "领", "a", "b", "，"};
  const std::vector<std::string> text_alphabet = {"党", "建", "引", "领", "a", "b", "，", "中", "x", "𠀀", "\n"};
  auto random_string = [&](std::size_t n, const std::vector<std::string>& from) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += from[rng() % from.size()];
    return s;
  };
  std::vector<std::string> words;
  KeywordMatcher m;
  for (int i = 0; i < 60; ++i) {
    words.push_back(random_string(1 + rng() % 4, alphabet));
    m.add(words.back());
  }
  m.build(GetParam());
  const std::string text = random_string(4000, text_alphabet);
  std::vector<Match> expected;
  for (std::size_t end = 1; end <= text.size(); ++end)
    for (std::uint32_t k = 0; k < words.size(); ++k)
      if (words[k].size() <= end && text.compare(end - words[k].size(), words[k].size(), words[k]) == 0)
        expected.emplace_back(k, end - words[k].size(), end);
  std::vector<Match> got = all(m, text);
  auto by_end_then_key = [](const Match& a, const Match& b) {
    return std::tie(std::get<2>(a), std::get<0>(a)) < std::tie(std::get<2>(b), std::get<0>(b));
  };
  std::sort(got.begin(), got.end(), by_end_then_key);
  std::sort(expected.begin(), expected.end(), by_end_then_key);
  EXPECT_EQ(got, expected);
}

INSTANTIATE_TEST_SUITE_P(Paths, KeywordMatcherPaths,
                         ::testing::Values(KeywordMatcher::Limits{0, 600},          // sparse walk
                                           KeywordMatcher::Limits{1u << 24, 0},     // table only
                                           KeywordMatcher::Limits{1u << 24, 600}),  // table and alphabet
                         [](const auto& info) {
                           return std::string(info.index == 0 ? "sparse" : info.index == 1 ? "table" : "alphabet");
                         });

TEST(KeywordMatcher, SparseWalkFindsTheClassicCase) {
  KeywordMatcher m;
  for (auto w : {"he", "she", "his", "hers"}) m.add(w);
  m.build({0, 600});
  EXPECT_EQ(all(m, "ushers"), (std::vector<Match>{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}));
}

}  // namespace
}  // namespace reportlint
