// placeholder.unfilled — template placeholders nobody filled in.
//
//   x/X/ｘ/Ｘ standing for digits or names: xx次, xxx.xx万元, x月x日, 20xx年, xx.x%, x-x月,
//   and numbers only partly masked: 3xxx人, 1x.5%, 1x万元
//   underscores of any length, alone or in a word or date: ____项, ____年__月, 约_万元
//   runs of ×× □□ ＊＊ ＿＿ ** ??? and 〇〇 ○○ outside numerals
//   某某, 某单位-type stand-ins, 某年某月某日
//   fill-in brackets of any kind: 【请填写】 [待补充] （此处写明…） 〔填写日期〕 [单位名称]
//   （单位名称）, and an empty year bracket 〔〕; {{name}} ${name}
//   notes: TODO TBD FIXME, 此处填写, and 待定/待补充 standing alone
//
// Not placeholders: Latin words and names (Linux, Xbox, XML, Model X), X射线 and other
// X-terms, dimensions and hex (3x3, 0x1F, x86), formulas naming a model (1+X, X+N),
// identifiers and file names with _ (report_2023.txt), a line that is only a rule ______,
// a lone * (带*的为必填项) and Markdown emphasis, e-mail addresses, URLs and code (the
// document's verbatim ranges), 张某 and 张某某, remarks in round brackets (各单位（部门）).
// A letter placeholder.censored-word explains (中国共产x: 党) is its finding, not this one's.
#include <string>
#include <string_view>
#include <vector>

#include "prose.hpp"
#include "reportlint/char_set.hpp"
#include "reportlint/plugin.hpp"

namespace reportlint::placeholder {
namespace {

using chars::is_ascii_alnum;
using chars::is_ascii_digit;
using chars::is_ascii_letter;

constexpr bool is_x(char32_t c) { return c == 'x' || c == 'X' || c == U'ｘ' || c == U'Ｘ'; }

// After a single X these make a term, not a placeholder: X射线, X光, x轴.
constexpr std::string_view kXTerms[] = {"射线", "光", "线", "型", "形", "轴", "染色体", "波段", "战警"};

// Surnames before 某 / 某某 anonymise a person (张某, 王某某), as news and case reports do.
// Characters that are also common function words (向, 于, 万…) are left out.
constexpr std::u32string_view kSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    U"姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤";

// Nouns after 某 that make it a stand-in for a name the draft should give.
constexpr std::string_view kStandInNouns[] = {"单位", "公司", "同志", "部门", "企业", "学校", "医院", "街道", "社区"};

// Bracket contents that ask for input: 【请填写…】 （此处填写…） [待补充].
constexpr std::string_view kFillInWords[] = {"请填写", "填写", "请输入", "输入", "此处", "请补充", "待补充", "待补",
                                             "待填", "待定", "请选择", "插入", "请在此", "填入", "请填入", "待核实",
                                             "待确认", "在此", "请写", "请列", "请根据", "根据实际", "按实际",
                                             "可根据", "自行填", "写明", "TODO", "TBD"};
// 【单位名称】-style field names. The short ones are ordinary remarks in round brackets
// (各单位（部门）, 会议（时间待定）), so they count in square brackets only; the long ones
// are blanks in any bracket.
constexpr std::string_view kFieldNames[] = {"单位", "名称", "日期", "时间", "地点", "标题", "数量", "数字",
                                            "内容", "正文", "部门", "职务", "年份", "月份", "电话", "联系人",
                                            "人数"};
constexpr std::string_view kBlankFieldNames[] = {"单位名称", "姓名", "文号", "发文字号", "金额", "联系电话",
                                                 "成文日期", "主送机关", "附件名称", "项目名称", "公司名称",
                                                 "具体日期", "具体时间", "具体措施", "具体内容", "具体数字"};
// Notes left for later: 时间：待定, 经费待补充. Not when 待 ends a word (接待定点, 期待,
// 有待补充 is prose) or the note starts a longer word (待定事项).
constexpr std::string_view kPendingWords[] = {"待补充", "待填写", "待填", "待补", "待定"};
constexpr std::u32string_view kWordsEndingInDai = U"接期对等看优招款虐亟有留尚善厚礼宽相坐以静恭苦守虚严慢";
constexpr std::string_view kInstructionWords[] = {"此处填写", "此处输入", "此处插入", "此处添加"};
constexpr std::string_view kLatinNotes[] = {"TODO", "TBD", "FIXME", "TKTK"};

// Every character some check below starts at; the scan skips all others.
constexpr CharSet kStarts(U"xXｘＸ×○◯□＊＿〇_*?？某{$TF此待【［[〔（(");

struct Bracket {
  std::string_view open, close;
  bool field_names;  // square brackets also take bare field names
};
constexpr Bracket kBrackets[] = {{"【", "】", true}, {"［", "］", true}, {"[", "]", true},
                                 {"〔", "〕", false}, {"（", "）", false}, {"(", ")", false}};

constexpr std::size_t kMaxBracketChars = 40;

class Unfilled final : public Rule {
 public:
  void configure(OptionReader& options) override { allow_.configure(options); }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    DocumentAnalyses analyses;
    check(doc, sink, analyses);
  }

