// Plugins run inside reportlint with its rights (docs/security.md). One that crashes,
// aborts or calls exit() must be named, never end the run silently or with status 0;
// `--check-plugin` tries one in a child process and says how it failed; files in a plugin
// directory that are no plugin (a FIFO, a looping link, another architecture's library)
// are clear errors, never a hang.
#include <gtest/gtest.h>

#include <csignal>
#include <sys/stat.h>

#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::contains;
using test::kTestPluginDir;
using test::run_reportlint;
using test::TempDir;

std::string misbehaving(const std::string& dir) { return (kTestPluginDir / dir / "misbehaving.so").string(); }

struct Misbehaviour {
  std::string dir;     // tests/plugins/<dir>
  int status;          // of a lint run
  std::string when;    // how reportlint names the moment
  std::string what;    // and what happened
};

void PrintTo(const Misbehaviour& m, std::ostream* os) { *os << m.dir; }

class PluginMisbehaviour : public ::testing::TestWithParam<Misbehaviour> {};

TEST_P(PluginMisbehaviour, TheRunNamesThePluginAndFails) {
  const Misbehaviour& m = GetParam();
  TempDir dir;
  const auto file = dir.write("d.txt", "截止目前，完成任务。\n").string();
  const auto r = run_reportlint({"--plugin-dir", (kTestPluginDir / m.dir).string(), file});
  EXPECT_EQ(r.status, m.status) << r.err;
  const std::string when = m.when == "检查" ? "在检查 " + file + " 时" : "在" + m.when + "时";
  EXPECT_TRUE(contains(r.err, "reportlint: 致命错误：插件 " + misbehaving(m.dir) + " " + when + m.what)) << r.err;
  EXPECT_TRUE(contains(r.err, "--check-plugin")) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Plugins, PluginMisbehaviour,
    ::testing::Values(Misbehaviour{"crash_on_load", 128 + SIGILL, "加载", "收到信号 SIGILL"},
                      Misbehaviour{"abort_on_load", 128 + SIGABRT, "加载", "收到信号 SIGABRT"},
                      Misbehaviour{"exit_on_load", 2, "加载", "调用了 exit() 结束进程"},
                      Misbehaviour{"crash_on_check", 128 + SIGILL, "检查", "收到信号 SIGILL"},
                      Misbehaviour{"abort_on_check", 128 + SIGABRT, "检查", "收到信号 SIGABRT"},
                      Misbehaviour{"exit_on_check", 2, "检查", "调用了 exit() 结束进程"}),
    [](const auto& info) { return info.param.dir; });

struct CheckCase {
  std::string dir;
  std::string message;  // after "<file>: 插件在"
};

void PrintTo(const CheckCase& c, std::ostream* os) { *os << c.dir; }

class CheckPlugin : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckPlugin, SaysHowThePluginFailed) {
  const CheckCase& c = GetParam();
  test::RunOptions o;
  o.env["REPORTLINT_PLUGIN_TIMEOUT"] = "1";
  const auto r = run_reportlint({"--check-plugin", misbehaving(c.dir)}, o);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "");
  // The file as given, shown relative to the working directory.
  EXPECT_TRUE(contains(r.err, "reportlint: error: ")) << r.err;
  EXPECT_TRUE(contains(r.err, c.dir + "/misbehaving.so: 插件在" + c.message)) << r.err;
  EXPECT_FALSE(contains(r.err, "致命错误")) << "the child's own report is silenced: " << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Plugins, CheckPlugin,
    ::testing::Values(CheckCase{"crash_on_load", "加载时崩溃：收到信号 SIGILL（非法指令）"},
                      CheckCase{"abort_on_load", "加载时崩溃：收到信号 SIGABRT"},
                      CheckCase{"exit_on_load", "加载时结束了进程（退出状态 0），没有返回"},
                      CheckCase{"hang_on_load", "加载时超过 1 秒没有完成，已终止"},
                      CheckCase{"crash_on_check", "检查示例文稿时崩溃：收到信号 SIGILL"},
                      CheckCase{"abort_on_check", "检查示例文稿时崩溃：收到信号 SIGABRT"},
                      CheckCase{"exit_on_check", "检查示例文稿时结束了进程（退出状态 0）"},
                      CheckCase{"hang_on_check", "检查示例文稿时超过 1 秒没有完成，已终止"}),
    [](const auto& info) { return info.param.dir; });

