// The punctuation marks of a document, found in one pass and shared by the rules of the
// plugin: each rule walks the marks it cares about instead of scanning the text again.
#pragma once

#include <cstdint>
#include <vector>

#include "reportlint/plugin.hpp"

namespace reportlint::punctuation {

struct MarkAt {
  std::uint32_t offset;  // of the mark's first byte
  std::uint32_t line;
  char32_t mark;
};

// The content of the mark's line, as byte offsets: what before() and at() may look at.
struct LineBounds {
  std::size_t begin, end;
};
inline LineBounds bounds_of(const Document& doc, const MarkAt& m) {
  return {doc.outline().lines[m.line].content_begin, doc.lines()[m.line].end};
}

// Every mark any punctuation rule reads, in prose lines (not blank, not code), in order.
const std::vector<MarkAt>& marks_of(const Document& doc, DocumentAnalyses& analyses);

// A rule that reads the shared marks.
class MarkRule : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const final {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }
  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const final {
    check_marks(doc, marks_of(doc, analyses), analyses, sink);
  }

 protected:
  virtual void check_marks(const Document& doc, const std::vector<MarkAt>& marks, DocumentAnalyses& analyses,
                           DiagnosticSink& sink) const = 0;
};

}  // namespace reportlint::punctuation
