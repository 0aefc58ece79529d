// `reportlint lsp`: a Language Server Protocol server on standard input and output.
//
// Incremental sync; a burst of edits is linted once, at its end, and its diagnostics are
// published with the document's version (rule id as `code`, its doc page as
// codeDescription, notes as relatedInformation), or pulled (textDocument/diagnostic).
// codeAction offers the fixes of the diagnostics on the range's lines as quick fixes, and
// every certain fix at once as source.fixAll.reportlint. Positions are counted in the
// encoding negotiated at initialize (UTF-16 unless the client offers UTF-8 or UTF-32
// first) unless the settings name a column unit. Configuration is found as on the command
// line: the nearest .reportlint.toml above the document, else builtin:default, unless the
// client's settings (initializationOptions, didChangeConfiguration) name a config or a
// profile. A config file that changes — reported by the client's file watcher, saved in
// the editor, or noticed by the server when idle — is reloaded and the open documents
// re-linted; its errors are shown as diagnostics on the config file.
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
