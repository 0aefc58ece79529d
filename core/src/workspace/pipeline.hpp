// The one lint pipeline, below both the command line and the language server: the bytes
// of a draft → its text (decoded as asked) → the document model → the findings, with
// suppressions applied (Linter::check) → certain fixes the file cannot take turned into
// suggestions. Baselines, rendering and --fix stay with the command line; publishing
// with the server.
#pragma once

#include <memory>
#include <string>

#include "io/source.hpp"
#include "lint/diagnostic_list.hpp"
#include "lint/linter.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

struct Linted {
  SourceText source;  // without its text unless kept for fixing (Keep::source_text)
  std::shared_ptr<const Document> document;
  DiagnosticList diagnostics;  // sorted by position
};

// Whether the source's text is still needed after the document is built (to write fixes
// back): otherwise it moves into the document, one copy of a large file instead of two.
enum class Keep : bool { document_only, source_text };

// The pipeline on a source already decoded. Throws Error naming the file.
Linted lint_source(SourceText source, const Linter& linter, Keep keep);

// The pipeline on bytes (standard input, an editor's buffer) or on a file. `read` says
// how to decode; read_options_for() gives the configuration's choice for a path.
Linted lint_bytes(std::string shown, std::string bytes, const ReadOptions& read, const Linter& linter, Keep keep);
Linted lint_file(const std::string& path, const ReadOptions& read, const Linter& linter, Keep keep);

// How a file is read under `linter`'s configuration: its encoding setting for the path
// (unless `forced`), at most `max_bytes`.
ReadOptions read_options_for(const Linter& linter, const std::string& shown, std::uint64_t max_bytes,
                             const std::optional<EncodingChoice>& forced = std::nullopt);

}  // namespace reportlint
