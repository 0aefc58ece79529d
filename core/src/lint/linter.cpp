#include "lint/linter.hpp"

#include "lint/core_rules.hpp"
#include "lint/sort_runs.hpp"
#include "lint/suppressions.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include <fmt/format.h>

#include "support/crash_context.hpp"
#include "support/error.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

class PluginConfigureContext final : public ConfigureContext {
 public:
  PluginConfigureContext(const toml::table& options, const fs::path& data_dir, std::string_view profile,
                         const toml::source_region& profile_source, Config& config, std::vector<Failure>& failures,
                         std::map<std::string, std::string, std::less<>>& unavailable, bool interactive)
      : options_(options), data_dir_(data_dir), profile_(profile), profile_source_(profile_source), config_(config),
        failures_(failures), unavailable_(unavailable), interactive_(interactive) {}

  bool interactive() const override { return interactive_; }

  const toml::table& options() const override { return options_; }
  const toml::table* rule_options(std::string_view rule_id) const override {
    return config_.rule_options[rule_id].as_table();
  }
  void error(const toml::source_region& where, std::string message) override {
    failures_.push_back(failure_at(where, std::move(message)));
  }
  std::string resolve_path(std::string_view written, const toml::source_region& where,
                           std::string_view kind) const override {
    if (written.starts_with("builtin:"))
      return (data_dir_ / "configs" / std::string(kind) / (std::string(written.substr(8)) + ".toml")).string();
    const fs::path base = where.path ? fs::path(*where.path).parent_path() : fs::path();
    const fs::path path = (base / std::string(written)).lexically_normal();
    // A phrase pack or a profile outside an untrusted project is not read (docs/security.md).
    if (!config_.trusted && !inside(path, config_.root)) {
      std::error_code ec;
      config_.refused.push_back({where, fmt::format("项目外的文件 {}", escape_name(fs::weakly_canonical(path, ec).string()))});
      return {};
    }
    return path.string();
  }
  std::string_view profile() const override { return profile_; }
  const toml::source_region& profile_source() const override { return profile_source_; }
  std::string data_file(std::string_view name) const override {
    const fs::path path = data_dir_ / "data" / std::string(name);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_regular_file(status) && ::access(path.c_str(), R_OK) == 0) return path.string();
    // Not installed: the rules that need it are off, as documented. Installed but not
    // readable (permissions): an error naming the file, not rules quietly gone.
    const int error = ec ? ec.value() : fs::exists(status) ? (fs::is_regular_file(status) ? errno : EISDIR) : ENOENT;
    if (error != ENOENT && error != ENOTDIR)
      failures_.push_back({display_path(path.string()), 0, 0,
                           fmt::format("无法读取 reportlint 的数据文件：{}", describe_path_error(error))});
    return {};
  }
  void unavailable(std::string_view rule_id, std::string reason) override {
    unavailable_.insert_or_assign(std::string(rule_id), std::move(reason));
  }
  std::vector<std::string> builtin_files(std::string_view kind) const override {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(data_dir_ / "configs" / std::string(kind), ec))
      if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
  }

 private:
  const toml::table& options_;
  const fs::path& data_dir_;
  std::string_view profile_;
  const toml::source_region& profile_source_;
  Config& config_;
  std::vector<Failure>& failures_;
  std::map<std::string, std::string, std::less<>>& unavailable_;
  bool interactive_;
};

}  // namespace

constexpr std::size_t kMessageChars = 200;                 // longest message shown, in characters
constexpr std::size_t kLongMessageBytes = kMessageChars * 3;  // below this, no need to count

// Checks what a plugin reports before the core trusts it: renderers index the text with
// these ranges, so a bad one must stop here with the plugin's name, not crash later.
class ValidatingSink final : public DiagnosticSink {
 public:
  ValidatingSink(const Linter& linter, const Document& document, DiagnosticList& out)
      : linter_(linter), document_(document), out_(out) {}

  void set_plugin(const LoadedPlugin& plugin) { plugin_ = &plugin; }

