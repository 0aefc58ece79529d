#include "lint/core_rules.hpp"

#include <array>

#include "lint/suppressions.hpp"

namespace reportlint {

namespace core_docs {
std::string_view rule_doc(std::string_view id) noexcept;  // generated from docs/rules/reportlint.*.md
}

std::span<const RuleInfo> core_rules() {
  static const std::array<RuleInfo, 1> kRules = {
      RuleInfo{kUnusedSuppressionRule, Severity::note, FixAvailability::none,
               "没有屏蔽任何问题的 reportlint-disable 注释或 [[ignore]] 条目", core_docs::rule_doc(kUnusedSuppressionRule)},
  };
  return kRules;
}

}  // namespace reportlint
