// structure.broken-paragraph — a line that ends in the middle of a sentence, the next line
// continuing it: what copying from a PDF leaves behind.
//
// Certain (fixed by joining the lines):
//   - the line ends inside a quotation or a 《title》, or with an opening mark, 、 or ，;
//   - the next line starts with a mark no paragraph starts with (、，。；：！？）》”).
// Likely (joining is suggested): a line of running text — it holds a sentence end, or is
// longer than a heading — that ends on a character or a closing quote, with no final
// mark, and is followed by a text line.
// Headings, titles, signature blocks and lines ending in digits (telephone numbers) are
// left alone. Markdown wraps paragraphs over lines by design and is not checked.
#include <string.h>  // memrchr

#include <string>

#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

constexpr std::size_t kShortLine = 25;  // code points; longer lines without a sentence end are running text

bool opens(char32_t c) {
  return c == U'“' || c == U'‘' || c == U'《' || c == U'（' || c == U'【' || c == U'〔' || c == U'(' || c == U'[' ||
         c == U'、' || c == U'，' || c == ',';
}
bool cannot_start(char32_t c) {
  switch (c) {
    case U'、': case U'，': case U'。': case U'；': case U'：': case U'！': case U'？': case U'）': case U'》':
    case U'”': case U'’': case U'】':
      return true;
    default:
      return false;
  }
}
bool ends_sentence(char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'；': case U'：': case U'…': case U'—':
    case '.': case '!': case '?': case ';': case ':':
      return true;
    default:
      return false;
  }
}

constexpr std::size_t kMarkWindow = 40 * 3;  // bytes (40 Chinese characters) searched back for an open mark

// The line ends inside a quotation or a title: looking back from its end, the nearest
// quotation mark is an opening one (“), or the nearest title mark is 《. A quotation that
// opened further back than kMarkWindow is not looked for: the line is then reported as
// likely broken, not as certainly. The marks are E2 80 9C/9D and E3 80 8A/8B; memrchr
// finds their middle byte 0x80 without decoding every character.
bool ends_inside_marks(std::string_view s) {
  bool quote_decided = false, title_decided = false;
  const std::size_t low = s.size() > kMarkWindow ? s.size() - kMarkWindow : 0;
  for (std::size_t end = s.size(); end > low && !(quote_decided && title_decided);) {
    const void* hit = memrchr(s.data() + low, 0x80, end - low);
    if (!hit) break;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    end = at;
    if (at == 0 || at + 1 >= s.size()) continue;
    const auto lead = static_cast<unsigned char>(s[at - 1]), tail = static_cast<unsigned char>(s[at + 1]);
    if (lead == 0xE2 && !quote_decided && (tail == 0x9C || tail == 0x9D)) {
      if (tail == 0x9C) return true;  // “
      quote_decided = true;
    } else if (lead == 0xE3 && !title_decided && (tail == 0x8A || tail == 0x8B)) {
      if (tail == 0x8A) return true;  // 《
      title_decided = true;
    }
  }
  return false;
}

// The first `n` characters of `s`, with "……" when there is more.
std::string first_characters(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) utf8::next(s, i);
  return std::string(s.substr(0, i)) + (i < s.size() ? "……" : "");
}

class BrokenParagraph final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    if (doc.format() == DocumentFormat::markdown) return;
    const Outline& o = doc.outline();
    for (std::uint32_t li = 0; li + 1 < o.lines.size(); ++li) {
      const LineInfo& l = o.lines[li];
      if ((l.kind != LineKind::text && l.kind != LineKind::heading) || o.lines[li + 1].kind != LineKind::text) continue;
      const Line& line = doc.lines()[li];
      // The running text of the line: a heading's own text, or the whole line.
      const std::uint32_t begin = l.kind == LineKind::heading ? l.number.body.begin : l.content_begin;
      const std::string_view text = trim_end_spaces(doc.slice({begin, line.end}));
      if (text.empty()) continue;
      std::size_t end = text.size();
      const char32_t last = utf8::prev(text, end);
      const std::string_view next = doc.slice({o.lines[li + 1].content_begin, doc.lines()[li + 1].end});
      const char32_t first = utf8::at(next, 0);

      // A line that ends a sentence is not broken even with a mark left open (a quotation
      // running over several sentences), so the marks are counted only on the others.
      const bool finished = ends_sentence(last);
      const bool certain = opens(last) || cannot_start(first) || (!finished && ends_inside_marks(text));
      bool likely = false;
      if (!certain && !finished && (chars::is_han(last) || last == 'x' || last == 'X' || last == U'”' ||
                                               last == U'’' || last == U'）' || last == U'》')) {
        const bool running = text.find("。") != std::string_view::npos || utf8::count_code_points(text) > kShortLine;
        likely = running;
      }
      if (!certain && !likely) continue;

      Diagnostic d = diagnostic({line.end, line.end},
                                certain ? "句子在这里被断成了两行（下一行接续这句话）"
                                        : "段落似乎在句子中间断行（下一行像是接续这句话）");
      d.notes.push_back({"下一行：" + first_characters(next, 12),
                         TextRange{o.lines[li + 1].content_begin, o.lines[li + 1].content_begin}});
      d.fix = Fix{{{{line.end, o.lines[li + 1].content_begin}, ""}},
                  certain ? Applicability::safe : Applicability::unsafe, "与下一行合并"};
      sink.report(std::move(d));
    }
  }
};

REPORTLINT_RULE(BrokenParagraph, "structure.broken-paragraph", warning, sometimes, "段落在句子中间断行（从 PDF 复制留下的）");

}  // namespace
}  // namespace reportlint::structure
