#include "cli/app.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <fstream>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <future>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/config_findings.hpp"
#include "cli/check_plugin.hpp"
#include "cli/info_commands.hpp"
#include "cli/inputs.hpp"
#include "io/atomic_write.hpp"
#include "io/source.hpp"
#include "cli/baseline.hpp"
#include "cli/generated_docs.hpp"
#include "cli/merge.hpp"
#include "lint/core_rules.hpp"
#include "lint/suppressions.hpp"
#include "lint/fix_loop.hpp"
#include "lint/fixes.hpp"
#include "lsp/server.hpp"
#include "serve/serve.hpp"
#include "model/document_builder.hpp"
#include "output/renderer.hpp"
#include "reportlint_version.hpp"
#include "support/names.hpp"
#include "workspace/config_cache.hpp"
#include "workspace/pipeline.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

struct Outcome {
  FileReport report;
  bool about_config = false;  // a config file's own findings: not one of the files checked
  std::vector<Failure> failures;
  std::string fixed_stdin;  // the fixed text, when --fix reads standard input
};

void print_failures(const std::vector<Failure>& failures) {
  for (const Failure& f : failures) fmt::print(stderr, "{}\n", format_failure(f));
}

fs::path directory_of(const Input& input, const CliOptions& options) {
  if (input.is_stdin) return options.stdin_filename ? fs::path(*options.stdin_filename).parent_path() : fs::path(".");
  return fs::path(input.path).parent_path();
}

Outcome lint_input(const Input& input, const Linter& linter, const CliOptions& options) {
  Outcome outcome;
  const std::string shown = input.is_stdin ? options.stdin_filename.value_or("<stdin>") : input.path;
  outcome.report.path = shown;
  std::string raw_stdin;  // what a --fix filter must pass through if linting fails
  try {
    const ReadOptions read = read_options_for(linter, shown, options.max_file_size, options.encoding);
    const Keep keep = options.fix ? Keep::source_text : Keep::document_only;
    if (input.is_stdin) raw_stdin = read_standard_input(shown, options.max_file_size);
    Linted linted = input.is_stdin ? lint_bytes(shown, raw_stdin, read, linter, keep) : lint_file(input.path, read, linter, keep);
    SourceText& source = linted.source;
    std::shared_ptr<const Document>& document = linted.document;
    DiagnosticList& diagnostics = linted.diagnostics;

    if (options.fix) {
      FixOutcome fixed = fix_until_stable(std::move(source), std::move(document), diagnostics.to_vector(), linter);
      const std::size_t applied = fixed.applied;
      document = std::move(fixed.document);
      diagnostics = DiagnosticList::from(fixed.diagnostics);
      if (input.is_stdin)
        outcome.fixed_stdin = applied ? source_bytes(fixed.source) : std::move(raw_stdin);
      else if (applied)
        write_file_atomically(input.path, source_bytes(fixed.source), WriteGuard{fixed.source.snapshot, options.force});
      outcome.report.fixes_applied = applied;
    }
    outcome.report.document = std::move(document);
    outcome.report.diagnostics = std::move(diagnostics);
  } catch (const Error& e) {
    outcome.failures = e.failures();
    outcome.report.document.reset();
    outcome.report.diagnostics.clear();
    outcome.fixed_stdin = std::move(raw_stdin);  // never swallow the user's text
  }
  return outcome;
}

// Every rule of the configurations in use, once, by id (SARIF lists them).
std::vector<RuleDescription> rule_descriptions(const std::vector<std::shared_ptr<const Linter>>& linters) {
  std::map<std::string, RuleDescription, std::less<>> rules;
  for (const RuleInfo& r : core_rules())
    rules.emplace(std::string(r.id), RuleDescription{std::string(r.id), std::string(r.summary), std::string(r.doc), r.default_severity, r.opt_in});
  for (const auto& linter : linters)
    for (const auto& plugin : linter->plugins().plugins())
      for (const RuleInfo& r : plugin->rules())
        if (!rules.count(r.id)) rules.emplace(std::string(r.id), RuleDescription{std::string(r.id), std::string(r.summary),
                                                                                 std::string(r.doc), r.default_severity, r.opt_in});
  std::vector<RuleDescription> out;
  for (auto& [id, r] : rules) out.push_back(std::move(r));
  return out;
}

