// One Linter per configuration in use, found the way the contract says: --config, else
// the nearest .reportlint.toml above the file, else builtin:default.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "lint/linter.hpp"
#include "plugin_host/plugin_host.hpp"

namespace reportlint {

class ConfigCache {
 public:
  ConfigCache(LinterOptions options, std::optional<std::string> config_override);

  // The Linter for files in `directory`. Throws Error for a bad config or plugin.
  std::shared_ptr<const Linter> for_directory(const std::filesystem::path& directory);

  // Warnings gathered while loading (duplicate plugin names), to print once.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  LinterOptions options_;
  std::optional<std::string> override_;
  ConfigLoader loader_;
  PluginHost host_;
  std::vector<std::string> warnings_;
  std::map<std::string, std::string> key_for_directory_;               // directory → config key
  std::map<std::string, std::shared_ptr<const Linter>> linters_;       // config key → linter
};

}  // namespace reportlint
