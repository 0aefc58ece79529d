#include "workspace/config_cache.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {
constexpr std::string_view kBuiltinPrefix = "builtin:";
}

ConfigCache::ConfigCache(LinterOptions options, std::optional<std::string> config_override)
    : options_(std::move(options)),
      override_(std::move(config_override)),
      loader_(options_.data_dir / "configs", options_.trust) {}

std::shared_ptr<const Linter> ConfigCache::for_directory(const fs::path& directory) {
  const std::string dir_key = directory.lexically_normal().string();
  auto known = key_for_directory_.find(dir_key);
  std::string key;
  std::optional<fs::path> file;
  if (known != key_for_directory_.end()) {
    key = known->second;
  } else {
    if (override_) {
      file = fs::path(*override_);
    } else {
      file = find_config_upward(directory.empty() ? fs::path(".") : directory);
    }
    std::error_code ec;
    if (override_ && override_->starts_with(kBuiltinPrefix)) {
      key = *override_;  // --config builtin:NAME
      file.reset();
    } else {
      key = file ? fs::weakly_canonical(*file, ec).string() : std::string("builtin:default");
    }
    key_for_directory_.emplace(dir_key, key);
  }
  if (auto it = linters_.find(key); it != linters_.end()) return it->second;

  Config config;
  if (key.starts_with(kBuiltinPrefix))
    config = loader_.load_builtin(std::string_view(key).substr(kBuiltinPrefix.size()));
  else
    config = loader_.load_file(file ? *file : fs::path(key));
  auto linter = Linter::create(std::move(config), host_, options_, warnings_);
  linters_.emplace(key, linter);
  return linter;
}

}  // namespace reportlint
