#include "workspace/pipeline.hpp"

#include <utility>

#include "lint/fix_loop.hpp"

namespace reportlint {

Linted lint_source(SourceText source, const Linter& linter, Keep keep) {
  Linted out;
  out.document = keep == Keep::source_text ? document_of(source) : document_moving_text(source);
  out.diagnostics = linter.check(*out.document);
  restrict_fixes_to_source(source, *out.document, out.diagnostics);
  out.source = std::move(source);
  return out;
}

Linted lint_bytes(std::string shown, std::string bytes, const ReadOptions& read, const Linter& linter, Keep keep) {
  return lint_source(decode_source(std::move(shown), std::move(bytes), read), linter, keep);
}

Linted lint_file(const std::string& path, const ReadOptions& read, const Linter& linter, Keep keep) {
  return lint_source(read_source_file(path, read), linter, keep);
}

ReadOptions read_options_for(const Linter& linter, const std::string& shown, std::uint64_t max_bytes,
                             const std::optional<EncodingChoice>& forced) {
  ReadOptions read;
  read.max_bytes = max_bytes;
  read.encoding = forced ? *forced : encoding_for(linter.config(), shown);
  return read;
}

}  // namespace reportlint
