#include "support/crash_context.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <unistd.h>

#include "support/names.hpp"

namespace reportlint {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

thread_local const CrashScope* t_scope = nullptr;
std::atomic<bool> g_report{true};
struct sigaction g_previous[sizeof kSignals / sizeof kSignals[0]];

// Everything below runs inside a signal handler: write(2) only, no allocation.
void put(std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
    if (n <= 0) return;
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

void put_name(std::string_view name) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < name.size();) {
    if (const std::size_t n = printable_sequence(name, i); n > 0) {
      put(name.substr(i, n));
      i += n;
    } else {
      const auto b = static_cast<unsigned char>(name[i++]);
      const char escaped[4] = {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
      put({escaped, 4});
    }
  }
}

}  // namespace

std::string_view signal_description(int sig) noexcept {
  switch (sig) {
    case SIGSEGV: return "收到信号 SIGSEGV（段错误：访问了无效的内存）";
    case SIGBUS: return "收到信号 SIGBUS（总线错误）";
    case SIGILL: return "收到信号 SIGILL（非法指令）";
    case SIGFPE: return "收到信号 SIGFPE（算术错误，如整数除以零）";
    case SIGABRT: return "收到信号 SIGABRT（程序中止，如断言失败或未捕获的异常）";
    case SIGKILL: return "收到信号 SIGKILL（被强行终止，可能是内存耗尽）";
    case SIGTERM: return "收到信号 SIGTERM（被终止）";
  }
  return "收到致命信号";
}

// Befriended by CrashScope: reads the scope's fields.
struct CrashReport {
  static void print(const CrashScope& scope, std::string_view what) {
    put("reportlint: 致命错误：插件 ");
    put_name(scope.plugin_);
    put(" 在");
    put(scope.activity_);
    if (!scope.file_.empty()) {
      put(" ");
      put_name(scope.file_);
      put(" ");
    }
    put("时");
    put(what);
    put("；这是插件的缺陷，请修复或移除它（reportlint --check-plugin 文件 可单独试加载）\n");
  }
};

namespace {

void on_signal(int sig) {
  if (g_report.load(std::memory_order_relaxed)) {
    if (t_scope) {
      CrashReport::print(*t_scope, signal_description(sig));
    } else {
      put("reportlint: 内部错误：");
      put(signal_description(sig));
      put("；这是 reportlint 的缺陷，请报告它\n");
    }
  }
  // Hand the signal on: the handler that was there before (a sanitizer's report, or the
  // default core dump) runs when this one returns, and ends the process.
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    if (kSignals[i] != sig) continue;
    struct sigaction previous = g_previous[i];
    if (previous.sa_handler == SIG_IGN) previous.sa_handler = SIG_DFL;
    ::sigaction(sig, &previous, nullptr);
  }
  ::raise(sig);
}

void on_exit() {
  if (!t_scope || !g_report.load(std::memory_order_relaxed)) return;
  CrashReport::print(*t_scope, "调用了 exit() 结束进程");
  ::_exit(2);
}

}  // namespace

void install_crash_handlers() {
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(kSignals[i], &action, &g_previous[i]);
  }
  std::atexit(on_exit);
}

void silence_crash_handlers() { g_report.store(false, std::memory_order_relaxed); }

CrashScope::CrashScope(std::string_view activity, std::string_view plugin, std::string_view file) noexcept
    : outer_(t_scope), activity_(activity), plugin_(plugin), file_(file) {
  t_scope = this;
}

CrashScope::~CrashScope() { t_scope = outer_; }

}  // namespace reportlint
