// Never lose a draft, never pass a gate unchecked: --fix and --write-baseline refuse
// whatever would destroy data, output that cannot be written is an error, and every input
// that cannot be read is one too. Through the real binary.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::run_process;
using test::run_reportlint;
using test::TempDir;
namespace fs = std::filesystem;

const std::string kDraft = "完成xx项，截止目前共120人。\n";  // 截止目前 has a certain fix

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode;
}

TEST(DataSafety, WriteBaselineReplacesOnlyARegularFileThatIsNoInput) {
  TempDir dir;
  const auto draft = dir.write("a.txt", kDraft);
  test::RunOptions o;
  o.cwd = dir.path();

  // The draft itself.
  auto r = run_reportlint({"--write-baseline", "a.txt", "a.txt"}, o);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "a.txt: error: 基线文件就是要检查的文件之一")) << r.err;
  EXPECT_EQ(test::read_file(draft), kDraft);

  // A FIFO, a directory and a device are never replaced.
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0644), 0);
  fs::create_directory(dir.path() / "folder");
  for (const std::string& target : {std::string("fifo"), std::string("folder"), std::string("/dev/null")}) {
    r = run_reportlint({"--write-baseline", target, "a.txt"}, o);
    EXPECT_EQ(r.status, 2) << target;
    EXPECT_TRUE(contains(r.err, "不是普通文件")) << target << ": " << r.err;
  }
  EXPECT_TRUE(S_ISFIFO(mode_of(dir.path() / "fifo")));
  EXPECT_TRUE(fs::is_directory(dir.path() / "folder"));

  // A new file is created, with the usual permissions.
  r = run_reportlint({"--write-baseline", "sub/base.json", "a.txt"}, o);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(test::read_file(dir.path() / "sub" / "base.json"), "\"version\": 2"));
}

TEST(DataSafety, FixRefusesReadOnlyFilesUnlessForced) {
  TempDir dir;
  const auto draft = dir.write("a.txt", kDraft);
  fs::permissions(draft, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto r = run_reportlint({"--config", "builtin:default", "--fix", draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "是只读文件，没有写回")) << r.err;
  EXPECT_EQ(test::read_file(draft), kDraft);
  r = run_reportlint({"--config", "builtin:default", "--fix", "--force", draft.string()});
  EXPECT_EQ(r.status, 1) << r.err;  // the xx is left
  EXPECT_TRUE(contains(test::read_file(draft), "截至目前"));
  EXPECT_EQ(mode_of(draft) & 07777, 0444u);  // still read-only
}

TEST(DataSafety, FixKeepsHardLinksWhole) {
  TempDir dir;
  const auto draft = dir.write("a.txt", kDraft);
  fs::create_hard_link(draft, dir.path() / "b.txt");
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "有 2 个硬链接")) << r.err;
  EXPECT_EQ(test::read_file(draft), kDraft);
  EXPECT_EQ(fs::hard_link_count(draft), 2u);
}

TEST(DataSafety, FixKeepsTheOwnerOrRefuses) {
  if (!test::can_run_as_nobody()) GTEST_SKIP() << "needs root, setpriv, and a checkout other users can reach, to act as another user";
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // nobody may create the temporary file here
  const auto draft = dir.write("a.txt", kDraft);
  fs::permissions(draft, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                             fs::perms::group_write | fs::perms::others_read | fs::perms::others_write);
  const auto r = test::run_reportlint_as_nobody({"--config", "builtin:default", "--fix", draft.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "无法让新文件保持原来的属主和属组")) << r.err;
  EXPECT_EQ(test::read_file(draft), kDraft);
  struct stat st {};
  ::stat(draft.c_str(), &st);
  EXPECT_EQ(st.st_uid, 0u);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with(".a.txt")) << "temporary file left: " << entry.path();
}

TEST(DataSafety, FixLeavesAFileChangedWhileItWasLinted) {
  // A large draft takes a while to lint. As soon as reportlint has read it (inotify: the
  // file was closed after reading), the test appends a line — an edit saved by someone
  // else. --fix must notice and keep the edit.
  TempDir dir;
  std::string big;
  for (int i = 0; i < 120000; ++i) {
    big.append("截止目前完成xx项，第");
    big.append(std::to_string(i));
    big.append("次。\n");
  }
  const auto draft = dir.write("big.txt", big);
  const int watch = ::inotify_init1(IN_CLOEXEC);
  ASSERT_GE(watch, 0);
  ASSERT_GE(::inotify_add_watch(watch, draft.c_str(), IN_CLOSE_NOWRITE), 0);
  std::thread editor([&] {
    pollfd ready{watch, POLLIN, 0};
    char events[4096];
    if (::poll(&ready, 1, 60000) == 1 && ::read(watch, events, sizeof events) > 0)
      std::ofstream(draft, std::ios::app) << "新增的一行。\n";
  });
  const auto r = run_reportlint({"--config", "builtin:default", "--fix", "--format", "gcc", draft.string()});
  editor.join();
  ::close(watch);
  EXPECT_EQ(r.status, 2) << r.err.substr(0, 500);
  EXPECT_TRUE(contains(r.err, "在检查期间被修改过，没有写回修复")) << r.err.substr(0, 500);
  EXPECT_EQ(test::read_file(draft), big + "新增的一行。\n");
}

TEST(DataSafety, OutputThatCannotBeWrittenIsAnError) {
  TempDir dir;
  const auto draft = dir.write("a.txt", kDraft);
  const std::string bin = test::kBinary.string();
  auto r = run_process({"/bin/sh", "-c", "\"$0\" --config builtin:default \"$1\" > /dev/full", bin, draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "写标准输出失败")) << r.err;
  r = run_process({"/bin/sh", "-c", "\"$0\" --config builtin:default --fix - < \"$1\" > /dev/full", bin, draft.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "写标准输出失败")) << r.err;
}

