// A finding's fingerprint: what identifies it across edits, for baselines and for SARIF's
// partialFingerprints. It is the rule, the flagged text and a little context on each side
// (up to kContext characters of the same line), hashed — not the line number, not the
// whole line: in these drafts a line is a paragraph, and fixing one finding in it must not
// bring back the others, nor must an edit elsewhere in the paragraph or a moved line.
// A finding that flags no text (a missing section, a line broken mid-sentence: a place,
// not characters) is known by its rule and message instead, since what is around the
// place changes whenever the text near it is written.
#pragma once

#include <string>
#include <string_view>

#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

inline constexpr std::size_t kFingerprintContext = 8;  // characters on each side

struct FingerprintParts {
  std::string_view before, flagged, after;  // views into the document's text
};

// The text a fingerprint is made of.
FingerprintParts fingerprint_parts(const Document& document, const Diagnostic& diagnostic);

// 16 hex digits (FNV-1a, 64 bits) of the rule and the parts: stable across runs,
// machines and versions of reportlint that keep kFingerprintContext.
std::string fingerprint(const Document& document, const Diagnostic& diagnostic);

}  // namespace reportlint
