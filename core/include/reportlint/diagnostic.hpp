// reportlint plugin API: what a checker reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reportlint/text.hpp"

namespace reportlint {

// Ordered so that a higher value is more severe.
enum class Severity : std::uint8_t { note = 1, warning = 2, error = 3 };

constexpr std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

// One replacement of a byte range of the document text.
struct Edit {
  TextRange range;
  std::string replacement;
};

// How sure a fix is, after ruff's Applicability: `--fix` applies only `safe` fixes;
// `unsafe` ones are shown as suggestions.
enum class Applicability : std::uint8_t { safe, unsafe };

// A fix is applied whole or not at all. Renumbering a run of headings is one fix of
// several edits.
struct Fix {
  std::vector<Edit> edits;
  Applicability applicability = Applicability::safe;
  std::string message;  // what the fix does, e.g. 改为“党”; empty: derived from the edits
};

// Secondary location, e.g. the previous item of a sequence.
struct Note {
  std::string message;
  std::optional<TextRange> range;
};

struct Diagnostic {
  std::string rule;            // "<plugin>.<rule>", a rule the checker declared
  TextRange range;             // what the carets point at
  std::string message;         // Simplified Chinese, shown to users
  std::vector<Note> notes;
  std::optional<Fix> fix;
  Severity severity = Severity::error;  // set by the core from the configuration
};

}  // namespace reportlint
