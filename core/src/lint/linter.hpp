// A Linter is one configuration made runnable: its plugins, their configured checkers
// and the severity of every rule. It is immutable once built, so files may be linted
// with it from several threads at once.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "lint/diagnostic_list.hpp"
#include "plugin_host/plugin_host.hpp"
#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

struct LinterOptions {
  std::vector<std::filesystem::path> plugin_files;  // single plugins (--check-plugin), searched first
  std::vector<std::filesystem::path> plugin_dirs;  // --plugin-dir
  std::filesystem::path builtin_plugin_dir;        // searched last
  std::filesystem::path data_dir;                  // share/reportlint
  std::string profile_override;                    // --profile
  TrustPolicy trust;                               // which project configs may run code
  bool interactive = false;                        // the language server (ConfigureContext::interactive)
};

class Linter {
 public:
  // Loads the plugins `config` needs, validates the config against them and configures
  // one checker per plugin. Throws Error listing every problem. Warnings (a plugin name
  // found twice) are appended to `warnings`.
  static std::shared_ptr<const Linter> create(Config config, PluginHost& host, const LinterOptions& options,
                                              std::vector<std::string>& warnings);

  // Runs every enabled rule. Diagnostics come back sorted by position, with severities
  // from the configuration, packed (lint/diagnostic_list.hpp). Throws Error when a plugin
  // fails or reports nonsense.
  DiagnosticList check(const Document& document) const;
  // The same, as Diagnostic values: for the language server, --fix and tests, whose
  // documents are small.
  std::vector<Diagnostic> lint(const Document& document) const;

  const Config& config() const noexcept { return config_; }
  const PluginSet& plugins() const noexcept { return plugins_; }
  // Effective severity of a rule, empty when it is off or unknown.
  std::optional<Severity> severity(std::string_view rule_id) const;
  const std::string& profile() const noexcept { return profile_; }
  // Why a rule is off whatever the config says (its plugin's data is not installed), or "".
  std::string_view unavailable_reason(std::string_view rule_id) const {
    const auto it = unavailable_.find(rule_id);
    return it == unavailable_.end() ? std::string_view() : std::string_view(it->second);
  }
  // The config's [[ignore]] entries whose path matched a linted file but that have not
  // suppressed anything: stale. (An entry for files not linted in this run is not.)
  std::vector<const IgnoreEntry*> unused_ignores() const;

 private:
  Linter() = default;

  friend class ValidatingSink;

  struct RuleEntry {
    std::string id;                   // the core's copy: Diagnostic::rule points here
    std::optional<Severity> severity;  // empty when off
    const LoadedPlugin* plugin;        // null for the core's own rules
  };
  const RuleEntry* find(std::string_view rule_id) const;
  // Drops what directives and [[ignore]] entries suppress; reports unused directives.
  void suppress(const Document& document, DiagnosticList& diagnostics) const;

  Config config_;
  PluginSet plugins_;
  std::string profile_;
  std::map<std::string, std::string, std::less<>> unavailable_;  // rule id → why it is off
  std::vector<CheckerInstance> checkers_;
  std::vector<RuleEntry> rules_;  // sorted by id; never resized after create()
  std::unique_ptr<std::atomic<bool>[]> ignore_used_;       // per config_.ignores, set from any thread
  std::unique_ptr<std::atomic<bool>[]> ignore_path_seen_;  // its path matched a linted file
};

// Position order: begin, then end, then rule id.
bool diagnostic_before(const Diagnostic& x, const Diagnostic& y);

// Sorts into position order, stably (lint/sort_runs.hpp).
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace reportlint
