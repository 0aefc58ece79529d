#include "lint/core_rules.hpp"

#include <array>

#include "lint/suppressions.hpp"

namespace reportlint {

namespace core_docs {
std::string_view rule_doc(std::string_view id) noexcept;  // generated from docs/rules/reportlint.*.md
}

std::span<const RuleInfo> core_rules() {
  static const std::array<RuleInfo, 3> kRules = {
      RuleInfo{kUnusedSuppressionRule, Severity::note, FixAvailability::none,
               "没有屏蔽任何问题的 reportlint-disable 注释或 [[ignore]] 条目", core_docs::rule_doc(kUnusedSuppressionRule)},
      RuleInfo{kUntrustedConfigRule, Severity::warning, FixAvailability::none,
               "未被信任的项目配置要求加载插件或项目外的文件，没有加载", core_docs::rule_doc(kUntrustedConfigRule)},
      RuleInfo{kUnstableFixRule, Severity::warning, FixAvailability::none,
               "某条规则的修复会再次产生同样的问题，--fix 已停止", core_docs::rule_doc(kUnstableFixRule)},
  };
  return kRules;
}

}  // namespace reportlint
