// Commands that describe instead of lint: --list-rules, --explain, --print-config.
#pragma once

#include <string>
#include <string_view>

#include "lint/linter.hpp"

namespace reportlint {

// One line per rule: id, default severity, fix availability, summary.
std::string list_rules(const Linter& linter);

// The rule's documentation page. Throws Error for an unknown rule, suggesting near ids.
std::string explain_rule(const Linter& linter, std::string_view rule_id);

// The merged configuration as TOML, with every rule's effective severity.
std::string print_config(const Linter& linter);

}  // namespace reportlint
