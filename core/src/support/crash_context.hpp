// What the program is doing, for when a plugin kills it. Plugins run in this process
// (docs/security.md): one that crashes, aborts or calls exit() while it is being loaded or
// while it checks a file would otherwise end the run without a word, or with status 0.
// A CrashScope names the plugin (and the file) for the handlers installed here, which
// print one line saying which plugin did it and end the process with a failure.
#pragma once

#include <string_view>

namespace reportlint {

// Installs handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT and an atexit hook.
// A signal is reported and then raised again with the handler that was there before
// (the default, or a sanitizer's); exit() inside a scope becomes _exit(2). Call once,
// from main().
void install_crash_handlers();

// "收到信号 SIGSEGV（段错误…）" for the fatal signals, in the words the reports use.
std::string_view signal_description(int sig) noexcept;

// Turns the report off in this process (a --check-plugin child, whose parent reports).
// exit() inside a scope then ends the process with the status it was given.
void silence_crash_handlers();

// While one lives on a thread, a crash on that thread is blamed on `plugin`. The strings
// must outlive the scope; `file` may be empty. Scopes nest: the innermost is reported.
class CrashScope {
 public:
  CrashScope(std::string_view activity, std::string_view plugin, std::string_view file = {}) noexcept;
  ~CrashScope();
  CrashScope(const CrashScope&) = delete;
  CrashScope& operator=(const CrashScope&) = delete;

 private:
  const CrashScope* outer_;
  std::string_view activity_;
  std::string_view plugin_;
  std::string_view file_;
  friend struct CrashReport;
};

}  // namespace reportlint