  void check(const Document& doc, DiagnosticSink& sink, DocumentAnalyses& analyses) const override {
    const auto excluded = allow_.exclusions(doc);
    // What placeholder.censored-word explains is its finding, not a blank.
    static const std::vector<Censored> kNone;
    const std::vector<Censored>& censored =
        sink.enabled("placeholder.censored-word") ? censored_in(doc, analyses) : kNone;
    std::size_t next_censored = 0;
    LineScan scan{doc, doc.text(), 0, 0, {}, {}};  // its buffers are reused line after line
    for_each_prose_line(doc, [&](std::uint32_t, std::uint32_t begin, std::uint32_t end) {
      scan.begin = begin;
      scan.end = end;
      scan.findings.clear();
      scan.x_atoms.clear();
      scan.run();
      for (Finding& f : scan.findings) {
        while (next_censored < censored.size() && censored[next_censored].range.end <= f.range.begin) ++next_censored;
        if (next_censored < censored.size() && censored[next_censored].range.overlaps(f.range)) continue;
        if (excluded(f.range)) continue;
        sink.report(diagnostic(f.range, std::move(f.message)));
      }
    });
  }

 private:
  struct Finding {
    TextRange range;
    std::string message;
  };

  // Scans one line. Findings come out in order and never overlap.
  struct LineScan {
    const Document& doc;
    std::string_view text;
    std::size_t begin, end;
    std::vector<Finding> findings;
    std::vector<TextRange> x_atoms;  // placeholder x-runs, joined into expressions at the end

    char32_t at(std::size_t i) const { return i < end ? utf8::at(text, i) : 0; }
    char32_t before(std::size_t i) const { return i > begin ? utf8::before(text, i) : 0; }
    std::size_t after(std::size_t i) const { return i + utf8::sequence_length(static_cast<unsigned char>(text[i])); }

    // Findings stay in position order: pending x-runs all lie before a new finding.
    void add(std::size_t b, std::size_t e, std::string message) {
      join_x_atoms();
      push(b, e, std::move(message));
    }
    void push(std::size_t b, std::size_t e, std::string message) {
      findings.push_back({{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}, std::move(message)});
    }
    static std::string quoted(std::string_view what, std::string_view found) {
      std::string message;
      message.reserve(what.size() + found.size() + 6);
      message.append(what).append("“").append(found).append("”");
      return message;
    }
    void add_quoted(std::size_t b, std::size_t e, std::string_view what) {
      add(b, e, quoted(what, text.substr(b, e - b)));
    }

    void run() {
      std::size_t i = begin;
      while ((i = kStarts.find(text, i, end)) < end) {
        const char32_t c = utf8::at(text, i);
        std::size_t next = 0;
        if (is_x(c)) {
          next = x_run(i);
        } else if (c == '_') {
          next = underscore_run(i);
        } else if (c == U'×' || c == U'○' || c == U'◯' || c == U'□' || c == U'＊' || c == U'＿' || c == U'〇' ||
                   c == '?' || c == U'？' || (c == '*' && doc.format() != DocumentFormat::markdown)) {
          next = symbol_run(i, c);
        } else if (c == U'某') {
          next = mou(i);
        } else if (c == '{' || c == '$') {
          next = template_variable(i);
        } else if (c == 'T' || c == 'F') {
          next = latin_note(i);
        } else if (c == U'此') {
          next = instruction(i);
        } else if (c == U'待') {
          next = pending(i);
        } else if (c == U'【' || c == U'［' || c == '[' || c == U'〔' || c == U'（' || c == '(') {
          for (const Bracket& b : kBrackets) {
            if (starts_with_at(text, i, end, b.open)) {
              next = bracket(i, b);
              break;
            }
          }
        }
        i = next ? next : after(i);
      }
      join_x_atoms();  // the runs after the last other finding
    }

