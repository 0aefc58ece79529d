// Loading checker plugins with Boost.DLL.
//
// Lifetime: every object a plugin creates (checkers, their vtables, strings they own)
// lives in the library's code. LoadedPlugin declares its library before the objects it
// makes, and every CheckerInstance holds a shared_ptr to its LoadedPlugin, so a library
// is unloaded only after the last object made from it is gone.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/dll/shared_library.hpp>

#include "reportlint/checker.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint {

class LoadedPlugin {
 public:
  LoadedPlugin(std::string path, boost::dll::shared_library library, const PluginInfo& info);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const std::string& path() const noexcept { return path_; }
  std::string_view name() const noexcept { return info_->name; }
  std::string_view version() const noexcept { return info_->version; }
  // Rule metadata; the strings point into the library, which this object keeps loaded.
  std::span<const RuleInfo> rules() const noexcept { return prototype_->rules(); }
  // The options the plugin declares (Checker::options), sorted by name.
  std::span<const OptionSpec> options() const noexcept { return prototype_->options(); }
  // A new checker. The caller must keep a shared_ptr to this plugin for as long.
  std::unique_ptr<Checker> create() const;

 private:
  std::string path_;
  boost::dll::shared_library library_;  // first member: destroyed last
  const PluginInfo* info_;
  std::unique_ptr<Checker> prototype_;  // answers rules()
};

// A checker together with the library it came from, destroyed checker first.
struct CheckerInstance {
  std::shared_ptr<const LoadedPlugin> plugin;
  std::unique_ptr<Checker> checker;
};

class PluginHost {
 public:
  // Loads one plugin file, once per canonical path. Throws Error naming the file when it
  // is not a shared library, lacks the handshake symbol, was built for another plugin
  // ABI, or declares invalid rules.
  std::shared_ptr<const LoadedPlugin> load_file(const std::filesystem::path& file);

  // Loads every shared library (*.so) in `directory`, sorted by file name.
  std::vector<std::shared_ptr<const LoadedPlugin>> load_directory(const std::filesystem::path& directory);

 private:
  std::map<std::string, std::shared_ptr<const LoadedPlugin>> by_path_;
};

// The plugins one configuration uses: first come, first served by plugin name.
class PluginSet {
 public:
  // Adds `plugin` unless one of the same name is already in; returns a warning message
  // naming both files in that case, or an empty string.
  std::string add(std::shared_ptr<const LoadedPlugin> plugin);
  const std::vector<std::shared_ptr<const LoadedPlugin>>& plugins() const noexcept { return plugins_; }
  std::shared_ptr<const LoadedPlugin> find(std::string_view name) const;
  // The rule with this id, or nullptr.
  const RuleInfo* find_rule(std::string_view id) const;

 private:
  std::vector<std::shared_ptr<const LoadedPlugin>> plugins_;
};

// <dir of the executable>/../lib/reportlint/plugins and ../share/reportlint.
std::filesystem::path executable_directory();
std::filesystem::path builtin_plugin_directory();
std::filesystem::path data_directory();

}  // namespace reportlint
