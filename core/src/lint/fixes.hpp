// Applying fixes to text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/diagnostic.hpp"

namespace reportlint {

struct FixResult {
  std::string text;
  std::size_t applied = 0;  // fixes applied (a fix may have several edits)
};

struct FixSelection {
  std::vector<Edit> edits;  // sorted by position, none overlapping
  std::size_t fixes = 0;    // fixes taken (a fix may have several edits)
};

// The safe fixes of `diagnostics`, in order, skipping any fix with an edit that overlaps
// an edit already taken: overlapping fixes are never both applied. An insertion conflicts
// with an edit starting at the same offset, since their order would be a guess.
FixSelection select_fixes(const std::vector<Diagnostic>& diagnostics);

// `text` with `edits` (sorted, non-overlapping) applied.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

// select_fixes() applied to `text`.
FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics);

// "改为“党”", "删除“##paidbegin##”": what a fix does, when its author gave no message.
std::string describe_fix(std::string_view text, const Fix& fix);

}  // namespace reportlint