// --write-baseline replaces a regular file or creates one; never a device, a FIFO, a
// directory, or a draft of this very run.
void check_baseline_target(const std::string& target, const std::vector<Input>& inputs) {
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw Error(Failure{target, 0, 0, "基线文件的位置上已有一个不是普通文件的东西（目录、设备或管道），不会替换它"});
  if (!fs::exists(status)) return;
  for (const Input& input : inputs)
    if (!input.is_stdin && fs::equivalent(input.path, target, ec))
      throw Error(Failure{target, 0, 0, "基线文件就是要检查的文件之一，写入基线会覆盖它；请换一个文件名"});
}

// What untrusted project configs asked for and did not get, once per configuration.
void report_refusals(const std::vector<std::shared_ptr<const Linter>>& linters) {
  std::set<const Linter*> seen;
  for (const auto& linter : linters) {
    if (!seen.insert(linter.get()).second) continue;
    const Config& config = linter->config();
    const auto severity = linter->severity(kUntrustedConfigRule);
    if (config.refused.empty() || !severity) continue;
    for (const TrustRefusal& r : config.refused)
      fmt::print(stderr, "{}:{}:{}: {}: 这个项目未被信任，没有加载{} [{}]\n",
                 r.where.path ? escape_name(*r.where.path) : std::string(),
                 r.where.begin.line, r.where.begin.column, to_string(*severity), r.what, kUntrustedConfigRule);
    fmt::print(stderr, "  = help: 信任这个项目后才会加载：reportlint trust {}（或本次运行加 --trust，或设 REPORTLINT_TRUST=1）\n",
               name_in_message(config.root / kConfigFileName));
  }
}

// `reportlint trust [PATH]` / `reportlint untrust [PATH]`: PATH's .reportlint.toml — PATH
// itself when it is a .toml file, else the nearest one above the draft or directory
// (default the working directory) — in the user's allow list.
int trust_command(bool trust, const std::vector<std::string>& paths) {
  if (paths.size() > 1) throw Error(Failure{"", 0, 0, "reportlint trust 只接受一个路径"});
  const fs::path where = paths.empty() ? fs::path(".") : fs::path(paths.front());
  std::error_code ec;
  std::optional<fs::path> config;
  if (fs::is_regular_file(where, ec) && where.extension() == ".toml") config = where;  // the config itself
  else if (fs::is_regular_file(where, ec)) config = find_config_upward(fs::absolute(where, ec).parent_path());  // a draft
  else if (fs::is_directory(where, ec)) config = find_config_upward(where);
  else throw Error(Failure{where.string(), 0, 0, "文件或目录不存在"});
  if (!config) throw Error(Failure{where.string(), 0, 0, fmt::format("这里和上级目录都没有 {}", kConfigFileName)});
  const fs::path list = default_allow_list();
  if (list.empty()) throw Error(Failure{"", 0, 0, "无法确定信任列表的位置：HOME 和 XDG_CONFIG_HOME 都没有设置"});
  if (trust) {
    trust_config(list, *config);
    fmt::print("已信任 {}（记录在 {}）：它的插件目录和项目外的文件会被加载；内容改变后需重新信任\n",
               name_in_message(fs::canonical(*config, ec)), escape_name(list.string()));
  } else if (untrust_config(list, *config)) {
    fmt::print("已撤销对 {} 的信任\n", name_in_message(fs::canonical(*config, ec)));
  } else {
    fmt::print("{} 本来就不在信任列表中\n", name_in_message(*config));
  }
  return 0;
}

bool use_color(ColorMode mode, std::FILE* out) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(::fileno(out)) == 1;
}

