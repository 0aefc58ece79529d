// `reportlint lsp`: a Language Server Protocol server on standard input and output.
//
// Full document sync: every didOpen / didChange / didSave lints the whole text and
// publishes its diagnostics (rule id as `code`, notes as relatedInformation);
// codeAction offers each fix of a diagnostic in the range as a quick fix. Positions are
// counted in the encoding negotiated at initialize (UTF-16 unless the client offers
// UTF-8 or UTF-32 first). Configuration is found as on the command line: the nearest
// .reportlint.toml above the document, else builtin:default; saving a config file
// reloads it.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "lint/linter.hpp"

namespace reportlint::lsp {

// Serves until `exit` or the end of input; returns the process exit status (0 after a
// shutdown request, 1 otherwise, as the protocol asks).
int run_server(LinterOptions options, std::optional<std::string> config_override, std::FILE* in, std::FILE* out);

}  // namespace reportlint::lsp
