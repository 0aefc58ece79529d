// Finding text that is not prose: URLs, e-mail addresses and, in Markdown, code and
// HTML comments. Checkers skip these ranges (Document::verbatim()).
#pragma once

#include <string_view>
#include <vector>

#include "reportlint/document.hpp"

namespace reportlint {

// Marks fenced code blocks (``` or ~~~) in `code_lines`, one flag per line.
void find_fenced_code(std::string_view text, const std::vector<Line>& lines, std::vector<bool>& code_lines);

// Appends Markdown code spans and HTML comments outside code lines.
void find_markdown_verbatim(std::string_view text, const std::vector<Line>& lines,
                            const std::vector<bool>& code_lines, std::vector<TextRange>& out);

// Appends URLs (scheme:// or www.) and e-mail addresses.
void find_links(std::string_view text, std::vector<TextRange>& out);

// Sorts and merges overlapping ranges.
void normalize_ranges(std::vector<TextRange>& ranges);

}  // namespace reportlint
