// Building the Document every checker reads from decoded source text.
#pragma once

#include <string>
#include <string_view>

#include "io/source.hpp"
#include "reportlint/document.hpp"

namespace reportlint {

class DocumentBuilder {
 public:
  // Splits lines (LF, CRLF or CR), finds verbatim ranges and builds the outline.
  // `origins`: one per line for a document read from Word (SourceText::origins), else empty.
  static Document build(std::string path, std::string text, DocumentFormat format,
                        std::vector<LineOrigin> origins = {});
};

// Markdown for .md/.markdown, plain text otherwise.
DocumentFormat format_for_path(std::string_view path);

}  // namespace reportlint
