// Suppressions: findings a user has decided not to see.
//
// In Markdown, HTML comments (ESLint's directives, in Markdown's comment syntax):
//   <!-- reportlint-disable [RULE, …] -->            from here on (every rule when none is named)
//   <!-- reportlint-enable [RULE, …] -->             until here
//   <!-- reportlint-disable-next-line [RULE, …] -->  the next line only
// RULE is a rule id or PLUGIN.*. For any file, [[ignore]] entries of the config.
// A directive that suppresses nothing is reported as reportlint.unused-suppression.
#pragma once

#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "lint/diagnostic_list.hpp"
#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"
#include "support/glob.hpp"

namespace reportlint {

// The rule the core itself reports under.
inline constexpr std::string_view kUnusedSuppressionRule = "reportlint.unused-suppression";

// "placeholder.unfilled", "placeholder.*", or "" / "*" for every rule.
bool rule_matches(std::string_view pattern, std::string_view rule_id);


// A suppression directive of a Markdown document.
struct Directive {
  enum class Kind { disable, enable, disable_next_line } kind;
  std::vector<std::string> rules;  // empty: every rule
  TextRange range;                 // the whole comment
  bool used = false;
};

// The directives of a Markdown document, in order; none for other formats.
std::vector<Directive> find_directives(const Document& document);

// Removes the diagnostics the directives suppress, marking the directives used.
void apply_directives(const Document& document, std::vector<Directive>& directives, DiagnosticList& diagnostics);

// The path of `document` as an [[ignore]] entry declared under `base` sees it, or empty
// when the document lies outside `base`.
std::string path_for_ignore(const Document& document, const std::filesystem::path& base);

// Whether the entry suppresses a finding of `rule` at `range`.
bool ignore_matches(const IgnoreEntry& entry, std::string_view relative_path, const Document& document,
                    std::string_view rule, TextRange range);

}  // namespace reportlint
