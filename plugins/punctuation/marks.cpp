#include "marks.hpp"

#include "reportlint/char_set.hpp"
#include "text_context.hpp"

namespace reportlint::punctuation {
namespace {

// Half-width marks, the marks that may be doubled, pairs, dashes and tildes.
constexpr CharSet kMarks(U",.;:?!()\"'-~－，。、；：！？“”‘’《》〈〉（）【】〔〕—");

std::vector<MarkAt> find_marks(const Document& doc) {
  std::vector<MarkAt> out;
  const std::string_view text = doc.text();
  for_each_prose_line(doc, [&](std::uint32_t li, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; (i = kMarks.find(text, i, end)) < end;) {
      std::size_t next = i;
      const char32_t c = utf8::next(text, next);
      out.push_back({static_cast<std::uint32_t>(i), li, c});
      i = next;
    }
  });
  return out;
}

}  // namespace

const std::vector<MarkAt>& marks_of(const Document& doc, DocumentAnalyses& analyses) {
  return analyses.get<std::vector<MarkAt>>("punctuation.marks", [&] { return find_marks(doc); });
}

}  // namespace reportlint::punctuation
