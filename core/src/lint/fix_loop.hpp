// --fix: apply the certain fixes, re-lint, and again, until nothing changes — and stop,
// saying so, when a fix keeps re-creating what it fixed. Fixes are written into the
// source's own form (its encoding; for Word, the run holding the text); one that cannot
// be is shown as a suggestion with the reason.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "io/source.hpp"
#include "lint/diagnostic_list.hpp"
#include "lint/linter.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

struct FixOutcome {
  SourceText source;                         // the fixed source: source_bytes() writes it
  std::shared_ptr<const Document> document;  // the fixed text
  std::vector<Diagnostic> diagnostics;       // what is left, sorted
  std::size_t applied = 0;                   // fixes applied over all passes
};

// ESLint stops after 10 passes too: fixes that keep enabling new fixes are a bug.
inline constexpr int kMaxFixPasses = 10;

// The document of `source` (built as the CLI builds it).
std::shared_ptr<const Document> document_of(const SourceText& source);
// The same, moving the text out of `source` (which keeps the rest): one copy of a large
// file instead of two, when no fix will be written.
std::shared_ptr<const Document> document_moving_text(SourceText& source);

// Turns each certain fix of `diagnostics` that cannot be written into `source`'s file (a
// character its encoding lacks, a Word automatic number, text over several runs) into a
// suggestion, with a note saying why.
void restrict_fixes_to_source(const SourceText& source, const Document& document, DiagnosticList& diagnostics);

// Fixes `document` (built from `source`; its diagnostics, already restricted, are
// `diagnostics`) pass after pass. A pass after which a rule has at least as many certain
// fixes to offer as before did not converge — its fix re-creates its own finding (工作 →
// 工作工作) — and the loop stops there, as it does after kMaxFixPasses; either way the
// rule's remaining finding gets a diagnostic of reportlint.unstable-fix beside it, so the
// text grows at most one pass and the user learns why it was not fixed.
FixOutcome fix_until_stable(SourceText source, std::shared_ptr<const Document> document,
                            std::vector<Diagnostic> diagnostics, const Linter& linter);

}  // namespace reportlint
