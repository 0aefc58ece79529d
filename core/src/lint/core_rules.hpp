// Rules the core reports itself (not a plugin): their metadata and doc pages, so
// --list-rules, --explain, the config and SARIF treat them like any other rule.
#pragma once

#include <span>

#include "reportlint/checker.hpp"

namespace reportlint {

std::span<const RuleInfo> core_rules();

}  // namespace reportlint