    // --- x-runs -------------------------------------------------------------------------
    std::size_t x_run(std::size_t b) {
      std::size_t e = b, count = 0;
      while (e < end && is_x(at(e))) {
        e = after(e);
        ++count;
      }
      std::size_t report_begin = b;
      if (x_run_is_placeholder(b, e, count, report_begin))
        x_atoms.push_back({static_cast<std::uint32_t>(report_begin), static_cast<std::uint32_t>(e)});
      return e;
    }

    bool x_run_is_placeholder(std::size_t b, std::size_t e, std::size_t count, std::size_t& report_begin) const {
      const char32_t p = before(b);
      const char32_t q = at(e);
      if (is_ascii_letter(p)) {
        // Sxxxx, Gxx: a road or model code with its digits missing — one capital
        // letter opening a token. Longer words (Linux, Exxon) are Latin text.
        const char32_t pp = before(b - 1);
        if (count >= 2 && p >= 'A' && p <= 'Z' && !is_ascii_alnum(pp) && pp != '.' && pp != '-' &&
            !is_ascii_letter(q)) {
          report_begin = b - 1;
          return true;
        }
        return false;
      }
      if (is_ascii_letter(q)) return false;  // Xbox, XML, xls
      if (p == ' ' && is_ascii_letter(nonspace_before(b))) return false;  // Model X
      if (q == ' ' && is_ascii_letter(nonspace_after(e))) return false;   // X Window
      if (count == 1) {
        if (is_ascii_digit(q)) return false;  // x86, 3x3, 0x1F
        // 1x.5%, 1x万元, 20x年: a digit masked inside a number; 10x faster is not.
        const bool masked = q == U'年' || q == U'月' || q == U'日' || q == '%' || q == U'％' || chars::is_han(q) ||
                            ((q == '.' || q == U'．') && (is_ascii_digit(at(after(e))) || is_x(at(after(e)))));
        if (is_ascii_digit(p) && !masked) return false;
        if (starts_with_any(text, e, end, kXTerms)) return false;  // X射线, x轴
      }
      if (p == '+' || q == '+') return formula_is_blank(b, e);
      return true;
    }

    char32_t nonspace_before(std::size_t i) const {
      while (i > begin && before(i) == ' ') --i;
      return before(i);
    }
    char32_t nonspace_after(std::size_t i) const {
      while (i < end && text[i] == ' ') ++i;
      return at(i);
    }

    // x+x is a formula with its numbers missing; 1+X, X+N and x+n name a model.
    bool formula_is_blank(std::size_t b, std::size_t e) const {
      auto part_of_formula = [](char32_t c) { return is_ascii_alnum(c) || c == '+' || is_x(c); };
      std::size_t fb = b, fe = e;
      while (fb > begin && part_of_formula(before(fb))) {
        std::size_t j = fb;
        utf8::prev(text, j);
        fb = j;
      }
      while (fe < end && part_of_formula(at(fe))) fe = after(fe);
      std::size_t operand_begin = fb;
      for (std::size_t i = fb; i <= fe; i = i < fe ? after(i) : fe + 1) {
        if (i < fe && at(i) != '+') continue;
        if (i == operand_begin) return false;  // empty operand: "x+" at a line end
        for (std::size_t k = operand_begin; k < i; k = after(k))
          if (!is_x(at(k))) return false;
        operand_begin = i < fe ? after(i) : i;
      }
      return true;
    }