  bool enabled(std::string_view rule_id) const override {
    const Linter::RuleEntry* rule = linter_.find(rule_id);
    return rule && rule->severity.has_value();
  }

  void report(Diagnostic d) override {
    // Diagnostics come in runs of one rule: compare with the last one before searching.
    if (!last_ || d.rule != last_->id) {
      const Linter::RuleEntry* rule = linter_.find(d.rule);
      if (!rule || rule->plugin != plugin_) fail(fmt::format("报告了未声明的规则“{}”", d.rule));
      last_ = rule;
    }
    check_range(d.range, d.rule);
    for (const Note& note : d.notes)
      if (note.range) check_range(*note.range, d.rule);
    if (d.fix) {
      if (d.fix->edits.empty()) fail(fmt::format("规则“{}”给出了空的修复", d.rule));
      for (const Edit& edit : d.fix->edits) check_range(edit.range, d.rule);
    }
    if (!last_->severity) return;
    // Messages quote what was found: a plugin quoting a 2 MB match must not make every
    // output format print it. Bounded here, for every plugin.
    if (d.message.size() > kLongMessageBytes) d.message = shorten_for_message(d.message, kMessageChars);
    for (Note& note : d.notes)
      if (note.message.size() > kLongMessageBytes) note.message = shorten_for_message(note.message, kMessageChars);
    d.severity = *last_->severity;
    d.rule = last_->id;  // the core's copy outlives the plugin's strings
    out_.push_back(d);
  }

 private:
  bool on_boundary(std::uint32_t offset) const {
    const std::string_view text = document_.text();
    return offset == text.size() || !utf8::is_continuation(static_cast<unsigned char>(text[offset]));
  }
  void check_range(TextRange r, std::string_view rule) const {
    if (r.begin > r.end || r.end > document_.text().size() || !on_boundary(r.begin) || !on_boundary(r.end))
      fail(fmt::format("规则“{}”报告了无效的文本范围 [{}, {})", rule, r.begin, r.end));
  }
  [[noreturn]] void fail(std::string message) const {
    throw Error(Failure{std::string(document_.path()), 0, 0,
                        fmt::format("插件“{}”（{}）出错：{}", plugin_->name(), plugin_->path(), message)});
  }

  const Linter& linter_;
  const Document& document_;
  DiagnosticList& out_;
  const LoadedPlugin* plugin_ = nullptr;
  const Linter::RuleEntry* last_ = nullptr;
};

bool diagnostic_before(const Diagnostic& x, const Diagnostic& y) {
  if (x.range.begin != y.range.begin) return x.range.begin < y.range.begin;
  if (x.range.end != y.range.end) return x.range.end < y.range.end;
  return x.rule < y.rule;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  sort_runs(diagnostics.begin(), diagnostics.end(), diagnostic_before);
}

