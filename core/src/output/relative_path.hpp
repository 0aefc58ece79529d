// A reported path relative to the run's base directory, '/'-separated: what CI dashboards
// (SARIF's %SRCROOT%, GitLab, reviewdog) expect, from the repository's root.
#pragma once

#include <filesystem>
#include <string>

namespace reportlint {

inline std::string relative_to(const std::filesystem::path& base, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute() && !base.empty()) {
    const auto r = p.lexically_relative(base);
    if (!r.empty() && *r.begin() != "..") p = r;
  }
  return p.lexically_normal().generic_string();
}

}  // namespace reportlint