    // Joins pending x-runs separated only by number and date syntax into expressions —
    // xx.xx, x月x日, 20xx—20xx年, x-x月, x+x — with a leading year prefix and a unit, and
    // reports them.
    void join_x_atoms() {
      auto joins = [](char32_t c) {
        return is_ascii_digit(c) || c == '.' || c == U'．' || c == '-' || c == U'—' || c == U'–' || c == U'～' ||
               c == '~' || c == '/' || c == ':' || c == U'：' || c == U'年' || c == U'月' || c == '+';
      };
      std::size_t k = 0;
      while (k < x_atoms.size()) {
        std::size_t b = x_atoms[k].begin, e = x_atoms[k].end;
        std::size_t m = k + 1;
        for (; m < x_atoms.size(); ++m) {
          // At most four joining characters between two runs.
          std::size_t i = e, n = 0;
          while (i < x_atoms[m].begin && n <= 4 && joins(at(i))) {
            i = after(i);
            ++n;
          }
          if (i < x_atoms[m].begin) break;
          e = x_atoms[m].end;
        }
        while (b > begin && is_ascii_digit(before(b))) --b;  // 20xx
        // 1x.5, xx5: the digits left of a partly masked number belong to it.
        while (e < end && (is_ascii_digit(at(e)) || ((at(e) == '.' || at(e) == U'．') && is_ascii_digit(at(after(e))))))
          e = after(e);
        const std::string_view expr = text.substr(b, e - b);
        const char32_t unit = at(e);
        if (unit == '%' || unit == U'％') {
          e = after(e);
        } else if (unit == U'年' || unit == U'月' || unit == U'日') {
          const bool ranged = expr.find_first_of("-~") != std::string_view::npos ||
                              expr.find("—") != std::string_view::npos || expr.find("～") != std::string_view::npos;
          const bool year_like = e - b >= 4 && utf8::count_code_points(expr) == 4;
          if ((unit == U'年' && (year_like || ranged)) ||
              (unit == U'月' && (ranged || expr.find("年") != std::string_view::npos)) ||
              (unit == U'日' && expr.find("月") != std::string_view::npos))
            e = after(e);
        }
        push(b, e, quoted("未填写的占位符", text.substr(b, e - b)));
        k = m;
      }
      x_atoms.clear();
    }

    // ____项, ____年__月, 约_万元: a blank of any length, joined into dates like x-runs. An
    // identifier or file name (report_2023, __init__) touches a letter or digit; a line of
    // nothing else is a rule drawn for a signature.
    std::size_t underscore_run(std::size_t b) {
      std::size_t e = b;
      while (e < end && text[e] == '_') ++e;
      if (is_ascii_alnum(before(b)) || is_ascii_alnum(at(e)) || (b == begin && e == end)) return e;
      x_atoms.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
      return e;
    }

    // --- other placeholder marks --------------------------------------------------------
    std::size_t symbol_run(std::size_t b, char32_t c) {
      std::size_t e = b, count = 0;
      while (e < end && at(e) == c) {
        e = after(e);
        ++count;
      }
      const char32_t p = before(b), q = at(e);
      bool placeholder = count >= 2;
      if (c == '?') placeholder = count >= 3 && !is_ascii_alnum(p) && !is_ascii_alnum(q);
      // ** standing for a name or a number: not one * (带*的为必填项), nor beside Latin text.
      if (c == '*') placeholder = count >= 2 && !is_ascii_alnum(p) && !is_ascii_alnum(q) && (chars::is_cjk(p) || chars::is_cjk(q));
      if (c == U'〇' || c == U'○') {
        // 二〇二三年, 二○○三年: 〇 (and ○, which print uses for it) is zero inside a
        // Chinese numeral.
        auto numeral = [](char32_t x) { return chars::is_han_numeral(x) || is_ascii_digit(x); };
        placeholder = placeholder && !numeral(p) && !numeral(q);
      }
      if (placeholder) add_quoted(b, e, "未填写的占位符");
      return e;
    }

