// File names are any bytes: each output format shows one that is not UTF-8, or that holds
// a terminal escape sequence, escaped (JSON stays valid, the terminal is left alone), and
// --write-baseline records it. And the errors users meet say what is wrong, once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_reportlint;
using test::TempDir;
using json = nlohmann::json;
using namespace std::string_literals;

// "a", byte FF (not UTF-8), ESC [2J (clear screen), "b.txt".
const std::string kHostileName = "a\xFF\x1B[2Jb.txt";
const std::string kShownName = "a\\xFF\\x1B[2Jb.txt";

class HostileName : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileName, IsEscapedInEveryFormat) {
  TempDir dir;
  dir.write(kHostileName, "完成xx项。\n");
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "--format", GetParam(), "--color", "never", "."}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_FALSE(contains(r.out, "\x1B")) << "an escape sequence reached the output";
  EXPECT_FALSE(contains(r.out, "\xFF"));
  if (GetParam() == "json") {
    const json report = json::parse(r.out);  // throws on invalid UTF-8
    EXPECT_EQ(report["files"][0]["path"], "./" + kShownName);
  } else if (GetParam() == "sarif") {
    const json log = json::parse(r.out);
    // A URI holds the exact bytes, percent-encoded.
    EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "a%FF%1B%5B2Jb.txt");
  } else {
    EXPECT_TRUE(contains(r.out, kShownName)) << r.out;
  }
}

INSTANTIATE_TEST_SUITE_P(Names, HostileName, ::testing::Values("text", "gcc", "json", "sarif", "github"),
                         [](const auto& info) { return info.param; });

TEST(Names, AHostileNameIsRecordedInTheBaselineAndMatchesItAgain) {
  TempDir dir;
  dir.write(kHostileName, "完成xx项。\n");
  test::RunOptions o;
  o.cwd = dir.path();
  auto r = run_reportlint({"--config", "builtin:default", "--write-baseline", "base.json", "."}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  const json baseline = json::parse(test::read_file(dir.path() / "base.json"));
  EXPECT_EQ(baseline["findings"][0]["file"], kShownName);
  EXPECT_FALSE(contains(r.err, "\x1B"));
  r = run_reportlint({"--config", "builtin:default", "--baseline", "base.json", "."}, o);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "1 problem in the baseline")) << r.out;
}

TEST(Names, AnUnreadableHostileNameIsEscapedInTheError) {
  TempDir dir;
  dir.write(kHostileName, "完成\0项。\n"s);
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", kHostileName}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, kShownName + ":1:3: error: 包含 NUL 字节")) << r.err;
  EXPECT_FALSE(contains(r.err, "\x1B"));
}

TEST(Messages, ABadBaselineIsNamedWithThePosition) {
  TempDir dir;
  const auto draft = dir.write("d.txt", "完成xx项。\n").string();
  auto baseline_error = [&](const std::string& name, const std::string& content) {
    const auto file = dir.write(name, content).string();
    const auto r = run_reportlint({"--config", "builtin:default", "--baseline", file, draft});
    EXPECT_EQ(r.status, 2) << name;
    EXPECT_FALSE(contains(r.err, "内部错误")) << r.err;
    return r.err;
  };
  EXPECT_TRUE(contains(baseline_error("syntax.json", "{\"version\": 1,\n  \"findings\": [ {\"file\": 3} "),
                       "syntax.json:2:29: error: 不是有效的基线文件：JSON 语法错误"));
  EXPECT_TRUE(contains(baseline_error("count.json", R"({"version":1,"findings":[{"file":"a","rule":"r","line":"x","count":"many"}]})"),
                       "count.json: error: 不是有效的基线文件：第 1 条记录的 \"count\" 应为正整数"));
  EXPECT_TRUE(contains(baseline_error("type.json", R"({"version":1,"findings":[{"file":1,"rule":"r","line":"x"}]})"),
                       "第 1 条记录应有字符串"));
  EXPECT_TRUE(contains(baseline_error("version.json", R"({"version":"1","findings":[]})"), "应有 \"version\"（1 或 2）"));
  const auto r = run_reportlint({"--config", "builtin:default", "--baseline", "/dev/zero", draft});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "/dev/zero: error: 基线文件不是普通文件")) << r.err;
}

TEST(Messages, AConfigThatIsNoRegularFileSaysWhatItIs) {
  TempDir dir;
  const auto draft = dir.write("d.txt", "正文。\n").string();
  auto r = run_reportlint({"--config", "/dev/zero", draft});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "配置文件 /dev/zero 不是普通文件")) << r.err;
  r = run_reportlint({"--config", dir.path().string(), draft});
  EXPECT_TRUE(contains(r.err, "是目录，不是文件")) << r.err;
  r = run_reportlint({"--config", (dir.path() / "none.toml").string(), draft});
  EXPECT_TRUE(contains(r.err, "找不到配置文件")) << r.err;
}

TEST(Messages, AFileNamedTwiceIsReportedOnce) {
  TempDir dir;
  test::RunOptions o;
  o.cwd = dir.path();
  const auto r = run_reportlint({"--config", "builtin:default", "m.txt", "m.txt", "./m.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(test::count(r.err, "m.txt: error: 文件或目录不存在"), 1u) << r.err;
  EXPECT_TRUE(contains(r.out, "no file checked: 1 input could not be read")) << r.out;
}

}  // namespace
}  // namespace reportlint
