// Configuration: .reportlint.toml files, their `extends` chains and the built-in presets.
//
// Layers are merged base first: a file's `extends` entries, in order, then the file
// itself. A file reached twice (two layers extending one base) is merged once, at its
// first place; an `extends` chain deeper than kMaxExtendsDepth or a config of more than
// kMaxConfigFiles files is an error, not a stack overflow or an exponential walk. Later layers win: rule settings are applied in order, plugin tables are merged
// key by key (arrays are replaced, not appended), plugin paths accumulate.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/trust.hpp"
#include "io/encoding.hpp"
#include "reportlint/diagnostic.hpp"
#include "support/error.hpp"

namespace reportlint {

inline constexpr std::size_t kMaxExtendsDepth = 32;
inline constexpr std::size_t kMaxConfigFiles = 256;

// The name of a project's configuration file.
inline constexpr std::string_view kConfigFileName = ".reportlint.toml";

struct RuleSetting {
  std::string pattern;               // "placeholder.unfilled", or "placeholder.*"
  std::optional<Severity> severity;  // empty when the rule is turned off
  toml::source_region source;
};

struct PluginPath {
  std::filesystem::path directory;   // absolute
  toml::source_region source;
};

// An [[ignore]] entry: findings in files matching `path` (a glob relative to the config
// file's directory: * ? and ** for any directories), of rules matching `rule`
// ("placeholder.*", or every rule when empty), on lines containing `text` (when set),
// are not reported.
struct IgnoreEntry {
  std::string path;
  std::string rule;
  std::string text;
  std::filesystem::path base;  // the directory of the config file that declared it
  toml::source_region source;
};

// `encoding = "gbk"` (every file) or `[encoding]` "legacy/**" = "gbk" (by path).
struct EncodingSetting {
  std::string pattern;         // relative to `base`; "**" for a plain `encoding = …`
  EncodingChoice choice;
  std::filesystem::path base;  // the directory of the config file that declared it
  toml::source_region source;
};

struct Config {
  std::vector<std::string> layers;   // files merged, base first, for --print-config
  std::string profile;
  toml::source_region profile_source;
  std::vector<RuleSetting> rules;    // in merge order: a later setting wins
  std::vector<PluginPath> plugin_paths;
  toml::table plugin_options;        // plugin name → merged table; nodes keep source()
  // rule id → that rule's own options, over its plugin's ([rules."numbering.level-skip"]
  // with keys other than `severity`), merged across layers like plugin_options.
  toml::table rule_options;
  std::vector<IgnoreEntry> ignores;  // of every layer, base first
  std::vector<EncodingSetting> encodings;  // of every layer, base first: the last match wins

  // The trust model (config/trust.hpp). A built-in preset, or a project config the user
  // trusts, is trusted; otherwise `refused` lists what it asked for and did not get.
  std::filesystem::path root;        // the project: the directory of the config file; empty for builtin
  bool trusted = true;
  std::vector<TrustRefusal> refused;
  bool plugins_refused = false;      // plugin directories were refused: rules of theirs are unknown
};

class ConfigLoader {
 public:
  // `configs_dir` holds the presets named builtin:NAME (share/reportlint/configs). Project
  // configs are held to `trust`: untrusted, they load no plugins and nothing outside the
  // project.
  explicit ConfigLoader(std::filesystem::path configs_dir, TrustPolicy trust = {})
      : configs_dir_(std::move(configs_dir)), trust_(std::move(trust)) {}

  // Loads a config file and everything it extends. Throws Error listing every problem.
  Config load_file(const std::filesystem::path& path) const;
  // Loads builtin:NAME.
  Config load_builtin(std::string_view name) const;

  const std::filesystem::path& configs_dir() const noexcept { return configs_dir_; }
  // Names of the presets available as builtin:NAME, sorted.
  std::vector<std::string> builtin_names() const;

 private:
  // The files being loaded (for cycles and depth) and those already merged (each once).
  struct LoadState {
    std::vector<std::filesystem::path> chain;
    std::vector<std::filesystem::path> merged;
  };
  void load_layer(const std::filesystem::path& path, const toml::source_region* referenced_from,
                  Config& into, LoadState& state) const;

  std::filesystem::path configs_dir_;
  TrustPolicy trust_;
};

// The encoding `config` sets for `file`: the last setting whose pattern matches the file's
// path relative to the setting's config; detection when none does.
EncodingChoice encoding_for(const Config& config, const std::filesystem::path& file);

// The nearest `.reportlint.toml` in `directory` or above it.
std::optional<std::filesystem::path> find_config_upward(const std::filesystem::path& directory);

// The severity `rule_id` ends up with under `config`, or empty when it is off. An opt-in
// rule is off until a setting names it; wildcards after that change its severity too.
std::optional<Severity> effective_severity(const Config& config, std::string_view rule_id,
                                           Severity default_severity, bool opt_in = false);

std::optional<Severity> parse_severity(std::string_view text);

// A failure at a place in a config file (or just the file, when `where` has no position).
Failure failure_at(const toml::source_region& where, std::string message);

// A path for Failure::path and TOML sources: relative to the working directory when it
// lies below it. (format_failure escapes it when printing.)
std::string display_path(const std::filesystem::path& path);

// The same, escaped (escape_name) for use inside a message's text.
std::string name_in_message(const std::filesystem::path& path);

}  // namespace reportlint
