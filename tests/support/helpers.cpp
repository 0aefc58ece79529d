#include "support/helpers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <gtest/gtest.h>
#include <sstream>
#include <stdexcept>

#include "config/config.hpp"
#include "model/document_builder.hpp"

extern char** environ;

namespace reportlint::test {

ProcessResult run_process(const std::vector<std::string>& args, const RunOptions& options) {
  int in[2], out[2], err[2];
  if (::pipe(in) || ::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe failed");
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const std::string key = entry.substr(0, entry.find('='));
    if (!options.env.count(key)) env_strings.push_back(entry);
  }
  for (const auto& [k, v] : options.env) env_strings.push_back(k + "=" + v);
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  // A child that exits before reading all its input must not kill the test with
  // SIGPIPE: the write fails with EPIPE instead, which ends the feeding.
  static const bool sigpipe_ignored = [] { return ::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
  (void)sigpipe_ignored;
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  // Feed stdin and drain both pipes together, so no side blocks on a full pipe.
  ProcessResult result;
  std::size_t written = 0;
  int stdin_fd = in[1];
  if (options.input.empty()) {
    ::close(stdin_fd);
    stdin_fd = -1;
  } else {
    ::fcntl(stdin_fd, F_SETFL, O_NONBLOCK);
  }
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out[0], POLLIN, 0});
    if (err_open) fds.push_back({err[0], POLLIN, 0});
    if (stdin_fd >= 0) fds.push_back({stdin_fd, POLLOUT, 0});
    if (::poll(fds.data(), fds.size(), 60000) <= 0) break;
    for (const pollfd& p : fds) {
      if (!p.revents) continue;
      if (p.fd == stdin_fd) {
        const ssize_t n = ::write(stdin_fd, options.input.data() + written, options.input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == options.input.size()) {
          ::close(stdin_fd);
          stdin_fd = -1;
        }
        continue;
      }
      const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      if (n <= 0) {
        (p.fd == out[0] ? out_open : err_open) = false;
        continue;
      }
      (p.fd == out[0] ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
    }
  }
  if (stdin_fd >= 0) ::close(stdin_fd);
  ::close(out[0]);
  ::close(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult run_reportlint(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> full{kBinary.string()};
  full.insert(full.end(), args.begin(), args.end());
  RunOptions o = options;
  o.env.emplace("NO_COLOR", "");
  return run_process(full, o);
}

ProcessResult run_as_nobody(const std::vector<std::string>& command, const RunOptions& options) {
  std::vector<std::string> all = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
  all.insert(all.end(), command.begin(), command.end());
  return run_process(all, options);
}

bool can_run_as_nobody() {
  // Also whether `nobody` can run the binary with its plugins and data: a checkout inside
  // a directory only its owner may enter (mktemp -d makes one) cannot be run as another user.
  static const bool can = [] {
    if (::geteuid() != 0 || !fs::exists("/usr/bin/setpriv")) return false;
    return run_as_nobody({kBinary.string(), "--list-rules"}).status == 0;
  }();
  return can;
}

ProcessResult run_reportlint_as_nobody(const std::vector<std::string>& args, const RunOptions& options) {
  if (!can_run_as_nobody()) return {};
  std::vector<std::string> command = {kBinary.string()};
  command.insert(command.end(), args.begin(), args.end());
  return run_as_nobody(command, options);
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "reportlint-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::string doc_recipe(const fs::path& doc, const std::string& name) {
  const std::string text = read_file(kSourceDir / doc);
  const std::string marker = "<!-- recipe: " + name + " -->\n";
  const std::size_t at = text.find(marker);
  if (at == std::string::npos) {
    ADD_FAILURE() << doc << " has no recipe " << name;
    return {};
  }
  const std::size_t fence = text.find("```", at + marker.size());
  const std::size_t body = text.find('\n', fence);
  const std::size_t end = text.find("\n```", body);
  if (fence != at + marker.size() || body == std::string::npos || end == std::string::npos) {
    ADD_FAILURE() << doc << ": the recipe " << name << " is not followed by a fenced block";
    return {};
  }
  return text.substr(body + 1, end - body);
}

ProcessResult run_shell(const std::string& script, const fs::path& cwd, const std::map<std::string, std::string>& env) {
  RunOptions options;
  options.cwd = cwd;
  options.env = env;
  return run_process({"/bin/sh", "-ec", script}, options);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::shared_ptr<const Linter> builtin_linter(const fs::path& config_file) {
  static PluginHost host;  // plugins stay loaded for the whole test run
  ConfigLoader loader(kDataDir / "configs");
  Config config = config_file.empty() ? loader.load_builtin("default") : loader.load_file(config_file);
  LinterOptions options;
  options.builtin_plugin_dir = kBuiltinPluginDir;
  options.data_dir = kDataDir;
  std::vector<std::string> warnings;
  return Linter::create(std::move(config), host, options, warnings);
}

Document make_document(std::string text, std::string path) {
  const DocumentFormat format = format_for_path(path);
  return DocumentBuilder::build(std::move(path), std::move(text), format);
}

}  // namespace reportlint::test
