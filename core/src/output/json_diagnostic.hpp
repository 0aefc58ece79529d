// One diagnostic as the contract's JSON object, shared by the json and jsonl formats:
//   {"rule": …, "plugin": …, "severity": …, "message": …, "line": …, "column": …,
//    "end_line": …, "end_column": …, "fixes": [...], "notes": [...]}
#pragma once

#include <string>

#include "model/position.hpp"
#include "reportlint/diagnostic.hpp"

namespace reportlint {

// Appends the object to `out`. The mappers are the caller's, kept across the diagnostics
// of a document (they are fastest asked in order): one for starts, one for ends, one for
// the positions of fixes and notes.
void append_diagnostic_json(std::string& out, const Diagnostic& d, PositionMapper& begins, PositionMapper& ends,
                            PositionMapper& others);

}  // namespace reportlint
