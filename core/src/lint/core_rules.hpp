// Rules the core reports itself (not a plugin): their metadata and doc pages, so
// --list-rules, --explain, the config and SARIF treat them like any other rule.
#pragma once

#include <span>
#include <string_view>

#include "reportlint/checker.hpp"

namespace reportlint {

std::span<const RuleInfo> core_rules();

// A project config that is not trusted asked to load code or files outside the project.
inline constexpr std::string_view kUntrustedConfigRule = "reportlint.untrusted-config";

// --fix stopped because a rule's fix keeps re-creating its own finding.
inline constexpr std::string_view kUnstableFixRule = "reportlint.unstable-fix";

}  // namespace reportlint
