// The configurations the page offers: a preset (builtin:default, builtin:strict) and a
// document type (profile), each pair one Linter, made on first use and kept. Only the
// built-in presets: the server reads no project configuration, so nothing in a folder
// a draft came from runs code.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "lint/linter.hpp"
#include "plugin_host/plugin_host.hpp"

namespace reportlint::serve {

struct Choice {
  std::string id;     // what the page sends: "strict", "annual-summary"
  std::string label;  // what it shows: 严格, 年度工作总结
};

class LinterChoices {
 public:
  // Checks every preset loads, so a broken installation fails at start, not per request.
  explicit LinterChoices(LinterOptions options);

  const std::vector<Choice>& presets() const noexcept { return presets_; }
  const std::vector<Choice>& profiles() const noexcept { return profiles_; }

  // The linter for a preset and profile ("" for detection from the title). Throws Error
  // for a name not offered.
  std::shared_ptr<const Linter> get(const std::string& preset, const std::string& profile);

 private:
  LinterOptions options_;
  std::vector<Choice> presets_;
  std::vector<Choice> profiles_;
  std::mutex mutex_;
  PluginHost host_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const Linter>> linters_;
};

}  // namespace reportlint::serve
