// structure.broken-paragraph — a line that ends in the middle of a sentence, the next line
// continuing it: what copying from a PDF leaves behind.
//
// Certain (fixed by joining the lines):
//   - the line ends inside a quotation or a 《title》, or with an opening mark, 、 or ，;
//   - the next line starts with a mark no paragraph starts with (、，。；：！？）》”).
// Likely (joining is suggested): a line of running text — it holds a sentence end — that
// ends on a character or a closing quote, with no final mark, and is followed by a text
// line.
// Headings (unless their text runs on into sentences), titles, subtitles, speaker lines,
// salutations, signature blocks and lines ending in digits (telephone numbers) are left
// alone. Markdown wraps paragraphs over lines by design and is not checked.
#include <string.h>  // memrchr

#include <string>

#include "reportlint/plugin.hpp"

namespace reportlint::structure {
namespace {

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

// A sentence ends inside the text: it is running text, not a title, a heading, a
// subtitle, a speaker line or a signature, which are never broken paragraphs.
bool holds_sentence_end(std::string_view s) {
  for (std::string_view mark : {"。", "！", "？", "；"})
    if (s.find(mark) != std::string_view::npos) return true;
  return false;
}

// Words no title or heading ends with — prepositions and conjunctions waiting for what
// they join: the line stops in the middle of a phrase (……并通过, ……通过与). A trailing
// placeholder (与xx) is looked through.
constexpr std::string_view kConnectiveWords[] = {"通过", "以及", "按照", "根据", "围绕", "对于", "关于",
                                                 "为了", "由于", "随着", "并且", "以便", "依托", "借助"};

bool ends_on_connective(std::string_view s) {
  std::size_t end = s.size();
  char32_t c = 0;
  while (end > 0 && ((c = utf8::prev(s, end)) == 'x' || c == 'X')) {
  }
  for (std::string_view w : kConnectiveWords)
    if (s.substr(0, end + utf8::sequence_length(static_cast<unsigned char>(s[end]))).ends_with(w)) return true;
  switch (c) {
    case U'与': case U'和': case U'及': case U'的': case U'在': case U'对': case U'把': case U'被': case U'将':
    case U'从': case U'向': case U'并': case U'或': case U'而': case U'但': case U'跟': case U'同': case U'使':
    case U'让': case U'给':
      return true;
    default:
      return false;
  }
}

// The running text of a line: a heading's own text, or the whole line.
std::string_view running_text(const Document& doc, std::uint32_t li) {
  const LineInfo& l = doc.outline().lines[li];
  const std::uint32_t begin = l.kind == LineKind::heading ? l.number.body.begin : l.content_begin;
  return trim_end_spaces(doc.slice({begin, doc.lines()[li].end}));
}

// A numbered line without a sentence end is a heading, unless the other items of its
// list are numbered paragraphs (1.加快推进……。上半年……): then it is one too, cut short.
bool list_runs_on(const Document& doc, std::uint32_t li) {
  const Outline& o = doc.outline();
  const std::int32_t own = o.lines[li].section;
  if (own < 0) return false;
  const Section& section = o.sections[static_cast<std::size_t>(own)];
  const std::vector<std::uint32_t>& siblings =
      section.parent >= 0 ? o.sections[static_cast<std::size_t>(section.parent)].children
                          : o.documents[section.document].sections;
  std::size_t run_on = 0, stand_alone = 0;
  for (const std::uint32_t s : siblings) {
    const std::uint32_t line = o.sections[s].line;
    if (line == li || o.lines[line].number.style != o.lines[li].number.style) continue;
    ++(holds_sentence_end(running_text(doc, line)) ? run_on : stand_alone);
  }
  return run_on > 0 && run_on >= stand_alone;
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
      const std::string_view text = running_text(doc, li);
      if (text.empty()) continue;
      // A heading is joined to nothing (a heading ending in ， is a punctuation finding);
      // a numbered paragraph whose heading runs into its text (（一）加强领导。全年……) is
      // running text like any other.
      const bool running = holds_sentence_end(text);
      if (l.kind == LineKind::heading && !running && !list_runs_on(doc, li)) continue;
      // ——2017年3月5日在……会议上: a subtitle; （2017年10月18日）: a remark under a title.
      if (text.starts_with("—") || (text.starts_with("（") && text.ends_with("）"))) continue;
      std::size_t end = text.size();
      const char32_t last = utf8::prev(text, end);
      const std::string_view next = doc.slice({o.lines[li + 1].content_begin, doc.lines()[li + 1].end});
      const char32_t first = utf8::at(next, 0);

      // A line that ends a sentence is not broken even with a mark left open (a quotation
      // running over several sentences), so the marks are counted only on the others.
      const bool finished = ends_sentence(last);
      const bool certain = opens(last) || cannot_start(first) || (!finished && ends_inside_marks(text));
      // Likely: running text that stops on a character or a closing mark. A line with no
      // sentence end at all (五年来，国民经济保持良好发展势头，经济结构……) is a subheading,
      // a title or a speaker line far more often than half a sentence — unless it cannot
      // be one: it stops on a connective, or it is an item of a list of numbered paragraphs.
      const bool paragraph = running || ends_on_connective(text) || l.kind == LineKind::heading;
      const bool likely = !certain && !finished && paragraph &&
                          (chars::is_han(last) || last == 'x' || last == 'X' || last == U'”' || last == U'’' ||
                           last == U'）' || last == U'》');
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