std::size_t snippet_width(std::FILE* out) {
  winsize ws{};
  if (::isatty(::fileno(out)) == 1 && ::ioctl(::fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
    return ws.ws_col - 8u;  // minus the gutter
  return 100;
}

// The paths listed in --files-from's file (or standard input): NUL-separated when the
// list holds a NUL (git ls-files -z, find -print0), else one per line.
std::vector<std::string> listed_paths(const std::string& list) {
  std::string text;
  if (list == "-") {
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0;) text.append(buffer, n);
    if (std::ferror(stdin)) throw Error(Failure{"-", 0, 0, "无法读取标准输入中的文件列表"});
  } else {
    std::ifstream in(list, std::ios::binary);
    if (!in) throw Error(Failure{list, 0, 0, "无法读取文件列表：" + describe_path_error(errno)});
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const char separator = text.find('\0') != std::string::npos ? '\0' : '\n';
  std::vector<std::string> paths;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find(separator, at);
    if (end == std::string::npos) end = text.size();
    std::string path = text.substr(at, end - at);
    if (separator == '\n' && path.ends_with('\r')) path.pop_back();
    if (!path.empty()) paths.push_back(std::move(path));
    at = end + 1;
  }
  return paths;
}

int lint_command(const CliOptions& options, ConfigCache& configs) {
  std::vector<Failure> failures;
  std::vector<std::string> paths = options.paths;
  if (options.files_from) {
    if (*options.files_from == "-" && std::find(paths.begin(), paths.end(), "-") != paths.end())
      throw Error(Failure{"", 0, 0, "标准输入不能同时是文件列表（--files-from -）和要检查的文件（-）"});
    for (std::string& p : listed_paths(*options.files_from)) paths.push_back(std::move(p));
  }
  std::vector<Input> inputs = collect_inputs(paths, failures);
  if (options.shard) {
    if (std::any_of(inputs.begin(), inputs.end(), [](const Input& i) { return i.is_stdin; }))
      throw Error(Failure{"", 0, 0, "--shard 不能与标准输入“-”一起使用"});
    inputs = select_shard(inputs, *options.shard);
  }
  print_failures(failures);  // paths that do not exist; the others are still linted
  if (std::count_if(inputs.begin(), inputs.end(), [](const Input& i) { return i.is_stdin; }) > 1)
    throw Error(Failure{"", 0, 0, "标准输入“-”只能给一次"});
  const bool reads_stdin = std::any_of(inputs.begin(), inputs.end(), [](const Input& i) { return i.is_stdin; });
  if (options.fix && reads_stdin && inputs.size() > 1)
    throw Error(Failure{"", 0, 0, "--fix 读取标准输入时，标准输入必须是唯一的输入"});

  // Configs first: a bad config stops the run before any output.
  std::vector<std::shared_ptr<const Linter>> linters;
  for (const Input& input : inputs) linters.push_back(configs.for_directory(directory_of(input, options)));
  for (const std::string& w : configs.take_warnings()) fmt::print(stderr, "{}\n", w);

  // With --fix on standard input the fixed text goes to stdout, diagnostics to stderr.
  const bool fixed_to_stdout = options.fix && reads_stdin;
  std::FILE* out = fixed_to_stdout ? stderr : stdout;
  RenderOptions render;
  render.column_unit = options.column_unit;
  render.color = use_color(options.color, out);
  render.max_snippet_width = snippet_width(out);
  render.tool_version = REPORTLINT_VERSION;
  render.homepage = REPORTLINT_HOMEPAGE;
  render.sarif_max_results = options.sarif_max_results;
  if (options.format == "sarif") render.rules = rule_descriptions(linters);  // only SARIF lists the rules
  render.base_directory = fs::current_path();
  auto renderer = make_renderer(options.format, render, out);

  std::optional<Baseline> baseline;
  if (options.baseline) baseline = Baseline::load(*options.baseline);
  std::optional<Baseline> recorded;
  if (options.write_baseline) {
    check_baseline_target(*options.write_baseline, inputs);
    recorded.emplace(*options.write_baseline);
  }

  Summary summary;
  summary.failed = failures.size();  // inputs that do not exist or could not be walked
  bool failed_threshold = false;
  auto take = [&](Outcome outcome) {
    if (!outcome.failures.empty()) {
      ++summary.failed;
      std::fflush(out);
      print_failures(outcome.failures);
      failures.insert(failures.end(), outcome.failures.begin(), outcome.failures.end());
      if (fixed_to_stdout) std::fwrite(outcome.fixed_stdin.data(), 1, outcome.fixed_stdin.size(), stdout);
      return;
    }
    if (!outcome.about_config) ++summary.files;
    if (recorded)
      for (const Diagnostic& d : outcome.report.diagnostics) recorded->add(outcome.report.path, *outcome.report.document, d);
    if (baseline) {
      const DiagnosticList& list = outcome.report.diagnostics;
      summary.baselined += outcome.report.diagnostics.erase_if([&](std::size_t i) {
        return baseline->take(outcome.report.path, *outcome.report.document, list[i]);
      });
    }
    summary.fixes_applied += outcome.report.fixes_applied;
    summary.files_fixed += outcome.report.fixes_applied ? 1 : 0;
    for (std::size_t i = 0; i < outcome.report.diagnostics.size(); ++i) {
      const Severity severity = outcome.report.diagnostics.severity(i);
      (severity == Severity::error ? summary.errors : severity == Severity::warning ? summary.warnings : summary.notes)++;
      failed_threshold = failed_threshold || fails(options.fail_on, severity);
    }
    renderer->file(outcome.report);
    if (fixed_to_stdout) std::fwrite(outcome.fixed_stdin.data(), 1, outcome.fixed_stdin.size(), stdout);
  };

  // Threads: as asked, but no more than there are files, nor than a few per core (more
  // only wait on each other).
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads =
      std::min<std::size_t>({options.jobs ? options.jobs : cores, inputs.size(), std::size_t{4} * cores});
  if (threads <= 1) {
    for (std::size_t i = 0; i < inputs.size(); ++i) take(lint_input(inputs[i], *linters[i], options));
  } else {
    // Workers lint at most `window` files ahead of the one being rendered, so memory is
    // bounded by the files in flight, not by the number of inputs; output keeps input order.
    const std::size_t window = threads * 4;
    std::vector<std::promise<Outcome>> promises(inputs.size());
    std::vector<std::future<Outcome>> futures;
    for (auto& p : promises) futures.push_back(p.get_future());
    std::mutex mutex;
    std::condition_variable room;
    std::size_t next = 0, rendering = 0;
    auto work = [&] {
      while (true) {
        std::size_t i;
        {
          std::unique_lock lock(mutex);
          room.wait(lock, [&] { return next >= inputs.size() || next < rendering + window; });
          if (next >= inputs.size()) return;
          i = next++;
        }
        promises[i].set_value(lint_input(inputs[i], *linters[i], options));
      }
    };
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      Outcome outcome = futures[i].get();
      {
        std::lock_guard lock(mutex);
        rendering = i + 1;
      }
      room.notify_one();  // one more file may start: one worker, not all of them
      take(std::move(outcome));
    }
    room.notify_all();  // the workers still waiting see that every file is taken
  }
  std::vector<Failure> config_failures;  // a config file that could not be read again
  for (FileReport& report : config_file_reports(linters, config_failures)) {
    Outcome outcome;
    outcome.report = std::move(report);
    outcome.about_config = true;
    take(std::move(outcome));
  }
  print_failures(config_failures);
  failures.insert(failures.end(), config_failures.begin(), config_failures.end());
  renderer->finish(summary);
  report_refusals(linters);
  if (!failures.empty()) return 2;
  if (recorded) {
    recorded->write();
    fmt::print(stderr, "已把 {} 个问题写入基线 {}\n", recorded->size(), escape_name(*options.write_baseline));
    return 0;  // today's findings are accepted
  }
  return failed_threshold ? 1 : 0;
}

