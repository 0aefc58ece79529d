// Which projects may run code: the trust model (docs/security.md).
//
// A .reportlint.toml found in a project — a cloned repository, a pull request, a folder
// opened in an editor — is the project's, not the user's. What in it would run code or
// read beyond the project (plugin directories; `extends`, phrase packs and profiles
// outside the project's folder) is used only when the user trusts the project: with
// --trust or REPORTLINT_TRUST=1 for one run, or by recording the config in the user's
// allow list (`reportlint trust`), as direnv and VS Code's workspace trust do. The list
// holds the config's path and the SHA-256 of its content: a changed config is a new one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace reportlint {

// Something a project config asked for and did not get, for the diagnostic that says so.
struct TrustRefusal {
  toml::source_region where;  // the config line that asked
  std::string what;           // 插件目录 /abs/plugins, 项目外的配置 /etc/x.toml…
};

struct TrustPolicy {
  bool trust_all = false;                  // --trust, REPORTLINT_TRUST=1
  std::filesystem::path allow_list;        // the user's list; empty: none

  // --trust / REPORTLINT_TRUST and the user's list at its usual place.
  static TrustPolicy from_environment(bool trust_flag);
  // Whether the config at `config` (its content as it is now) is trusted.
  bool trusts(const std::filesystem::path& config) const;
};

// $XDG_CONFIG_HOME/reportlint/trusted.toml, else ~/.config/reportlint/trusted.toml; empty
// when neither variable is set.
std::filesystem::path default_allow_list();

// Hex SHA-256 of a file's bytes; throws Error naming the file when it cannot be read.
std::string sha256_of_file(const std::filesystem::path& file);

// Adds (or refreshes) `config` in the allow list; removes it. Both write the list
// atomically and throw Error on failure. remove() returns whether it was there.
void trust_config(const std::filesystem::path& allow_list, const std::filesystem::path& config);
bool untrust_config(const std::filesystem::path& allow_list, const std::filesystem::path& config);

// Whether `path` lies inside `root` once both are resolved (symbolic links followed).
bool inside(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace reportlint
