#include "serve/linter_choices.hpp"

#include <algorithm>
#include <filesystem>

#include <toml++/toml.h>

#include "config/config.hpp"
#include "support/error.hpp"

namespace reportlint::serve {
namespace fs = std::filesystem;
namespace {

std::string preset_label(const std::string& name) {
  if (name == "default") return "默认";
  if (name == "strict") return "严格（全部作为错误）";
  return name;
}

// The document types installed (configs/profiles/NAME.toml), labelled by their `name`.
std::vector<Choice> installed_profiles(const fs::path& data_dir) {
  std::vector<Choice> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir / "configs" / "profiles", ec)) {
    if (entry.path().extension() != ".toml") continue;
    Choice c{entry.path().stem().string(), entry.path().stem().string()};
    try {
      const toml::table table = toml::parse_file(entry.path().string());
      if (auto name = table["name"].value<std::string>()) c.label = *name;
    } catch (const toml::parse_error&) {
      // The linter reports a broken profile with its position when it is chosen.
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Choice& a, const Choice& b) { return a.id < b.id; });
  return out;
}

}  // namespace

LinterChoices::LinterChoices(LinterOptions options) : options_(std::move(options)) {
  const ConfigLoader loader(options_.data_dir / "configs", options_.trust);
  for (const std::string& name : loader.builtin_names()) presets_.push_back({name, preset_label(name)});
  // The default first: it is what the page starts with.
  std::stable_partition(presets_.begin(), presets_.end(), [](const Choice& c) { return c.id == "default"; });
  profiles_ = installed_profiles(options_.data_dir);
  for (const Choice& preset : presets_) get(preset.id, "");
}

std::shared_ptr<const Linter> LinterChoices::get(const std::string& preset, const std::string& profile) {
  auto offered = [](const std::vector<Choice>& choices, const std::string& id) {
    return std::any_of(choices.begin(), choices.end(), [&](const Choice& c) { return c.id == id; });
  };
  if (!offered(presets_, preset)) throw Error(Failure{"", 0, 0, "未知的规则集“" + preset + "”"});
  if (!profile.empty() && !offered(profiles_, profile)) throw Error(Failure{"", 0, 0, "未知的文档类型“" + profile + "”"});
  const std::lock_guard lock(mutex_);
  const auto key = std::make_pair(preset, profile);
  if (auto it = linters_.find(key); it != linters_.end()) return it->second;
  LinterOptions options = options_;
  options.profile_override = profile;
  const ConfigLoader loader(options.data_dir / "configs", options.trust);
  std::vector<std::string> warnings;
  auto linter = Linter::create(loader.load_builtin(preset), host_, options, warnings);
  linters_.emplace(key, linter);
  return linter;
}

}  // namespace reportlint::serve