TEST(CheckPlugin, AGoodPluginPasses) {
  const auto r = run_reportlint({"--check-plugin", (kTestPluginDir / "good" / "sample.so").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "插件可以使用")) << r.out;
  EXPECT_TRUE(contains(r.out, "名称 sample，版本 1.0.0，1 条规则")) << r.out;
  EXPECT_TRUE(contains(r.out, "检查了 4 篇示例文稿")) << r.out;
}

TEST(CheckPlugin, AnExceptionOrABadRangeIsReportedWithTheCoreMessage) {
  auto r = run_reportlint({"--check-plugin", (kTestPluginDir / "throwing" / "throwing.so").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "插件在检查示例文稿时失败：示例1.txt: error: 插件“throwing”检查时出错：boom")) << r.err;
  r = run_reportlint({"--check-plugin", (kTestPluginDir / "bad_range" / "badrange.so").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "报告了无效的文本范围")) << r.err;
  r = run_reportlint({"--check-plugin", (kTestPluginDir / "not_a_library" / "bogus.so").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "插件在加载时失败：不是共享库（不是 ELF 文件）")) << r.err;
}

TEST(CheckPlugin, EveryBuiltinPluginPasses) {
  std::size_t checked = 0;
  for (const auto& entry : test::fs::directory_iterator(test::kBuiltinPluginDir)) {
    if (entry.path().extension() != ".so") continue;  // phrasing/ holds phrasing's own module
    const auto r = run_reportlint({"--check-plugin", entry.path().string()});
    EXPECT_EQ(r.status, 0) << entry.path() << "\n" << r.err;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

// Files called *.so that are no plugin for this machine.
class NotAPlugin : public ::testing::Test {
 protected:
  test::ProcessResult lint_with_plugin_dir() {
    const auto file = dir_.write("d.txt", "正文。\n");
    return run_reportlint({"--plugin-dir", plugins_.string(), file.string()});
  }
  TempDir dir_;
  test::fs::path plugins_ = dir_.path() / "plugins";
};

TEST_F(NotAPlugin, AFifoIsAnErrorNotAHang) {
  test::fs::create_directories(plugins_);
  ASSERT_EQ(::mkfifo((plugins_ / "x.so").c_str(), 0600), 0);
  const auto r = lint_with_plugin_dir();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, (plugins_ / "x.so").string() + ": error: 不是普通文件，不能作为插件加载")) << r.err;
}

TEST_F(NotAPlugin, ALoopingOrDanglingLinkSaysWhich) {
  test::fs::create_directories(plugins_);
  test::fs::create_symlink("loop.so", plugins_ / "loop.so");
  auto r = lint_with_plugin_dir();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "loop.so: error: 无法打开插件：符号链接形成了循环")) << r.err;
  EXPECT_FALSE(contains(r.err, "内部错误")) << r.err;
  test::fs::remove(plugins_ / "loop.so");
  test::fs::create_symlink("gone.so", plugins_ / "dangling.so");
  r = lint_with_plugin_dir();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "dangling.so: error: 无法打开插件：文件或目录不存在")) << r.err;
}

// The first 20 bytes of an ELF header are all the loader reads before refusing.
std::string elf_header(unsigned char elf_class, unsigned machine) {
  std::string h(64, '\0');
  h.replace(0, 4, "\x7F" "ELF");
  h[4] = static_cast<char>(elf_class);
  h[5] = 1;  // little-endian
  h[6] = 1;
  h[16] = 3;  // ET_DYN
  h[18] = static_cast<char>(machine & 0xFF);
  h[19] = static_cast<char>(machine >> 8);
  return h;
}

TEST_F(NotAPlugin, AnotherArchitectureIsNamed) {
  dir_.write("plugins/arm.so", elf_header(2, 183));  // EM_AARCH64
  auto r = lint_with_plugin_dir();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "arm.so: error: 插件是为 AArch64 (arm64)，64 位，小端 编译的，本程序运行在 ")) << r.err;
  EXPECT_TRUE(contains(r.err, "请在本机上重新编译插件")) << r.err;
  test::fs::remove(plugins_ / "arm.so");
  dir_.write("plugins/old.so", elf_header(1, 3));  // 32-bit i386
  r = lint_with_plugin_dir();
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "old.so: error: 插件是为 i386，32 位，小端 编译的")) << r.err;
}

}  // namespace
}  // namespace reportlint
