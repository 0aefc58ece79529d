// [[ignore]] path globs: * within a segment, ? one character, ** across directories — and
// matched in time proportional to pattern × path, whatever the pattern.
#include <gtest/gtest.h>

#include "lint/suppressions.hpp"

namespace reportlint {
namespace {

TEST(Glob, Semantics) {
  EXPECT_TRUE(glob_matches("drafts/*.txt", "drafts/a.txt"));
  EXPECT_FALSE(glob_matches("drafts/*.txt", "drafts/sub/a.txt"));  // * stays in its segment
  EXPECT_TRUE(glob_matches("drafts/**", "drafts/sub/a.txt"));
  EXPECT_TRUE(glob_matches("**/a.txt", "a.txt"));                  // **/ may match no directory
  EXPECT_TRUE(glob_matches("**/a.txt", "x/y/a.txt"));
  EXPECT_FALSE(glob_matches("**/a.txt", "x/ya.txt"));              // what follows ** starts a segment
  EXPECT_TRUE(glob_matches("archive/**/*.md", "archive/2023/q1/a.md"));
  EXPECT_TRUE(glob_matches("?.txt", "a.txt"));
  EXPECT_TRUE(glob_matches("?.txt", "汇.txt"));                     // one character, not one byte
  EXPECT_FALSE(glob_matches("?.txt", "ab.txt"));
  EXPECT_FALSE(glob_matches("a?b", "a/b"));
  EXPECT_TRUE(glob_matches("历年稿件/*", "历年稿件/2023年总结.txt"));
  EXPECT_TRUE(glob_matches("", ""));
  EXPECT_FALSE(glob_matches("", "a"));
  EXPECT_TRUE(glob_matches("*", ""));
}

TEST(Glob, NoExponentialBacktracking) {
  // A backtracking matcher tries every way to split the path among the stars: with 30
  // stars and a path of 200 characters that never finishes. The automaton answers at once.
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "*b";
  const std::string path(200, 'a');
  EXPECT_FALSE(glob_matches(pattern, path));
  EXPECT_TRUE(glob_matches(pattern, path + "b"));
  std::string stars;
  for (int i = 0; i < 30; ++i) stars += "**/a";
  std::string deep;
  for (int i = 0; i < 60; ++i) deep += "a/";
  EXPECT_FALSE(glob_matches(stars + "/x", deep + "y"));
}

}  // namespace
}  // namespace reportlint
