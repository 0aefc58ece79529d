// Building the outline of a document (see reportlint/outline.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "reportlint/document.hpp"

namespace reportlint {

// `code_lines` flags lines that are not prose (fenced code, lines inside comments);
// `origins` (empty, or one per line) says where a Word document's lines start being typed
// and which are headings by style.
Outline build_outline(std::string_view text, const std::vector<Line>& lines, const std::vector<bool>& code_lines,
                      DocumentFormat format, const std::vector<LineOrigin>& origins = {});

// True for a stand-alone document title: a short line without a numbering token or
// final punctuation that ends with the name of a document type (总结, 计划, 通知…),
// optionally followed by a bracketed remark: 2023年工作总结（街道）.
bool looks_like_title(std::string_view line);

}  // namespace reportlint
