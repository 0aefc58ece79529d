// Word .docx → the text of the document model: one line per paragraph of the body in
// reading order (table cells' paragraphs included, row by row), what the reader sees —
// text joined across runs, tabs, breaks inside a paragraph, fields' shown results,
// inserted revisions kept and deleted ones skipped, hidden text left out — with the
// automatic list number each paragraph shows put before its text and marked as generated
// (contract: positions exclude it). Where each run's text lives in word/document.xml is
// kept, so a fix that lies inside one run can be written back to exactly that w:t.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reportlint/diagnostic.hpp"
#include "reportlint/document.hpp"

namespace reportlint::docx {

// A stretch of the document text held by one w:t element.
struct TextPiece {
  std::uint32_t text_begin = 0;  // in the document text
  std::uint32_t text_end = 0;
  std::uint32_t xml_begin = 0;   // its character data in the main part's bytes
  std::uint32_t xml_end = 0;
  std::uint32_t tag_end = 0;     // where its start tag's '>' is, to add xml:space
  bool editable = false;         // false for field results and text the reader altered
  bool preserve = false;         // xml:space="preserve" is set
};

// The package a .docx document was read from, kept for writing fixes back.
struct Package {
  std::string archive;           // the file's bytes
  std::string main_part;         // word/document.xml, as the package names it
  std::string main_xml;          // its bytes
  std::vector<TextPiece> pieces;  // in text order
};

struct WordText {
  std::string text;
  std::vector<LineOrigin> origins;  // one per paragraph
  std::shared_ptr<const Package> package;
};

// Limits against hostile archives: each part read at most this large.
inline constexpr std::uint64_t kMaxPartBytes = std::uint64_t{256} << 20;

// Reads a .docx. Throws Error naming `path` when it is no Word document (another kind of
// ZIP, a damaged archive, a missing part, a zip bomb, unparsable XML).
WordText read_docx(const std::string& path, std::string bytes);

// Why `edit` cannot be written into the document ("" when it can): it touches an
// automatic number, spans runs or paragraphs, or lies in a field's result.
std::string edit_obstacle(const Package& package, const Document& document, const Edit& edit);

// The package's bytes with `edits` (sorted, non-overlapping, each without obstacle)
// written into their w:t elements; every other part and every other byte of the main
// part unchanged.
std::string apply_edits(const Package& package, std::string_view document_text, const std::vector<Edit>& edits);

}  // namespace reportlint::docx