std::shared_ptr<const Linter> Linter::create(Config config, PluginHost& host, const LinterOptions& options,
                                             std::vector<std::string>& warnings) {
  std::shared_ptr<Linter> linter(new Linter());
  linter->profile_ = options.profile_override.empty() ? config.profile : options.profile_override;

  // Plugin search order: --plugin-dir, then the config's plugins.paths, then built-ins.
  auto add_all = [&](const fs::path& dir) {
    for (auto& plugin : host.load_directory(dir))
      if (std::string w = linter->plugins_.add(std::move(plugin)); !w.empty()) warnings.push_back(std::move(w));
  };
  for (const fs::path& file : options.plugin_files)
    if (std::string w = linter->plugins_.add(host.load_file(file)); !w.empty()) warnings.push_back(std::move(w));
  for (const fs::path& dir : options.plugin_dirs) add_all(dir);
  for (const PluginPath& path : config.plugin_paths) {
    std::error_code ec;
    if (!fs::is_directory(path.directory, ec))
      throw Error(failure_at(path.source, fmt::format("插件目录不存在：{}", name_in_message(path.directory))));
    add_all(path.directory);
  }
  if (!options.builtin_plugin_dir.empty()) add_all(options.builtin_plugin_dir);

  // Every rule setting and plugin table must name something that exists.
  std::vector<Failure> failures;
  auto core_rule = [](std::string_view id) {
    const auto rules = core_rules();
    return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  };
  for (const RuleSetting& s : config.rules) {
    if (s.pattern == "reportlint.*" || core_rule(s.pattern)) continue;
    // The plugins of a refused directory are not loaded, so their rules are not known: the
    // refusal says so, once, instead of an error for every setting.
    if (config.plugins_refused) continue;
    if (s.pattern.ends_with(".*")) {
      const std::string plugin = s.pattern.substr(0, s.pattern.size() - 2);
      if (!linter->plugins_.find(plugin))
        failures.push_back(failure_at(s.source, fmt::format("未知的插件“{}”（规则“{}”）", plugin, s.pattern)));
    } else if (!linter->plugins_.find_rule(s.pattern)) {
      failures.push_back(failure_at(s.source, fmt::format("未知的规则“{}”（reportlint --list-rules 列出全部规则）", s.pattern)));
    }
  }
  for (auto&& [id, node] : config.rule_options)
    if (!config.plugins_refused && !linter->plugins_.find_rule(id.str()))
      failures.push_back(failure_at(node.source(), fmt::format("未知的规则“{}”（reportlint --list-rules 列出全部规则）", id.str())));
  for (auto&& [name, node] : config.plugin_options)
    if (!config.plugins_refused && !linter->plugins_.find(name.str()))
      failures.push_back(failure_at(name.source(), fmt::format("未知的插件“{}”", name.str())));
  if (!failures.empty()) throw Error(std::move(failures));

  for (const auto& plugin : linter->plugins_.plugins()) {
    for (const RuleInfo& rule : plugin->rules())
      linter->rules_.push_back({std::string(rule.id), effective_severity(config, rule.id, rule.default_severity, rule.opt_in),
                                plugin.get()});
  }
  for (const RuleInfo& rule : core_rules())
    linter->rules_.push_back({std::string(rule.id), effective_severity(config, rule.id, rule.default_severity), nullptr});
  std::sort(linter->rules_.begin(), linter->rules_.end(),
            [](const RuleEntry& a, const RuleEntry& b) { return a.id < b.id; });

  static const toml::table kNoOptions;
  for (const auto& plugin : linter->plugins_.plugins()) {
    CheckerInstance instance{plugin, plugin->create()};
    const toml::table* options_table = config.plugin_options[plugin->name()].as_table();
    static const toml::source_region kCommandLine{};  // --profile has no place in a file
    PluginConfigureContext context(options_table ? *options_table : kNoOptions, options.data_dir, linter->profile_,
                                   options.profile_override.empty() ? config.profile_source : kCommandLine, config,
                                   failures, linter->unavailable_, options.interactive);
    try {
      const CrashScope scope("读取配置", plugin->path());
      instance.checker->configure(context);
    } catch (const std::exception& e) {
      failures.push_back({display_path(plugin->path()), 0, 0, fmt::format("插件配置失败：{}", e.what())});
    }
    linter->checkers_.push_back(std::move(instance));
  }
  if (!failures.empty()) throw Error(std::move(failures));
  // Rules whose data is not installed are off, whatever the config says.
  for (auto it = linter->unavailable_.begin(); it != linter->unavailable_.end();) {
    const auto entry = std::lower_bound(linter->rules_.begin(), linter->rules_.end(), it->first,
                                        [](const RuleEntry& e, std::string_view id) { return e.id < id; });
    if (entry == linter->rules_.end() || entry->id != it->first) {
      it = linter->unavailable_.erase(it);  // not a rule of any plugin: ignore
      continue;
    }
    entry->severity.reset();
    ++it;
  }
  linter->ignore_used_ = std::make_unique<std::atomic<bool>[]>(config.ignores.size());
  linter->ignore_path_seen_ = std::make_unique<std::atomic<bool>[]>(config.ignores.size());
  linter->config_ = std::move(config);
  return linter;
}

