// numbering.bracket-width, numbering.separator, numbering.space-after — how a numbering
// token is written.
//
// style = "gb9704" (default): GB/T 9704-2012 7.3.3 and GB/T 15834 B.3: full-width
// brackets （一） （1）; 一、 with 顿号 (B.3.2); 1. with a point (B.3.3); nothing after a
// bracketed number (B.3.4); 第一， with a comma (B.3.1); no space after the token (a note:
// layout, not punctuation — 一、 过去五年工作回顾 reads the same).
// style = "consistent": brackets and the marks after 一 and 1 follow the majority of each
// report in the file; B.3.4, B.3.1 and the space rule still apply.
// Fixes change the token's own characters only.
#include <map>
#include <string>

#include "numbering.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::numbering {

constexpr std::string_view kStyles[] = {"gb9704", "consistent"};
REPORTLINT_OPTION_CHOICE(style, "\"gb9704\"",
                         "序号的括号和“一”“1”后的标点：gb9704 一律用标准写法；consistent 与本文多数写法一致",
                         kStyles);
namespace {

enum class Style { gb9704, consistent };

// Validated once against the declaration above: any other value was reported and reads
// as the default.
Style read_style(OptionReader& options) {
  return options.get_string("style", "gb9704") == "consistent" ? Style::consistent : Style::gb9704;
}

bool bracketed(const NumberToken& t) {
  return (t.style == NumberStyle::han_paren || t.style == NumberStyle::arabic_paren) &&
         t.brackets != BracketWidth::enclosed;
}

// Byte range of the closing bracket of a bracketed token.
TextRange closing_bracket(const Document& doc, const NumberToken& t) {
  const auto length = static_cast<std::uint32_t>(utf8::sequence_length(static_cast<unsigned char>(doc.text()[t.numeral.end])));
  return {t.numeral.end, t.numeral.end + length};
}

// Byte range of the separator mark, empty when there is none.
TextRange separator_range(const Document& doc, const NumberToken& t) {
  if (t.separator == 0) return {};
  const std::uint32_t at = bracketed(t) ? closing_bracket(doc, t).end : t.numeral.end;
  const auto length = static_cast<std::uint32_t>(utf8::sequence_length(static_cast<unsigned char>(doc.text()[at])));
  return {at, at + length};
}

std::string mark(char32_t c) {
  std::string s;
  if (c) utf8::append(s, c);
  return s;
}

class BracketWidthRule final : public Rule {
 public:
  void configure(OptionReader& options) override { style_ = read_style(options); }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    const Outline& o = doc.outline();
    // Majority per report: full-width unless half-width brackets are more common.
    std::map<std::uint32_t, int> balance;  // document → (#full − #half)
    for (const LineInfo& l : o.lines)
      if (l.kind == LineKind::heading && bracketed(l.number))
        balance[l.document] += l.number.brackets == BracketWidth::full ? 1 : l.number.brackets == BracketWidth::half ? -1 : 0;
    for (const LineInfo& l : o.lines) {
      if (l.kind != LineKind::heading || !bracketed(l.number)) continue;
      const NumberToken& t = l.number;
      const bool want_full = style_ == Style::gb9704 || balance[l.document] >= 0;
      const BracketWidth want = want_full ? BracketWidth::full : BracketWidth::half;
      if (t.brackets == want) continue;
      const std::string numeral(doc.slice(t.numeral));
      const std::string right = want_full ? "（" + numeral + "）" : "(" + numeral + ")";
      std::string message = "序号" + quoted(doc.slice({t.range.begin, closing_bracket(doc, t).end})) + "的括号应为" +
                            (want_full ? "全角" : "半角") + "，写作" + quoted(right);
      if (style_ == Style::consistent) message += "，与本文其他序号一致";
      const TextRange open{t.range.begin, t.numeral.begin}, close = closing_bracket(doc, t);
      Diagnostic d = diagnostic({t.range.begin, close.end}, std::move(message));
      Fix fix;
      if (doc.slice(open) != (want_full ? "（" : "(")) fix.edits.push_back({open, want_full ? "（" : "("});
      if (doc.slice(close) != (want_full ? "）" : ")")) fix.edits.push_back({close, want_full ? "）" : ")"});
      fix.message = "改为" + quoted(right);
      d.fix = std::move(fix);
      sink.report(std::move(d));
    }
  }

 private:
  Style style_ = Style::gb9704;
};