int run(int argc, const char* const* argv) {
  // `reportlint lsp [--config FILE] [--plugin-dir DIR] [--profile NAME] [--trust]`
  const std::string_view command = argc >= 2 ? std::string_view(argv[1]) : std::string_view();
  const bool language_server = command == "lsp";
  if (command == "completions") {
    const auto script = argc == 3 ? shell_completions(argv[2]) : std::nullopt;
    if (!script) throw Error(Failure{"", 0, 0, "用法：reportlint completions bash|zsh|fish"});
    fmt::print("{}", *script);
    return 0;
  }
  if (command == "manpage") {
    fmt::print("{}", man_page(REPORTLINT_VERSION, REPORTLINT_HOMEPAGE));
    return 0;
  }
  const bool web_page = command == "serve";
  const bool subcommand = language_server || web_page || command == "trust" || command == "untrust" || command == "merge";
  const CliOptions options = subcommand ? parse_args(argc - 1, argv + 1) : parse_args(argc, argv);
  if (command == "merge") {
    merge_outputs(options.paths, options.sarif_max_results);
    return 0;
  }
  if (command == "trust" || command == "untrust") return trust_command(command == "trust", options.paths);
  if (options.help) {
    fmt::print("{}", usage_text());
    return 0;
  }
  if (options.version) {
    fmt::print("reportlint {}\n", REPORTLINT_VERSION);
    return 0;
  }

  LinterOptions linter_options;
  for (const std::string& dir : options.plugin_dirs) linter_options.plugin_dirs.emplace_back(dir);
  linter_options.builtin_plugin_dir = builtin_plugin_directory();
  linter_options.data_dir = data_directory();
  linter_options.profile_override = options.profile.value_or("");
  linter_options.trust = TrustPolicy::from_environment(options.trust);
  LinterOptions linter_options_for_lsp = linter_options;
  ConfigCache configs(std::move(linter_options), options.config);

  if (options.check_plugin) return check_plugin_command(*options.check_plugin, linter_options_for_lsp);
  if (language_server) {
    if (!options.paths.empty()) throw Error(Failure{"", 0, 0, "reportlint lsp 不接受文件参数：文档由编辑器发送"});
    std::ios::sync_with_stdio(false);
    return lsp::run_server(std::move(linter_options_for_lsp), options.config, stdin, stdout);
  }
  if (web_page) {
    if (!options.paths.empty()) throw Error(Failure{"", 0, 0, "reportlint serve 不接受文件参数：在网页中选择要检查的文件"});
    serve::ServeOptions serve_options;
    if (options.host) serve_options.host = *options.host;
    serve_options.port = options.port.value_or(0);
    serve_options.open_browser = options.open_browser;
    serve_options.linter = std::move(linter_options_for_lsp);
    // The page reads no project configuration: a trusted directory changes nothing.
    serve_options.linter.trust = {};
    serve_options.explain = [](const Linter& linter, std::string_view rule) { return explain_rule(linter, rule); };
    return serve::run_serve(std::move(serve_options));
  }
  if (options.list_rules || options.explain || options.print_config) {
    fs::path where = ".";
    if (!options.paths.empty() && options.paths.front() != "-") {
      const fs::path first = options.paths.front();
      where = fs::is_directory(first) ? first : first.parent_path();
    }
    const auto linter = configs.for_directory(where);
    for (const std::string& w : configs.take_warnings()) fmt::print(stderr, "{}\n", w);
    report_refusals({linter});
    if (options.explain) fmt::print("{}", explain_rule(*linter, *options.explain));
    if (options.list_rules) fmt::print("{}", list_rules(*linter));
    if (options.print_config) fmt::print("{}", print_config(*linter));
    return 0;
  }
  if (options.paths.empty() && !options.files_from)
    throw Error(Failure{"", 0, 0, "没有指定要检查的文件（reportlint --help 查看用法）"});
  return lint_command(options, configs);
}

}  // namespace

// Everything reportlint says goes through stdout's buffer: a full disk or a closed pipe
// shows only when it is flushed. A report that did not arrive is not a clean run.
int check_stdout(int status) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int error = errno;
    fmt::print(stderr, "reportlint: error: 写标准输出失败：{}\n", std::strerror(error ? error : EIO));
    return 2;
  }
  return status;
}

int run_cli(int argc, const char* const* argv) {
  try {
    return check_stdout(run(argc, argv));
  } catch (const Error& e) {
    check_stdout(2);
    print_failures(e.failures());
    return 2;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "reportlint: error: 内部错误：{}\n", e.what());
    return 2;
  }
}

}  // namespace reportlint
