// Splitting a run: --shard K/N puts every file in exactly one shard, the same one every
// time, balanced by size; --files-from reads newline- and NUL-separated lists; --format
// jsonl is one diagnostic object per line; `reportlint merge` refuses what it cannot merge.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::RunOptions;
using test::TempDir;
using json = nlohmann::json;

// A tree of 30 drafts of different sizes.
void make_tree(const TempDir& dir) {
  for (int i = 0; i < 30; ++i)
    dir.write("drafts/" + std::to_string(i % 4) + "/稿 " + std::to_string(i) + ".txt",
              std::string("完成xx次。\n") + std::string(static_cast<std::size_t>(40 * ((i * 7) % 11)), 'a') + "\n");
}

std::vector<std::string> files_of(const std::string& json_output) {
  std::vector<std::string> paths;
  const json report = json::parse(json_output);  // kept: iterating a temporary's member would dangle
  for (const json& f : report["files"]) paths.push_back(f["path"].get<std::string>());
  return paths;
}

TEST(Shard, EveryFileInExactlyOneShardBalancedBySize) {
  TempDir dir;
  make_tree(dir);
  RunOptions o;
  o.cwd = dir.path();
  const auto all = files_of(run_reportlint({"--format", "json", "drafts"}, o).out);
  ASSERT_EQ(all.size(), 30u);
  for (const int n : {1, 2, 3, 7, 40}) {
    std::multiset<std::string> seen;
    std::vector<std::uintmax_t> sizes;
    for (int k = 1; k <= n; ++k) {
      const std::string shard = std::to_string(k) + "/" + std::to_string(n);
      const auto r = run_reportlint({"--format", "json", "--shard", shard, "drafts"}, o);
      ASSERT_TRUE(r.status == 0 || r.status == 1) << r.err;
      EXPECT_EQ(files_of(run_reportlint({"--format", "json", "--shard", shard, "drafts"}, o).out), files_of(r.out))
          << "shard " << shard << " is not the same twice";
      std::uintmax_t size = 0;
      for (const std::string& p : files_of(r.out)) {
        seen.insert(p);
        size += test::fs::file_size(dir.path() / p);
      }
      sizes.push_back(size);
    }
    EXPECT_EQ(seen, std::multiset<std::string>(all.begin(), all.end())) << n << " shards: a file in none or in two";
    if (n <= 3) {
      const auto [lo, hi] = std::minmax_element(sizes.begin(), sizes.end());
      EXPECT_LE(*hi - *lo, 460u) << n << " shards are unbalanced";  // at most the largest file
    }
  }
}

TEST(Shard, BadValuesAndStandardInputAreRefused) {
  for (const char* bad : {"0/3", "4/3", "2", "a/b", "1/0"}) {
    const auto r = run_reportlint({"--shard", bad, "x.txt"});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_TRUE(contains(r.err, "应为 K/N")) << r.err;
  }
  RunOptions o;
  o.input = "完成xx次。\n";
  const auto r = run_reportlint({"--shard", "1/2", "-"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "--shard 不能与标准输入")) << r.err;
}

TEST(FilesFrom, NewlineAndNulSeparatedListsAndStandardInput) {
  TempDir dir;
  make_tree(dir);
  RunOptions o;
  o.cwd = dir.path();
  dir.write("list.txt", "drafts/0/稿 0.txt\r\ndrafts/1/稿 1.txt\n\n");
  auto r = run_reportlint({"--format", "json", "--files-from", "list.txt"}, o);
  EXPECT_EQ(files_of(r.out), (std::vector<std::string>{"drafts/0/稿 0.txt", "drafts/1/稿 1.txt"})) << r.err;
  static constexpr char kList[] = "drafts/2/稿 2.txt\0drafts/3/稿 3.txt\0";
  o.input = std::string(kList, sizeof kList - 1);
  r = run_reportlint({"--format", "json", "--files-from", "-", "drafts/0/稿 4.txt"}, o);
  EXPECT_EQ(files_of(r.out), (std::vector<std::string>{"drafts/0/稿 4.txt", "drafts/2/稿 2.txt", "drafts/3/稿 3.txt"}))
      << r.err;
  r = run_reportlint({"--files-from", "missing.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "missing.txt: error: 无法读取文件列表")) << r.err;
}

TEST(JsonLines, OneDiagnosticObjectPerLineWithItsPath) {
  TempDir dir;
  const auto a = dir.write("a.txt", "完成xx次，截止目前。\n");
  const auto r = run_reportlint({"--format", "jsonl", a.string()});
  EXPECT_EQ(r.status, 1);
  std::size_t lines = 0;
  for (std::size_t at = 0; at < r.out.size(); ++lines) {
    const std::size_t end = r.out.find('\n', at);
    ASSERT_NE(end, std::string::npos) << "every line ends with a newline";
    const json d = json::parse(r.out.substr(at, end - at));
    EXPECT_EQ(d["path"], a.string());
    EXPECT_TRUE(d.contains("rule") && d.contains("line") && d.contains("fixes")) << d.dump();
    at = end + 1;
  }
  EXPECT_EQ(lines, 2u) << r.out;
}

TEST(Merge, RefusesMixedOrForeignInputs) {
  TempDir dir;
  const auto draft = dir.write("a.txt", "完成xx次。\n");
  RunOptions o;
  o.cwd = dir.path();
  dir.write("one.json", run_reportlint({"--format", "json", "a.txt"}, o).out);
  dir.write("two.sarif", run_reportlint({"--format", "sarif", "a.txt"}, o).out);
  dir.write("other.json", "{\"hello\": 1}");
  auto r = run_reportlint({"merge", "one.json", "two.sarif"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "two.sarif: error: 不是 reportlint 的 json、jsonl 或 sarif 输出：与第一个文件的格式不同")) << r.err;
  r = run_reportlint({"merge", "other.json"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "other.json: error:")) << r.err;
  r = run_reportlint({"merge", "one.json", "one.json"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["summary"]["errors"], 2);
}

}  // namespace
}  // namespace reportlint
