// reportlint plugin API: the document model every checker reads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/outline.hpp"
#include "reportlint/text.hpp"

namespace reportlint {

enum class DocumentFormat : std::uint8_t { plain_text, markdown };

// A line of the text: content [begin, end) without its terminator; `next` is where the
// following line starts (end plus the length of "\n", "\r\n" or "\r", if any).
struct Line {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t next = 0;
};

// How a line of a Word document came about: its first `generated` bytes are not in the
// file (the automatic list number Word draws before the paragraph: positions count from
// after it), and `style_level` is the heading level its paragraph style or outline level
// gives (1 for 标题 1 / Heading 1), 0 for body text.
struct LineOrigin {
  std::uint32_t generated = 0;
  std::uint8_t style_level = 0;
};

// Read-only after the core has built it, so checkers may run on it in parallel.
class Document {
 public:
  std::string_view path() const noexcept { return path_; }
  DocumentFormat format() const noexcept { return format_; }

  // UTF-8 without a byte order mark; line terminators as in the source.
  std::string_view text() const noexcept { return text_; }
  std::string_view slice(TextRange r) const noexcept {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

  const std::vector<Line>& lines() const noexcept { return lines_; }
  std::string_view line_text(std::size_t index) const noexcept {
    const Line& l = lines_[index];
    return slice({l.begin, l.end});
  }
  // Index of the line holding byte `offset` (offsets in a terminator belong to its line).
  std::size_t line_at(std::uint32_t offset) const noexcept {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                               [](std::uint32_t o, const Line& l) { return o < l.begin; });
    return it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin() - 1);
  }

  const Outline& outline() const noexcept { return outline_; }

  // One per line for a document read from Word (.docx); empty for text files, where every
  // byte of a line was typed.
  const std::vector<LineOrigin>& origins() const noexcept { return origins_; }
  // Where the typed text of line `index` starts: after its automatic number, if any.
  std::uint32_t typed_begin(std::size_t index) const noexcept {
    return lines_[index].begin + (origins_.empty() ? 0 : origins_[index].generated);
  }

  // Ranges that are not prose: URLs, e-mail addresses, Markdown code spans and HTML
  // comments. Sorted and disjoint. Checkers leave them alone.
  const std::vector<TextRange>& verbatim() const noexcept { return verbatim_; }
  bool is_verbatim(TextRange r) const noexcept {
    auto it = std::upper_bound(verbatim_.begin(), verbatim_.end(), r.begin,
                               [](std::uint32_t o, const TextRange& v) { return o < v.begin; });
    if (it != verbatim_.begin() && std::prev(it)->overlaps(r)) return true;
    return it != verbatim_.end() && it->overlaps(r);
  }

 private:
  friend class DocumentBuilder;

  std::string path_;
  DocumentFormat format_ = DocumentFormat::plain_text;
  std::string text_;
  std::vector<Line> lines_;
  Outline outline_;
  std::vector<TextRange> verbatim_;
  std::vector<LineOrigin> origins_;
};

// Calls f(line, begin, end) for each line of prose — not blank, not code — with the byte
// range of its content (indentation and Markdown block markers skipped).
template <class F>
void for_each_prose_line(const Document& doc, F&& f) {
  const auto& lines = doc.lines();
  const auto& info = doc.outline().lines;
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    if (info[i].kind == LineKind::blank || info[i].kind == LineKind::code) continue;
    f(i, info[i].content_begin, lines[i].end);
  }
}

}  // namespace reportlint