const Linter::RuleEntry* Linter::find(std::string_view rule_id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), rule_id,
                             [](const RuleEntry& entry, std::string_view id) { return entry.id < id; });
  return it != rules_.end() && it->id == rule_id ? &*it : nullptr;
}

std::optional<Severity> Linter::severity(std::string_view rule_id) const {
  const RuleEntry* rule = find(rule_id);
  return rule ? rule->severity : std::nullopt;
}

std::vector<Diagnostic> Linter::lint(const Document& document) const {
  return check(document).to_vector();
}

DiagnosticList Linter::check(const Document& document) const {
  DiagnosticList diagnostics;
  diagnostics.reserve_for(document.text().size());
  ValidatingSink sink(*this, document, diagnostics);
  for (const CheckerInstance& instance : checkers_) {
    sink.set_plugin(*instance.plugin);
    try {
      const CrashScope scope("检查", instance.plugin->path(), document.path());
      instance.checker->check(document, sink);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw Error(Failure{std::string(document.path()), 0, 0,
                          fmt::format("插件“{}”检查时出错：{}", instance.plugin->name(), e.what())});
    } catch (...) {
      throw Error(Failure{std::string(document.path()), 0, 0,
                          fmt::format("插件“{}”检查时出现未知异常", instance.plugin->name())});
    }
  }
  diagnostics.sort();
  suppress(document, diagnostics);
  return diagnostics;
}

void Linter::suppress(const Document& document, DiagnosticList& diagnostics) const {
  std::vector<Directive> directives = find_directives(document);
  apply_directives(document, directives, diagnostics);
  // An entry whose path matches this document is seen even when the document is clean:
  // a stale entry for a file fixed since is what the unused-suppression report is for.
  if (!config_.ignores.empty()) {
    std::vector<std::string> paths;  // the document's path as each entry sees it
    for (std::size_t i = 0; i < config_.ignores.size(); ++i) {
      const IgnoreEntry& entry = config_.ignores[i];
      paths.push_back(path_for_ignore(document, entry.base));
      if (!paths.back().empty() && glob_matches(entry.path, paths.back()))
        ignore_path_seen_[i].store(true, std::memory_order_relaxed);
    }
    diagnostics.erase_if([&](std::size_t d) {
      for (std::size_t i = 0; i < config_.ignores.size(); ++i) {
        if (!ignore_matches(config_.ignores[i], paths[i], document, diagnostics.rule(d), diagnostics.range(d))) continue;
        ignore_used_[i].store(true, std::memory_order_relaxed);
        return true;
      }
      return false;
    });
  }
  // Directives that suppress nothing, or name rules that do not exist.
  const RuleEntry* unused = find(kUnusedSuppressionRule);
  if (directives.empty() || !unused || !unused->severity) return;
  const std::size_t before = diagnostics.size();
  for (const Directive& d : directives) {
    std::string unknown;
    for (const std::string& r : d.rules) {
      const bool known = r == "*" || (r.ends_with(".*") ? plugins_.find(r.substr(0, r.size() - 2)) != nullptr ||
                                                               r == "reportlint.*"
                                                         : find(r) != nullptr);
      if (!known) unknown += (unknown.empty() ? "" : "、") + r;
    }
    if (unknown.empty() && d.used) continue;
    Diagnostic note;
    note.rule = unused->id;
    note.severity = *unused->severity;
    note.range = d.range;
    note.message = unknown.empty() ? "这条 reportlint 屏蔽注释没有屏蔽任何问题" : "屏蔽注释中有未知的规则“" + unknown + "”";
    diagnostics.push_back(std::move(note));
  }
  if (diagnostics.size() != before) diagnostics.sort();
}

std::vector<const IgnoreEntry*> Linter::unused_ignores() const {
  std::vector<const IgnoreEntry*> out;
  for (std::size_t i = 0; i < config_.ignores.size(); ++i)
    if (ignore_path_seen_[i].load(std::memory_order_relaxed) && !ignore_used_[i].load(std::memory_order_relaxed))
      out.push_back(&config_.ignores[i]);
  return out;
}

}  // namespace reportlint
