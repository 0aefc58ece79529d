// The JSON the page reads for one linted draft:
//   {"file": …, "kind": "word"|"text",
//    "lines": [{"text": …, "typed": …, "kind": …, "level": …}, …],
//    "diagnostics": [the contract's objects, each with "fix_message" and "fix_safe"]}
// Columns count UTF-16 code units, as JavaScript indexes strings, so the page marks the
// exact characters the command line's `--column-unit utf16` names. Lines are the text
// as the reader sees it: a Word document's automatic numbers included; `typed` is where
// the typed text starts after such a number, where the contract's columns count from.
#pragma once

#include <string>

#include "workspace/pipeline.hpp"

namespace reportlint::serve {

std::string result_json(const std::string& file, const Linted& linted);

}  // namespace reportlint::serve