class Separator final : public SharingRule {
 public:
  void configure(OptionReader& options) override { style_ = read_style(options); }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const Outline& o = doc.outline();
    // The most common mark after 一 and after 1 in each report, for style = "consistent".
    std::map<std::tuple<std::uint32_t, NumberStyle, char32_t>, int> votes;
    for (const LineInfo& l : o.lines)
      if (l.kind == LineKind::heading && (l.number.style == NumberStyle::han || l.number.style == NumberStyle::arabic))
        ++votes[{l.document, l.number.style, l.number.separator}];
    for (const LineInfo& l : o.lines) {
      if (l.kind != LineKind::heading) continue;
      const NumberToken& t = l.number;
      const char32_t want = expected(t, l.document, votes);
      if (t.separator != want) report_mark(doc, t, want, sink);
    }
    // 第一、 → 第一， (GB/T 15834 B.3.1), at the start of a line or inside a paragraph.
    for (const EnumMarker& m : inline_marks(doc, analyses).markers) {
      if (m.family != EnumFamily::di || m.after != U'、') continue;
      const TextRange sep{m.range.end, m.range.end + 3};
      Diagnostic d = diagnostic({m.range.begin, sep.end}, "序次语" + quoted(doc.slice({m.range.begin, sep.end})) +
                                                              "后应用逗号，写作" + quoted(std::string(doc.slice(m.range)) + "，"));
      d.fix = Fix{{{sep, "，"}}, Applicability::safe, "改为“，”"};
      sink.report(std::move(d));
    }
  }

 private:
  char32_t expected(const NumberToken& t, std::uint32_t document,
                    const std::map<std::tuple<std::uint32_t, NumberStyle, char32_t>, int>& votes) const {
    switch (t.style) {
      case NumberStyle::han:
      case NumberStyle::arabic: {
        const char32_t standard = t.style == NumberStyle::han ? U'、' : U'.';
        if (style_ == Style::gb9704) return standard;
        char32_t best = standard;
        int most = 0;
        for (const auto& [key, n] : votes) {
          if (std::get<0>(key) != document || std::get<1>(key) != t.style) continue;
          if (n > most || (n == most && std::get<2>(key) == standard)) {
            best = std::get<2>(key);
            most = n;
          }
        }
        return best;
      }
      case NumberStyle::ordinal: return U'，';
      default: return 0;  // brackets and circled numbers take no mark (B.3.4)
    }
  }

  void report_mark(const Document& doc, const NumberToken& t, char32_t want, DiagnosticSink& sink) const {
    const TextRange sep = separator_range(doc, t);
    if (sep.empty()) return;  // a missing mark after 一 or 1 makes no token at all
    const std::string_view token = doc.slice({t.range.begin, sep.end});
    const std::string right = std::string(doc.slice({t.range.begin, sep.begin})) + mark(want);
    std::string message = want ? "序号" + quoted(token) + "应写作" + quoted(right)
                               : "带括号的序号后不加标点：" + quoted(token) + "应写作" + quoted(right);
    if (style_ == Style::consistent && want && (t.style == NumberStyle::han || t.style == NumberStyle::arabic))
      message += "，与本文其他同级序号一致";
    Diagnostic d = diagnostic({t.range.begin, sep.end}, std::move(message));
    d.fix = Fix{{{sep, mark(want)}}, Applicability::safe, want ? "改为" + quoted(mark(want)) : "删除" + quoted(mark(t.separator))};
    sink.report(std::move(d));
  }

  Style style_ = Style::gb9704;
};

class SpaceAfter final : public Rule {
 public:
  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const LineInfo& l : doc.outline().lines) {
      if (l.kind != LineKind::heading || !l.number.space_after) continue;
      const NumberToken& t = l.number;
      const std::uint32_t spaces_begin = t.range.begin + static_cast<std::uint32_t>(written(doc, t).size());
      const TextRange spaces{spaces_begin, t.body.begin};
      if (spaces.empty()) continue;
      Diagnostic d = diagnostic(spaces, "序号" + quoted(written(doc, t)) + "后不应有空格");
      d.fix = Fix{{{spaces, ""}}, Applicability::safe, "删除空格"};
      sink.report(std::move(d));
    }
  }
};

REPORTLINT_RULE(BracketWidthRule, "numbering.bracket-width", warning, always, "序号的括号应为全角（（一）而非(一)）");
REPORTLINT_RULE(Separator, "numbering.separator", warning, always, "序号后的标点不当（一.、1、、（一）、、第一、）");
REPORTLINT_RULE(SpaceAfter, "numbering.space-after", note, always, "序号与标题文字之间多了空格（一、 标题）");

}  // namespace
}  // namespace reportlint::numbering
