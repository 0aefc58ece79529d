// reportlint plugin API: the interface every checker implements.
//
// A plugin is a shared library holding one Checker, which declares one or more rules.
// The core calls, in this order and from one thread:
//   rules()      — static metadata, any time;
//   configure()  — once, with the merged [plugins.<name>] table of a configuration;
// and then, from any number of threads at once:
//   check()      — once per document; it must not modify the checker.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

enum class FixAvailability : std::uint8_t { none, sometimes, always };

struct RuleInfo {
  std::string_view id;       // "<plugin>.<rule>": lower-case words joined by '-'
  Severity default_severity = Severity::error;
  FixAvailability fix = FixAvailability::none;
  std::string_view summary;  // one line, Simplified Chinese
  std::string_view doc;      // Markdown page printed by --explain (docs/rules/<id>.md)
  // Off unless a configuration names the rule itself (a wildcard such as "punctuation.*"
  // does not): for house-style checks that published texts disagree on, as clippy's
  // allow-by-default groups. builtin:strict turns them on.
  bool opt_in = false;
};

// Receives diagnostics. The core copies what it is given; nothing handed over may point
// into the plugin.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  // False when the configuration turned the rule off: skip the work.
  virtual bool enabled(std::string_view rule_id) const = 0;
  virtual void report(Diagnostic diagnostic) = 0;
};

// What configure() sees: its options and a place to report problems with them.
class ConfigureContext {
 public:
  virtual ~ConfigureContext() = default;
  // The plugin's [plugins.<name>] table merged over every config layer; its nodes keep
  // their source() so errors can name file, line and column. Empty when not configured.
  virtual const toml::table& options() const = 0;
  // A rule's own options ([rules."ID"] keys besides `severity`), which hold for that rule
  // over the plugin's; null when it has none.
  virtual const toml::table* rule_options(std::string_view rule_id) const = 0;
  // Reports a configuration error; the core prints it and exits with status 2.
  virtual void error(const toml::source_region& where, std::string message) = 0;
  // Resolves a path written in a config file (relative to that file) or a
  // "builtin:NAME" reference to a file shipped in the data directory under `kind`
  // (e.g. kind "phrasing" → share/reportlint/configs/phrasing/NAME.toml). Returns an empty
  // string when the path may not be read — a project that is not trusted reaching outside
  // itself (docs/security.md): the core has reported it; skip the file.
  virtual std::string resolve_path(std::string_view written, const toml::source_region& where,
                                   std::string_view kind) const = 0;
  // The document-type profile chosen by --profile or the config, empty when none, and
  // where the config set it (no position when it came from --profile).
  virtual std::string_view profile() const = 0;
  virtual const toml::source_region& profile_source() const = 0;
  // Every file shipped under `kind` (share/reportlint/configs/KIND/*.toml), sorted by
  // name, so a plugin can load all of its built-in data in a stable order.
  virtual std::vector<std::string> builtin_files(std::string_view kind) const = 0;
  // A generated data file shipped with reportlint (share/reportlint/data/NAME), or "" when
  // it is not installed.
  virtual std::string data_file(std::string_view name) const = 0;
  // Turns one of the plugin's rules off for this run, saying why (its data is not
  // installed): --list-rules shows the reason, and nothing is reported under the rule.
  virtual void unavailable(std::string_view rule_id, std::string reason) = 0;
  // True in the language server, where the same document is linted again at every edit:
  // a plugin may then keep results of unchanged parts between runs (and should not on
  // the command line, where each text is linted once).
  virtual bool interactive() const = 0;
};

// A plugin option as the plugin declares it (REPORTLINT_OPTION): the core validates the
// plugin's table against these once (reportlint/options.hpp), and --explain and
// --print-config show them.
enum class OptionType : std::uint8_t { boolean, integer, string, strings };

constexpr std::string_view to_string(OptionType t) noexcept {
  switch (t) {
    case OptionType::boolean: return "布尔值";
    case OptionType::integer: return "整数";
    case OptionType::string: return "字符串";
    case OptionType::strings: return "字符串或字符串数组";
  }
  return "";
}

struct OptionSpec {
  std::string_view name;
  OptionType type;
  std::string_view default_value;  // as written in TOML: false, 0, "gb9704", []
  std::string_view doc;            // one line, Simplified Chinese
  std::int64_t min = 0, max = 0;   // integer: the accepted range
  std::span<const std::string_view> choices = {};  // string: the accepted values; empty: any
};

class Checker {
 public:
  virtual ~Checker() = default;
  virtual std::span<const RuleInfo> rules() const noexcept = 0;
  virtual void configure(ConfigureContext& context) = 0;
  virtual void check(const Document& document, DiagnosticSink& sink) const = 0;
  // The options the plugin declares, sorted by name; none for a plugin that reads its
  // table by hand.
  virtual std::span<const OptionSpec> options() const noexcept { return {}; }
};

}  // namespace reportlint