    std::size_t mou(std::size_t b) {
      const std::size_t one = after(b);
      if (at(one) == U'某') {
        std::size_t e = one;
        while (e < end && at(e) == U'某') e = after(e);
        const char32_t p = before(b);
        if (p && kSurnames.find(p) != std::u32string_view::npos) return e;  // 王某某
        add_quoted(b, e, "未填写的占位符");
        return e;
      }
      // 某年某月某日, 某月某日
      for (std::string_view date : {std::string_view("某年某月某日"), std::string_view("某年某月"),
                                    std::string_view("某月某日")}) {
        if (starts_with_at(text, b, end, date)) {
          add_quoted(b, b + date.size(), "未填写的日期占位符");
          return b + date.size();
        }
      }
      const char32_t p = before(b);
      if (p && kSurnames.find(p) != std::u32string_view::npos) return 0;  // 张某
      for (std::string_view noun : kStandInNouns) {
        if (starts_with_at(text, one, end, noun)) {
          add_quoted(b, one + noun.size(), "用“某”代替的名称未填写：");
          return one + noun.size();
        }
      }
      return 0;
    }

    // {{name}} and ${name}: template variables.
    std::size_t template_variable(std::size_t b) {
      const bool mustache = starts_with_at(text, b, end, "{{");
      const bool dollar = starts_with_at(text, b, end, "${");
      if (!mustache && !dollar) return 0;
      const std::string_view close = mustache ? "}}" : "}";
      const std::size_t c = text.substr(0, end).find(close, b + 2);
      if (c == std::string_view::npos || utf8::count_code_points(text.substr(b, c - b)) > kMaxBracketChars ||
          c == b + 2)
        return 0;
      add_quoted(b, c + close.size(), "未填写的模板变量");
      return c + close.size();
    }

    std::size_t bracket(std::size_t b, const Bracket& br) {
      const std::size_t inner = b + br.open.size();
      std::size_t i = inner, n = 0;
      while (i < end && n <= kMaxBracketChars && !starts_with_at(text, i, end, br.close)) {
        if (starts_with_at(text, i, end, br.open)) return 0;  // nested: not a simple fill-in
        i = after(i);
        ++n;
      }
      if (i >= end || n > kMaxBracketChars) return 0;
      std::string_view content = text.substr(inner, i - inner);
      while (!content.empty() && (content.front() == ' ' || content.starts_with("　")))
        content.remove_prefix(content.front() == ' ' ? 1 : 3);
      while (!content.empty() && (content.back() == ' ' || content.ends_with("　")))
        content.remove_suffix(content.back() == ' ' ? 1 : 3);
      const std::size_t e = i + br.close.size();
      // 【】 and （　　） are blanks to fill in; an empty ASCII () is more likely code.
      bool fill_in = content.empty() && br.open.size() > 1;
      for (std::string_view w : kFillInWords) fill_in = fill_in || content.starts_with(w);
      if (br.field_names)
        for (std::string_view f : kFieldNames) fill_in = fill_in || content == f;
      for (std::string_view f : kBlankFieldNames) fill_in = fill_in || content == f;
      if (!fill_in) return 0;
      add_quoted(b, e, "未填写的待填项");
      return e;
    }

    std::size_t latin_note(std::size_t b) {
      if (is_ascii_letter(before(b))) return 0;
      for (std::string_view w : kLatinNotes) {
        if (starts_with_at(text, b, end, w) && !is_ascii_letter(at(b + w.size()))) {
          add_quoted(b, b + w.size(), "未完成的标记");
          return b + w.size();
        }
      }
      return 0;
    }

    std::size_t instruction(std::size_t b) {
      for (std::string_view w : kInstructionWords) {
        if (starts_with_at(text, b, end, w)) {
          add_quoted(b, b + w.size(), "模板的填写提示未删除：");
          return b + w.size();
        }
      }
      return 0;
    }

    std::size_t pending(std::size_t b) {
      if (kWordsEndingInDai.find(before(b)) != std::u32string_view::npos) return 0;
      for (std::string_view w : kPendingWords) {
        if (starts_with_at(text, b, end, w) && !chars::is_han(at(b + w.size()))) {
          add_quoted(b, b + w.size(), "未完成的标记");
          return b + w.size();
        }
      }
      return 0;
    }
  };

  AllowList allow_;
};

REPORTLINT_RULE(Unfilled, "placeholder.unfilled", error, none, "未填写的模板占位符（xx、××、某某、【请填写】、TODO…）");

}  // namespace
}  // namespace reportlint::placeholder