TEST(DataSafety, RunawayInputIsCutOff) {
  const std::string bin = test::kBinary.string();
  const auto r = run_process({"/bin/sh", "-c", "\"$0\" --config builtin:default --max-file-size 1M - < /dev/zero", bin});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "标准输入超过上限 1048576 字节")) << r.err;
  TempDir dir;
  const auto big = dir.write("big.txt", std::string(2 << 20, 'a'));
  const auto f = run_reportlint({"--config", "builtin:default", "--max-file-size", "1M", big.string()});
  EXPECT_EQ(f.status, 2);
  EXPECT_TRUE(contains(f.err, "big.txt: error: 文件过大（2097152 字节），超过上限 1048576 字节")) << f.err;
}

TEST(DataSafety, EveryUnreadableInputIsAnErrorAndTheRestIsLinted) {
  if (!test::can_run_as_nobody()) GTEST_SKIP() << "needs root, setpriv, and a checkout other users can reach, to act as another user";
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);
  dir.write("tree/ok.txt", "完成xx项。\n");
  dir.write("tree/locked/hidden.txt", "完成xx项。\n");
  dir.write("tree/secret.txt", "完成xx项。\n");
  for (const char* p : {"tree", "tree/ok.txt"})
    fs::permissions(dir.path() / p, fs::perms::all);
  fs::permissions(dir.path() / "tree" / "locked", fs::perms::none);
  fs::permissions(dir.path() / "tree" / "secret.txt", fs::perms::none);
  ::mkfifo((dir.path() / "tree" / "pipe.txt").c_str(), 0666);
  const auto r =
      test::run_reportlint_as_nobody({"--config", "builtin:default", "--format", "gcc", (dir.path() / "tree").string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(contains(r.out, "ok.txt:1:3: error:")) << r.out;
  EXPECT_TRUE(contains(r.err, "tree/locked: error: 无法读取目录：没有权限")) << r.err;
  EXPECT_TRUE(contains(r.err, "secret.txt: error: 无法读取：没有权限")) << r.err;
  EXPECT_TRUE(contains(r.err, "pipe.txt: error: 不是普通文件")) << r.err;
}

TEST(DataSafety, ARunWhereEveryInputFailedSaysSo) {
  TempDir dir;
  const auto r = run_reportlint({"--config", "builtin:default", (dir.path() / "missing.txt").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(contains(r.out, "no problems found")) << r.out;
  EXPECT_TRUE(contains(r.out, "no file checked: 1 input could not be read or linted")) << r.out;
  EXPECT_TRUE(contains(r.err, "missing.txt: error: 文件或目录不存在")) << r.err;
}

TEST(DataSafety, ManyThreadsForFewFilesStillLintEveryFileInOrder) {
  TempDir dir;
  for (const char* name : {"d0.txt", "d1.txt", "d2.txt"}) dir.write(name, kDraft);
  const auto r = run_reportlint({"--config", "builtin:default", "--format", "gcc", "-j", "1024", dir.path().string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(test::count(r.out, "[placeholder.unfilled]"), 3u);
  EXPECT_LT(r.out.find("d0.txt"), r.out.find("d2.txt"));
}

// An installation whose data cannot be read (permissions) is an error naming the file:
// never rules quietly switched off, never an internal error. Run as `nobody`, on a copy of
// the build's layout whose data and configs directories each in turn are closed.
TEST(DataSafety, AnUnreadableInstallationIsAnErrorNamingTheFile) {
  if (!test::can_run_as_nobody()) GTEST_SKIP() << "cannot act as nobody here";
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // nobody must reach the copy
  const fs::path prefix = dir.path() / "prefix";
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "lib");
  fs::copy_file(test::kBinary, prefix / "bin" / "reportlint");  // found from its own place
  fs::create_directory_symlink(test::kBuildDir / "lib" / "reportlint", prefix / "lib" / "reportlint");
  for (const char* part : {"data", "configs"}) {
    fs::create_directories(prefix / "share" / "reportlint" / part);
    for (const auto& entry : fs::directory_iterator(test::kDataDir / part))
      fs::create_symlink(entry.path(), prefix / "share" / "reportlint" / part / entry.path().filename());
  }
  const fs::path draft = dir.write("a.txt", kDraft);
  fs::permissions(draft, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  // The copy run as nobody, with `closed` (if any) shut for the run.
  const auto run_with_closed = [&](const fs::path& closed) {
    if (!closed.empty()) fs::permissions(closed, fs::perms::none);
    auto r = test::run_as_nobody({(prefix / "bin" / "reportlint").string(), draft.string()});
    if (!closed.empty()) fs::permissions(closed, fs::perms::all);
    return r;
  };
  auto r = run_with_closed({});
  ASSERT_EQ(r.status, 1) << r.err;  // the copy works while open
  EXPECT_TRUE(contains(r.out, "phrasing.misused")) << r.out;

  const fs::path data = prefix / "share" / "reportlint" / "data";
  r = run_with_closed(data);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(contains(r.err, (data / "words.bin").string() + ": error: 无法读取 reportlint 的数据文件：没有权限")) << r.err;
  EXPECT_FALSE(contains(r.err, "内部错误")) << r.err;

  const fs::path configs = prefix / "share" / "reportlint" / "configs";
  r = run_with_closed(configs);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_TRUE(contains(r.err, "无法读取配置文件 " + (configs / "default.toml").string() + "：没有权限")) << r.err;
  EXPECT_FALSE(contains(r.err, "内部错误")) << r.err;
}

}  // namespace
}  // namespace reportlint
