#include "cli/check_plugin.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "config/config.hpp"
#include "model/document_builder.hpp"
#include "support/crash_context.hpp"
#include "support/error.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

// Drafts that reach every kind of text a checker meets: an outline with defects, an
// empty file, one without line ends, odd lines.
constexpr std::string_view kSamples[] = {
    "关于xx单位2024年工作总结\n\n"
    "今年以来，我单位认真贯彻落实上级部署，截止目前完成各项任务。\n"
    "一、主要成绩\n（一）强化组织领导\n1.健全制度。一是建立台账；三是定期通报。\n"
    "2.狠抓落实，完成率达到95%，较去年提高1.5个百分点,群众满意度明显提升。。\n"
    "（二）推进重点工作\n二、存在问题\n一些问题仍然存在：（1）力量不足（3）经费紧张\n"
    "三、下一步计划\n2025年，我们将继续努力。\n\n某某单位\n20xx年x月x日\n",
    "",
    "没有换行的一行：Linux、X射线、第一次、截止日期",
    "\r\n\r\n一、\n（\n1.\n\t \u3000\n“”《》（）【】\n" "12345678901234、标题\n" "一二三四五六七八九十百千万、\n",
};

constexpr int kDefaultTimeoutSeconds = 30;

int timeout_seconds() {
  if (const char* value = std::getenv("REPORTLINT_PLUGIN_TIMEOUT")) {
    char* end = nullptr;
    const long seconds = std::strtol(value, &end, 10);
    if (end != value && *end == '\0' && seconds > 0 && seconds <= 3600) return static_cast<int>(seconds);
  }
  return kDefaultTimeoutSeconds;
}

void send(int fd, std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string failures_text(const Error& e) {
  std::string text;
  for (const Failure& f : e.failures()) text += format_failure(f) + "\n";
  return text;
}

// The child: every step it finishes is one line on `fd`; a failure is "error" and the
// messages. It never returns.
[[noreturn]] void run_child(int fd, const fs::path& file, LinterOptions options) {
  silence_crash_handlers();  // the parent reports, once
  try {
    PluginHost host;
    const auto plugin = host.load_file(file);
    send(fd, fmt::format("loaded\t{}\t{}\t{}\n", plugin->name(), plugin->version(), plugin->rules().size()));
    options.plugin_files = {file};
    options.plugin_dirs.clear();
    options.builtin_plugin_dir.clear();
    std::vector<std::string> warnings;
    const auto linter = Linter::create(Config{}, host, options, warnings);
    send(fd, "configured\n");
    std::size_t findings = 0;
    for (std::size_t i = 0; i < std::size(kSamples); ++i) {
      const Document document =
          DocumentBuilder::build(fmt::format("示例{}.txt", i + 1), std::string(kSamples[i]), DocumentFormat::plain_text);
      findings += linter->lint(document).size();
    }
    send(fd, fmt::format("checked\t{}\t{}\n", std::size(kSamples), findings));
  } catch (const Error& e) {
    send(fd, "error\n" + failures_text(e));
    ::_exit(1);
  } catch (const std::exception& e) {
    send(fd, fmt::format("error\n插件抛出了异常：{}\n", e.what()));
    ::_exit(1);
  } catch (...) {
    send(fd, "error\n插件抛出了未知异常\n");
    ::_exit(1);
  }
  ::_exit(0);
}

// Reads everything the child sends until it closes the pipe or the time is up.
bool read_report(int fd, std::string& report, int seconds) {
  for (int left_ms = seconds * 1000; left_ms > 0;) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, std::min(left_ms, 100));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) {
      left_ms -= 100;
      continue;
    }
    char buffer[4096];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    report.append(buffer, static_cast<std::size_t>(n));
  }
  return false;
}

}  // namespace

int check_plugin_command(const fs::path& file, const LinterOptions& options) {
  const std::string shown = name_in_message(file);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    throw Error(Failure{shown, 0, 0, fmt::format("无法创建管道：{}", std::strerror(errno))});
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t child = ::fork();
  if (child < 0) throw Error(Failure{shown, 0, 0, fmt::format("无法创建子进程：{}", std::strerror(errno))});
  if (child == 0) {
    ::close(pipe_fds[0]);
    run_child(pipe_fds[1], file, options);
  }
  ::close(pipe_fds[1]);
  std::string report;
  const int seconds = timeout_seconds();
  const bool finished = read_report(pipe_fds[0], report, seconds);
  ::close(pipe_fds[0]);
  if (!finished) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}

  // What the child got through, line by line.
  std::vector<std::string> fields;  // of the "loaded" line
  std::string checked, error;
  bool configured = false;
  for (std::size_t at = 0; at < report.size();) {
    std::size_t end = report.find('\n', at);
    if (end == std::string::npos) end = report.size();
    const std::string_view line(report.data() + at, end - at);
    if (line == "error") {
      error = report.substr(end + 1);
      break;
    }
    if (line.starts_with("loaded\t")) {
      for (std::size_t p = 0; p != std::string_view::npos;) {
        const std::size_t tab = line.find('\t', p);
        fields.emplace_back(line.substr(p, tab == std::string_view::npos ? tab : tab - p));
        p = tab == std::string_view::npos ? tab : tab + 1;
      }
    }
    if (line == "configured") configured = true;
    if (line.starts_with("checked\t")) checked = std::string(line.substr(8));
    at = end + 1;
  }
  const std::string stage = fields.empty() ? "加载" : !configured ? "配置" : "检查示例文稿";

  auto fail = [&](const std::string& why) {
    fmt::print(stderr, "reportlint: error: {}: 插件在{}时{}\n", shown, stage, why);
    return 1;
  };
  if (!finished) return fail(fmt::format("超过 {} 秒没有完成，已终止（REPORTLINT_PLUGIN_TIMEOUT 可改时限）", seconds));
  if (WIFSIGNALED(status)) return fail(fmt::format("崩溃：{}", signal_description(WTERMSIG(status))));
  if (!error.empty()) {
    while (!error.empty() && error.back() == '\n') error.pop_back();
    // The loader's own message names the file already.
    if (const std::string prefix = shown + ": error: "; error.starts_with(prefix) && error.find('\n') == std::string::npos)
      error.erase(0, prefix.size());
    return fail(error.find('\n') == std::string::npos ? "失败：" + error : "失败：\n" + error);
  }
  if (checked.empty())
    return fail(fmt::format("结束了进程（退出状态 {}），没有返回：插件调用了 exit() 或类似函数",
                            WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  const std::size_t tab = checked.find('\t');
  fmt::print("{}: 插件可以使用\n", shown);
  fmt::print("  名称 {}，版本 {}，{} 条规则\n", fields.size() > 1 ? fields[1] : "?", fields.size() > 2 ? fields[2] : "?",
             fields.size() > 3 ? fields[3] : "?");
  fmt::print("  检查了 {} 篇示例文稿，报告 {} 个问题，没有崩溃、异常或无效的位置\n", checked.substr(0, tab),
             tab == std::string::npos ? "?" : checked.substr(tab + 1));
  return 0;
}

}  // namespace reportlint
